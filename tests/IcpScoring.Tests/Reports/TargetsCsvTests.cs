using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

public sealed class TargetsCsvTests
{
    [Fact]
    public void TargetsAreUtf8WithByteOrderMarkAndCrlfLineEndings()
    {
        using var dir = new TempFolder();
        var path = dir.File("targets.csv");

        TargetsCsv.Write(path, SomeReports.Targets(), includeEmails: false);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(CsvText.Bom, bytes[..3]);
        var text = File.ReadAllText(path);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal).Replace("VP Growth\nEMEA", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void EmailColumnAppearsOnlyWhenEmailsAreIncluded()
    {
        using var dir = new TempFolder();

        TargetsCsv.Write(dir.File("without.csv"), SomeReports.Targets(), includeEmails: false);
        TargetsCsv.Write(dir.File("with.csv"), SomeReports.Targets(), includeEmails: true);

        Assert.Equal(["First Name", "Last Name", "Company", "Job Title", "Profile URL", "Industry", "Company Size", "Connected On", "Score", "Tier", "Top Reasons", "New This Month"],
            CsvText.Records(dir.File("without.csv"))[0]);
        Assert.DoesNotContain("ana@northwind.example", File.ReadAllText(dir.File("without.csv")), StringComparison.Ordinal);
        var with = CsvText.Records(dir.File("with.csv"));
        Assert.Equal(["First Name", "Last Name", "Company", "Job Title", "Profile URL", "Email", "Industry", "Company Size", "Connected On", "Score", "Tier", "Top Reasons", "New This Month"], with[0]);
        Assert.Equal("ana@northwind.example", with[1][5]);
    }

    [Fact]
    public void RowsKeepTheGivenOrderWithFourDecimalScoresIsoDatesJoinedReasonsAndTheNewMark()
    {
        using var dir = new TempFolder();

        TargetsCsv.Write(dir.File("targets.csv"), SomeReports.Targets(), includeEmails: false);

        var records = CsvText.Records(dir.File("targets.csv"));
        Assert.Equal(["Ana Nair", "Jörg Müller", "Zoë Martin"], records.Skip(1).Select(r => r[0] + " " + r[1]));
        Assert.Equal(["0.9325", "0.8100", "0.6124"], records.Skip(1).Select(r => r[8]));
        Assert.Equal(["2026-04-14", "2025-11-02", ""], records.Skip(1).Select(r => r[7]));
        Assert.Equal("Head in Marketing (+41 pts); industry: Software Development (+23 pts); company size: 51-200 (−3 pts)", records[1][10]);
        Assert.Equal(["Yes", "No", "No"], records.Skip(1).Select(r => r[11]));
        Assert.Equal("Contoso, GmbH", records[2][2]);
        Assert.Equal("Leiter Marketing \"Demand\"", records[2][3]);
        Assert.Equal("VP Growth\nEMEA", records[3][3]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTAB")]
    [InlineData("\rCR")]
    public void EveryCellOfATargetIsSafeFromFormulaInjection(string hostile)
    {
        using var dir = new TempFolder();
        var row = new TargetRow(hostile, hostile, hostile, hostile, hostile, hostile, hostile, hostile, hostile, new DateOnly(2026, 5, 1), 0.5, hostile,
            [new(hostile, 12), new("title mentions \"marketing\"", 30)], hostile);

        TargetsCsv.Write(dir.File("targets.csv"), [row], includeEmails: true);

        var cells = CsvText.Records(dir.File("targets.csv"))[1];
        Assert.Equal(13, cells.Count);
        Assert.All(cells.Where((_, i) => i is not (8 or 9 or 12)), c => Assert.Equal("'" + hostile, c[..(hostile.Length + 1)]));
        Assert.Equal(["2026-05-01", "0.5000", "Yes"], [cells[8], cells[9], cells[12]]);
    }
}
