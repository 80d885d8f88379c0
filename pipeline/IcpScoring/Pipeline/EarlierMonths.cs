using IcpScoring.Ingestion;
using IcpScoring.Storage;

namespace IcpScoring.Pipeline;

/// <summary>
/// Which earlier month of the same account, waiting in the inbox, a file's month should be processed
/// after. What is new this month is measured against the account's previous month in the database:
/// with several workers (or a job retried after a fault), a month processed before its previous one
/// would compare with the month before that, and its new targets would depend on who got there first.
/// </summary>
internal static class EarlierMonths
{
    /// <summary>How long a file that cannot be read yet is taken to be still arriving.</summary>
    public static readonly TimeSpan StillArriving = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The inbox path of an earlier month of <paramref name="file"/>'s account that is still to be
    /// processed and will be: it has a job (<paramref name="hasJob"/>); or it is claimed in the ledger,
    /// by a worker at it, by one whose database went away mid-file (its job waits for a retry), or by
    /// one that died (the claim goes stale and the next inbox scan queues the file again); or the
    /// ledger has never seen it (the next inbox scan queues it). An earlier file the ledger failed and
    /// nobody retries (its profile cannot score yet) is not waited for; nor is a file without an
    /// account or a month in its name, whose place in the order is not known before it is read. Null
    /// when nothing is to be waited for.
    /// </summary>
    public static string? Pending(PipelineStore store, string inbox, InboxFile file, Func<string, bool> hasJob, DateTimeOffset now)
    {
        if (file.Account is null || file.Month is null || !Directory.Exists(inbox))
        {
            return null;
        }

        var earlier = InboxScanner.Scan(inbox)
            .Where(f => f.Account == file.Account && f.Month is { } m && string.CompareOrdinal(m, file.Month) < 0)
            .ToList();
        if (earlier.Count == 0)
        {
            return null;
        }

        var ledger = store.Ledger();
        foreach (var other in earlier)
        {
            var seen = ledger.Where(e => e.Path == other.RelativePath && e.Account == other.Account && e.Month == other.LedgerMonth).ToList();
            if (seen.Count > 0 && seen.All(e => e.Status != FileStatus.Processing) && !hasJob(other.RelativePath))
            {
                continue;
            }

            string sha;
            try
            {
                sha = FileHashes.Sha256(other.Path);
            }
            catch (IOException)
            {
                if (now - File.GetLastWriteTimeUtc(other.Path) < StillArriving)
                {
                    return other.RelativePath;
                }

                continue;
            }

            if (store.AlreadyIngested(sha, other.Account, other.LedgerMonth) is null)
            {
                return other.RelativePath;
            }
        }

        return null;
    }
}
