using IcpScoring.Drift;
using IcpScoring.Normalization;
using IcpScoring.Storage;

namespace IcpScoring.Pipeline;

/// <summary>
/// Before a file is queued for an account and month: does it look like that account's next export?
/// The same checks as the drift report's (<see cref="Plausibility"/>), against the account's month
/// before this one in the database, so the upload page can say what looks wrong before anything is
/// recorded.
/// </summary>
internal static class UploadPlausibility
{
    /// <summary>What looks wrong, in words; empty when nothing does or the account has no earlier month.</summary>
    public static IReadOnlyList<string> Check(string path, string account, string month, Ingestion.IngestionOptions ingestion, CompanyDirectory directory, PipelineStore store, DriftOptions options, CancellationToken cancellationToken = default)
    {
        var before = store.Snapshots(account)
            .Where(s => string.CompareOrdinal(s.Month, month) < 0)
            .MaxBy(s => s.Month, StringComparer.Ordinal);
        if (before is null)
        {
            return [];
        }

        var previous = Plausibility.Of(new SnapshotData(before, [.. store.SnapshotRows(before.Id)], 0, 0));
        var people = new HashSet<string>(StringComparer.Ordinal);
        DateOnly? newest = null;
        long connections = 0, ordinal = 0;
        using (var export = ExportIngestion.Open(path, ingestion, directory))
        {
            foreach (var c in export.Connections(cancellationToken))
            {
                var key = SnapshotKeys.For(c, ordinal++);
                connections++;
                if (!c.IsHidden)
                {
                    people.Add(key);
                }

                if (c.ConnectedOn is { } d && (newest is null || d > newest))
                {
                    newest = d;
                }
            }
        }

        return Plausibility.Check(previous, new Plausibility.Month(connections, people, newest), options);
    }
}
