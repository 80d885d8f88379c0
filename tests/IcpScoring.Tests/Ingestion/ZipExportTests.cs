using System.IO.Compression;
using System.Text;
using IcpScoring.Ingestion;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Ingestion;

public sealed class ZipExportTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Zip(string name, params (string Entry, string Text)[] entries)
    {
        var path = _dir.File(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var s = zip.CreateEntry(entry).Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }

    [Fact]
    public void ConnectionsCsvIsFoundInsideLinkedInsExportZip()
    {
        var path = Zip("Basic_LinkedInDataExport_11-01-2026.zip",
            ("Profile.csv", "First Name,Last Name,Headline\nMe,Myself,Marketer\n"),
            ("Messages.csv", "FROM,TO,CONTENT\n"),
            ("Connections.csv", Some.Export2023(Some.Row2023(), ",,,,,,21 May 2023")));

        var (report, connections) = Ingest.File(path);

        Assert.Equal($"{path}!Connections.csv", report.File);
        Assert.Equal("linkedin-2023", report.Format);
        Assert.Equal(2, connections.Count);
    }

    [Fact]
    public void ConnectionsCsvInAFolderOfTheZipIsFound()
    {
        var path = Zip("export.zip", ("export/Connections.csv", Some.Export2023(Some.Row2023())));

        var (report, _) = Ingest.File(path);

        Assert.Equal(1, report.Connections);
    }

    [Fact]
    public void EntryThatEscapesTheFolderIsRefused()
    {
        var path = Zip("evil.zip", ("../../etc/Connections.csv", Some.Export2023(Some.Row2023())));

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path));

        Assert.Contains("escapes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x.csv", true)]
    [InlineData("/etc/passwd", true)]
    [InlineData("C:/Windows/x.csv", true)]
    [InlineData("a/../../x.csv", true)]
    [InlineData("a\\..\\..\\x.csv", true)]
    [InlineData("Connections.csv", false)]
    [InlineData("export/Connections.csv", false)]
    [InlineData("a..b/Connections.csv", false)]
    public void EntryPathsThatLeaveTheArchiveAreRecognised(string entry, bool escapes) =>
        Assert.Equal(escapes, ExportSource.EscapesFolder(entry));

    [Fact]
    public void ZipWithoutConnectionsCsvSaysWhatWasExpected()
    {
        var path = Zip("other.zip", ("Profile.csv", "a,b\n"), ("Messages.csv", "c,d\n"));

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path));

        Assert.Contains("none named Connections.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNamedZipThatIsNotAZipIsRefused()
    {
        var path = _dir.Write("export.zip", "this is not a zip");

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path));

        Assert.Contains("not a zip archive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DamagedZipIsRefused()
    {
        var path = _dir.Write("export.zip", [(byte)'P', (byte)'K', 3, 4, .. new byte[200]]);

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path));

        Assert.Contains("damaged zip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntryLargerThanTheLimitIsRefused()
    {
        var path = Zip("big.zip", ("Connections.csv", Some.Export2023(Enumerable.Range(0, 2_000).Select(i => Some.Row2023(url: $"https://www.linkedin.com/in/p{i}")).ToArray())));

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path, new IngestionOptions { MaxZipEntryBytes = 10_000 }));

        Assert.Contains("MaxZipEntryBytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipBombIsRefusedByItsCompressionRatio()
    {
        // 8 MiB of one repeated row compresses far beyond any real export.
        var row = "\n" + Some.Row2023();
        var text = Some.Export2023(Some.Row2023()) + string.Concat(Enumerable.Repeat(row, 8 * 1024 * 1024 / row.Length));
        var path = Zip("bomb.zip", ("Connections.csv", text));

        var e = Assert.Throws<UnreadableExportException>(() => Ingest.File(path, new IngestionOptions { MaxZipCompressionRatio = 100 }));

        Assert.Contains("zip bomb", e.Message, StringComparison.Ordinal);
    }
}
