using System.Text;
using IcpScoring.Ingestion;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Pipeline;

public sealed class ExportIngestionTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadingStreamsRowsWithoutHoldingThem()
    {
        // ~60 MB of export: a reader that held its rows would grow by hundreds of megabytes.
        const int Rows = 400_000;
        var path = _dir.File("big.csv");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write(Some.NotesPreamble + Some.Header2023);
            for (var i = 0; i < Rows; i++)
            {
                w.Write('\n');
                w.Write(Some.Row2023(first: $"First{i}", last: "Last", url: $"https://www.linkedin.com/in/person-{i}", company: $"Company {i % 5000}", position: $"Head of Marketing {i % 700}"));
            }
        }

        long retainedAt100K = 0, retainedAtEnd = 0;
        var seen = 0;
        using (var ingestion = ExportIngestion.Open(path, new IngestionOptions(), CompanyDirectory.Empty))
        {
            foreach (var _ in ingestion.Connections())
            {
                seen++;
                if (seen == 100_000)
                {
                    retainedAt100K = GC.GetTotalMemory(forceFullCollection: true);
                }
                else if (seen == Rows)
                {
                    retainedAtEnd = GC.GetTotalMemory(forceFullCollection: true);
                }
            }

            Assert.Equal(Rows, ingestion.Report.Connections);
        }

        // 300,000 more rows may add their 8-byte duplicate keys (with hash-set overhead), nothing more.
        var growth = retainedAtEnd - retainedAt100K;
        Assert.True(growth < 24 * 1024 * 1024, $"retained memory grew by {growth / 1024 / 1024} MB over 300,000 rows");
    }

    [Fact]
    public void ConnectionsCanBeEnumeratedOnlyOnce()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023()));
        using var ingestion = ExportIngestion.Open(path, new IngestionOptions(), CompanyDirectory.Empty);

        _ = ingestion.Connections().ToList();

        Assert.Throws<InvalidOperationException>(() => ingestion.Connections().ToList());
    }
}
