using System.ComponentModel;
using IcpScoring.Ingestion;
using Hangfire;
using IcpScoring.Pipeline;
using IcpScoring.Storage;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// The recurring inbox scan: one file job per export the ledger does not show as done, and one
/// retrain job per new labeled-prospects file in <c>labels/</c>, unless such a job is already
/// waiting, running or scheduled for a retry in Hangfire's storage (shared by every server on a
/// PostgreSQL database). Run at start too, so a restarted server re-discovers whatever was not finished.
/// </summary>
internal sealed partial class InboxScanJob(PipelineServices services, IBackgroundJobClient jobs, JobStorage storage, ILogger<InboxScanJob> logger)
{
    [DisplayName("Inbox scan")]
    [AutomaticRetry(Attempts = 0)]
    public int Scan(CancellationToken cancellationToken)
    {
        var inbox = services.Paths.Inbox;
        if (!Directory.Exists(inbox))
        {
            LogNoInbox(inbox);
            return 0;
        }

        using var store = services.OpenStore();

        // One scan at a time across the servers sharing the storage (they all scan at start): a scan
        // then sees what the one before it queued. Only for economy: the ledger decides who processes a file.
        using var connection = storage.GetConnection();
        using var turn = connection.AcquireDistributedLock("icp:inbox-scan", TimeSpan.FromMinutes(1));
        var queued = Queued(storage);
        var enqueued = 0;
        foreach (var file in InboxScanner.Scan(inbox))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!queued.Contains((typeof(FileJob), file.RelativePath)) && Pending(store, file.Path, file.Account, file.LedgerMonth))
            {
                jobs.Enqueue<FileJob>(j => j.Process(file.RelativePath, CancellationToken.None));
                enqueued++;
            }
        }

        var labels = Path.Combine(inbox, InboxScanner.LabelsFolder);
        if (Directory.Exists(labels))
        {
            // labels/*.csv train the default profile; labels/<profile>/*.csv that profile.
            var folders = Directory.EnumerateDirectories(labels)
                .Where(d => !string.Equals(Path.GetFileName(d), InboxScanner.FailedFolder, StringComparison.OrdinalIgnoreCase) && Profiles.ModelsFolder.NameProblem(Path.GetFileName(d)) is null)
                .Prepend(labels);
            foreach (var path in folders.SelectMany(f => Directory.EnumerateFiles(f, "*.csv", SearchOption.TopDirectoryOnly)).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(inbox, path).Replace('\\', '/');
                if (!queued.Contains((typeof(RetrainJob), relative)) && Pending(store, path, null, null))
                {
                    jobs.Enqueue<RetrainJob>(j => j.Train(relative, CancellationToken.None));
                    enqueued++;
                }
            }
        }

        LogScanned(enqueued);
        return enqueued;
    }

    // The files of the jobs already in the storage: a scan every minute over a batch that takes an
    // hour would otherwise queue each file sixty times (each copy costs a hash of the file to find
    // out it is done). Two scans at the same moment may both enqueue a file: the ledger decides.
    internal static HashSet<(Type, string)> Queued(JobStorage storage)
    {
        var monitor = storage.GetMonitoringApi();
        var queued = new HashSet<(Type, string)>();
        foreach (var queue in monitor.Queues())
        {
            AddAll(queued, queue.Length, (from, count) => monitor.EnqueuedJobs(queue.Name, from, count).Select(j => j.Value?.Job));
        }

        AddAll(queued, monitor.ProcessingCount(), (from, count) => monitor.ProcessingJobs(from, count).Select(j => j.Value?.Job));
        AddAll(queued, monitor.ScheduledCount(), (from, count) => monitor.ScheduledJobs(from, count).Select(j => j.Value?.Job));
        return queued;
    }

    private static void AddAll(HashSet<(Type, string)> queued, long total, Func<int, int, IEnumerable<Hangfire.Common.Job?>> page)
    {
        const int Page = 1000;
        for (var from = 0; from < total; from += Page)
        {
            foreach (var job in page(from, Page))
            {
                if (job is { Args: [string path, ..] } && (job.Type == typeof(FileJob) || job.Type == typeof(RetrainJob)))
                {
                    queued.Add((job.Type, path));
                }
            }
        }
    }

    // Files already ingested (their content as placed: a new month of the same account is not) are
    // skipped here; the job itself decides the rest (a file in progress elsewhere is left alone there,
    // another account's content is refused).
    private static bool Pending(PipelineStore store, string path, string? account, string? month)
    {
        try
        {
            return store.AlreadyIngested(FileHashes.Sha256(path), account, month) is null;
        }
        catch (IOException)
        {
            // Still being written by whoever drops it: the next scan takes it.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox scan: {Count} jobs enqueued")]
    private partial void LogScanned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inbox {Inbox} does not exist yet")]
    private partial void LogNoInbox(string inbox);
}
