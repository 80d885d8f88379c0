namespace IcpScoring.Samples;

// The shapes LinkedIn's Connections.csv has had (PRODUCT.md §3.1).
internal enum NativeEra
{
    Y2018,
    Y2020,
    Y2022,
    Y2023,
    ExcelResave,
}
