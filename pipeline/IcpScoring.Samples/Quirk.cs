namespace IcpScoring.Samples;

// The quirks a sample row can carry; writers note the first line of each for the READMEs.
[Flags]
internal enum Quirk
{
    None = 0,
    Hidden = 1,
    Untrimmed = 2,
    JunkName = 4,
    Tagline = 8,
    DoubledQuotes = 16,
    CommaInField = 32,
    EmptyTitle = 64,
    Email = 128,
    Duplicate = 256,
    MissingIndustry = 512,
    MissingSize = 1024,
    LabelNoise = 2048,
    NameVariant = 4096,
}
