using IcpScoring.Ingestion;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;

namespace IcpScoring.Model;

/// <summary>
/// Labeled prospects read with the same readers and normalization as connection exports, so the
/// model trains on exactly what it will score. Rows whose label is not a boolean are rejected
/// with their line number; rows whose label is left empty (a label queue's file filled in part) are
/// skipped and counted in <see cref="Unlabeled"/>.
/// </summary>
internal sealed class LabeledSet
{
    private LabeledSet(string file, string sha256, IReadOnlyList<ModelInput> rows, IReadOnlyList<Connection> people, long unlabeled, IngestReport report)
    {
        File = file;
        Sha256 = sha256;
        Rows = rows;
        People = people;
        Unlabeled = unlabeled;
        Report = report;
        Positives = rows.Count(r => r.Label);
    }

    public string File { get; }

    /// <summary>SHA-256 of the file's bytes, recorded with every model trained on it.</summary>
    public string Sha256 { get; }

    public IReadOnlyList<ModelInput> Rows { get; }

    /// <summary>The person of each row, as normalized (for recording the labels under the person's key).</summary>
    public IReadOnlyList<Connection> People { get; }

    /// <summary>Rows whose label was left empty: neither trained on nor rejected (not in the report's rows).</summary>
    public long Unlabeled { get; }

    public IngestReport Report { get; }

    public int Positives { get; }

    public int Negatives => Rows.Count - Positives;

    /// <summary>The rows as a trainer takes them.</summary>
    public TrainingSet ToTrainingSet() => new(Rows, File, Sha256, Report.Rejected);

    public static LabeledSet Read(string path, IngestionOptions options, CompanyDirectory directory)
    {
        using var reader = ExportReader.Open(path, options, ColumnAliases.Create(options.Columns), ExportKind.LabeledProspects);
        var report = reader.Report;
        if (!reader.Layout.Has(ColumnRole.Label))
        {
            throw new UnreadableExportException(report.File, "has no label column; expected a column IsIcp, Label or Icp holding true/false, 1/0 or yes/no");
        }

        var normalizer = new ConnectionNormalizer(directory);
        var rows = new List<ModelInput>();
        var people = new List<Connection>();
        long unlabeled = 0;
        foreach (var row in reader.Rows())
        {
            if (row.Label.Trim().Length == 0)
            {
                unlabeled++;
                continue;
            }

            if (!TryParseLabel(row.Label, out var label))
            {
                // Rejected rows are accounted for by the reader's report, like any other reject.
                RejectLabel(report, row);
                continue;
            }

            report.Accept(row);
            var connection = normalizer.Normalize(row);
            rows.Add(ModelFeatures.From(connection, label));
            people.Add(connection);
        }

        ExportIngestion.EnsureSomethingWasRead(report);
        return new LabeledSet(report.File, FileHashes.Sha256(path), rows, people, unlabeled, report);
    }

    internal static bool TryParseLabel(string text, out bool label)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES":
                label = true;
                return true;
            case "FALSE" or "0" or "NO":
                label = false;
                return true;
            default:
                label = false;
                return false;
        }
    }

    private static void RejectLabel(IngestReport report, ExportRow row) =>
        report.Reject(row.Line, $"label '{(row.Label.Length > 20 ? row.Label[..20] + "…" : row.Label)}' is not true/false, 1/0 or yes/no");

}
