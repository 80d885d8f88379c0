using IcpScoring.Ingestion;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Ingestion;

public sealed class RowAccountingTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EveryDataRowIsAConnectionADuplicateOrARejectWithItsPhysicalLine()
    {
        // Lines 1-3 preamble, 4 header, data from line 5.
        var path = _dir.Write("c.csv", Some.Export2023(
            Some.Row2023(),                                                     // 5 accepted
            ",,,,,,21 May 2023",                                                // 6 hidden
            Some.Row2023(url: "https://linkedin.com/in/ana-nair-1a/"),         // 7 duplicate (same profile)
            Some.Row2023(first: "Bo", url: "https://www.linkedin.com/in/bo", connectedOn: "yesterday"), // 8 bad date
            "Cy,Li,https://www.linkedin.com/in/cy,,Globex",                     // 9 too few fields
            "Di,Wu,https://www.linkedin.com/in/di,,Globex,CMO,21 May 2023,oops", // 10 too many fields
            Some.Header2023,                                                    // 11 header again
            ",,,,,,",                                                           // 12 blank row
            Some.Row2023(first: "Ed", url: "https://www.linkedin.com/in/ed")));  // 13 accepted

        var (report, _) = Ingest.File(path);

        Assert.Equal(9, report.DataRows);
        Assert.Equal(3, report.Connections);
        Assert.Equal(1, report.Hidden);
        Assert.Equal(1, report.Duplicates);
        Assert.Equal(5, report.Rejected);
        Ingest.AssertEveryRowAccountedFor(report);
        Assert.Equal([8L, 9, 10, 11, 12], report.Rejects.Select(r => r.Line));
        Assert.Contains("Connected On", report.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("too few fields", report.Rejects[1].Reason, StringComparison.Ordinal);
        Assert.Contains("too many fields", report.Rejects[2].Reason, StringComparison.Ordinal);
        Assert.Contains("header", report.Rejects[3].Reason, StringComparison.Ordinal);
        Assert.Contains("blank", report.Rejects[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LineNumbersCountLinesInsideQuotedFields()
    {
        var path = _dir.Write("c.csv", Some.Export2023(
            "Ana,Nair,https://www.linkedin.com/in/ana,,Northwind,\"Head of Growth\nand Demand\",21 May 2023",
            "Bo,Li,https://www.linkedin.com/in/bo,,Globex,CMO,not a date"));

        var (report, connections) = Ingest.File(path);

        Assert.Equal(5, connections[0].Line);
        Assert.Equal(7, report.Rejects.Single().Line);
    }

    [Fact]
    public void TrailingEmptyFieldsFromSpreadsheetsAreNotTooMany()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023() + ",,"));

        var (report, _) = Ingest.File(path);

        Assert.Equal(1, report.Connections);
        Assert.Equal(0, report.Rejected);
    }

    [Fact]
    public void UnterminatedQuoteRejectsItsRowAndKeepsTheRowsBefore()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023(), "Bo,Li,https://www.linkedin.com/in/bo,,\"Globex,CMO,21 May 2023"));

        var (report, _) = Ingest.File(path);

        Assert.Equal(1, report.Connections);
        Assert.Equal(6, report.Rejects.Single().Line);
        Assert.Contains("unterminated quote", report.Rejects.Single().Reason, StringComparison.Ordinal);
        Ingest.AssertEveryRowAccountedFor(report);
    }

    [Fact]
    public void TextAfterAClosingQuoteIsRejected()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023(), "Bo,Li,https://www.linkedin.com/in/bo,,\"Globex\" Ltd,CMO,21 May 2023", Some.Row2023(first: "Cy", url: "https://www.linkedin.com/in/cy")));

        var (report, _) = Ingest.File(path);

        Assert.Equal(2, report.Connections);
        Assert.Equal(6, report.Rejects.Single().Line);
        Assert.Contains("closing quote", report.Rejects.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizedFieldIsRejectedWithItsColumn()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023(position: new string('x', 5_000)), Some.Row2023(first: "Bo", url: "https://www.linkedin.com/in/bo")));

        var (report, _) = Ingest.File(path, new IngestionOptions { MaxFieldChars = 1_000 });

        Assert.Equal(1, report.Connections);
        Assert.Contains("oversized field in column 6", report.Rejects.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NulBytesRejectTheirRow()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023(company: "Nor\0wind"), Some.Row2023(first: "Bo", url: "https://www.linkedin.com/in/bo")));

        var (report, _) = Ingest.File(path);

        Assert.Equal(1, report.Connections);
        Assert.Contains("NUL", report.Rejects.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAreAllCountedButOnlyTheFirstAreListed()
    {
        var rows = Enumerable.Range(0, 50).Select(i => Some.Row2023(url: $"https://www.linkedin.com/in/p{i}", connectedOn: "bad")).Append(Some.Row2023()).ToArray();
        var path = _dir.Write("c.csv", Some.Export2023(rows));

        var (report, _) = Ingest.File(path, new IngestionOptions { MaxRejectsListed = 10 });

        Assert.Equal(50, report.Rejected);
        Assert.Equal(10, report.Rejects.Count);
        Ingest.AssertEveryRowAccountedFor(report);
    }
}
