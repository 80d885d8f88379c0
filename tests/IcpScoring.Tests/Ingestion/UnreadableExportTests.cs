using IcpScoring.Ingestion;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Ingestion;

public sealed class UnreadableExportTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("\n\n\r\n", "is empty")]
    [InlineData("Notes:\n\"When exporting your connection data, you may notice...\"\n\n", "only LinkedIn's Notes: preamble")]
    [InlineData("Notes:\n\"When exporting...\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n", "no data rows")]
    [InlineData("Date,Amount,Currency\n2023-01-01,12.50,EUR\n", "no header naming a title column")]
    [InlineData("Ana,Nair,https://www.linkedin.com/in/ana,,Northwind,CMO,21 May 2023\n", "no header naming a title column")]
    [InlineData("Company,Industry,Company Size\nNorthwind,Software Development,51-200\n", "no header naming a title column")]
    public void FileThatIsNotAnExportIsAnErrorNamingTheFile(string content, string problem)
    {
        var path = _dir.Write("c.csv", content);

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path));

        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void BinaryFileIsRefused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var path = _dir.Write("photo.csv", bytes);

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path));

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileWhoseEveryRowIsRejectedIsAnErrorNotAnEmptySuccess()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023(connectedOn: "soon"), Some.Row2023(connectedOn: "later")));

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path));

        Assert.Contains("all 2 were rejected", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsAnErrorNamingIt()
    {
        var path = _dir.File("nope.csv");

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path));

        Assert.Equal($"{path}: no such file", e.Message);
    }

    [Fact]
    public void RecordLargerThanTheLimitStopsTheFileWithItsLine()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023(), "Bo,Li,https://www.linkedin.com/in/bo,,\"" + new string('x', 200_000)));

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path, new IngestionOptions { MaxRecordBytes = 64 * 1024 }));

        Assert.Contains("line 6", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRecordBytes", e.Message, StringComparison.Ordinal);
    }
}
