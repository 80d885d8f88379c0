using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

public sealed class CompaniesCsvTests
{
    [Fact]
    public void CompaniesAreUtf8WithByteOrderMarkAndEveryCellIsSafeFromFormulaInjection()
    {
        using var dir = new TempFolder();
        const string Hostile = "=HYPERLINK(\"http://evil\",\"x\")";

        CompaniesCsv.Write(dir.File("companies.csv"), [new BuyingCommittee(Hostile, 2, 0.9, [new(Hostile, Hostile, "", 0.9, true), new("+Bo", "-VP", "", 0.8, false)])]);

        Assert.Equal(CsvText.Bom, File.ReadAllBytes(dir.File("companies.csv"))[..3]);
        var row = CsvText.Records(dir.File("companies.csv"))[1];
        Assert.Equal(["'" + Hostile, "2", "0.9000", "'" + Hostile + "; +Bo", "'" + Hostile + "; -VP"], row);
    }
}
