using IcpScoring.Ingestion;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;

namespace IcpScoring.Tests.Support;

/// <summary>Runs the real ingestion on a file and keeps what it yields.</summary>
internal static class Ingest
{
    public static (IngestReport Report, List<Connection> Connections) File(string path, IngestionOptions? options = null, CompanyDirectory? directory = null)
    {
        using var ingestion = ExportIngestion.Open(path, options ?? new IngestionOptions(), directory ?? CompanyDirectory.Empty);
        var connections = ingestion.Connections().ToList();
        return (ingestion.Report, connections);
    }

    public static void AssertEveryRowAccountedFor(IngestReport report) =>
        Assert.Equal(report.DataRows, report.Connections + report.Duplicates + report.Rejected);
}
