using IcpScoring.Ingestion;
using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

public sealed class RejectsCsvTests
{
    [Fact]
    public void RejectsStartWithTheLineReasonHeaderAndListEachReject()
    {
        using var dir = new TempFolder();

        RejectsCsv.Write(dir.File("rejects.csv"), "Connections.csv", [new RowReject(7, "too many fields (9, expected 7)"), new RowReject(12, "field longer than 65,536 characters")], 2);

        Assert.Equal(CsvText.Bom, File.ReadAllBytes(dir.File("rejects.csv"))[..3]);
        var records = CsvText.Records(dir.File("rejects.csv"));
        Assert.Equal([["line", "reason"], ["7", "too many fields (9, expected 7)"], ["12", "field longer than 65,536 characters"]], records);
    }

    [Fact]
    public void ReasonsQuotingTheDataAreSafeFromFormulaInjection()
    {
        using var dir = new TempFolder();

        RejectsCsv.Write(dir.File("rejects.csv"), "x.csv", [new RowReject(3, "=cmd|' /C calc'!A0")], 1);

        Assert.Equal("'=cmd|' /C calc'!A0", CsvText.Records(dir.File("rejects.csv"))[1][1]);
    }

    [Fact]
    public void RejectsBeyondTheListedOnesAreCountedInALastRow()
    {
        using var dir = new TempFolder();

        RejectsCsv.Write(dir.File("rejects.csv"), "/inbox/acme/2026-05.csv", [new RowReject(5, "bad quote")], 1_501);

        var last = CsvText.Records(dir.File("rejects.csv"))[^1];
        Assert.Equal("", last[0]);
        Assert.Equal("1,500 more rejected rows of 2026-05.csv are not listed (1,501 rejected in all, the first 1 listed)", last[1]);
    }
}
