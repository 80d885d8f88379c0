using IcpScoring.Ingestion;
using IcpScoring.Normalization;

namespace IcpScoring.Pipeline;

/// <summary>
/// An export being ingested: read, normalized and de-duplicated as it streams, with every row
/// accounted for in <see cref="Report"/>. Dispose it when done.
/// </summary>
internal sealed class ExportIngestion : IDisposable
{
    private readonly ExportReader _reader;
    private readonly ConnectionNormalizer _normalizer;
    private readonly DuplicateFilter _duplicates = new();
    private bool _read;

    private ExportIngestion(ExportReader reader, CompanyDirectory directory)
    {
        _reader = reader;
        _normalizer = new ConnectionNormalizer(directory);
    }

    public IngestReport Report => _reader.Report;

    public static ExportIngestion Open(string path, IngestionOptions options, CompanyDirectory directory) =>
        new(ExportReader.Open(path, options, ColumnAliases.Create(options.Columns)), directory);

    /// <summary>The connections, hidden profiles included, duplicates left out; enumerate once.</summary>
    public IEnumerable<Connection> Connections(CancellationToken cancellationToken = default)
    {
        if (_read)
        {
            throw new InvalidOperationException("An export's connections can be enumerated once.");
        }

        _read = true;
        var report = _reader.Report;
        foreach (var row in _reader.Rows(cancellationToken))
        {
            var connection = _normalizer.Normalize(row);
            if (!_duplicates.FirstTime(connection))
            {
                report.Duplicate();
                continue;
            }

            report.Accept(row);
            report.WithTitle += connection.CleanTitle.Length > 0 ? 1 : 0;
            report.WithIndustry += connection.Industry is not null ? 1 : 0;
            report.WithCompanySize += connection.CompanySize is not null ? 1 : 0;
            report.FromDirectory += connection.FirmographicsFromDirectory ? 1 : 0;
            report.OutsideNetwork += connection.IsOutsideNetwork ? 1 : 0;
            yield return connection;
        }

        EnsureSomethingWasRead(report);
    }

    /// <summary>An export that yields nothing was not understood, whatever its header said.</summary>
    internal static void EnsureSomethingWasRead(IngestReport report)
    {
        if (report.DataRows == 0)
        {
            throw new UnreadableExportException(report.File, "has a header but no data rows; expected at least one connection");
        }

        if (report.Connections == 0)
        {
            var first = report.Rejects.Count > 0 ? $" (first: line {report.Rejects[0].Line}, {report.Rejects[0].Reason})" : "";
            throw new UnreadableExportException(report.File, $"no row could be read: all {report.Rejected:N0} were rejected{first}");
        }
    }

    /// <summary>Reads the whole export for its report alone.</summary>
    public static IngestReport Inspect(string path, IngestionOptions options, CompanyDirectory directory, CancellationToken cancellationToken = default)
    {
        using var ingestion = Open(path, options, directory);
        foreach (var _ in ingestion.Connections(cancellationToken))
        {
        }

        return ingestion.Report;
    }

    public void Dispose() => _reader.Dispose();
}
