using System.ComponentModel;
using IcpScoring.Ingestion;
using Hangfire;
using IcpScoring.Pipeline;
using IcpScoring.Storage;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// The recurring inbox scan: one file job per export the ledger does not show as done, and one
/// retrain job per new labeled-prospects file in <c>labels/</c>. Run at start too, so a restarted
/// server re-discovers whatever was not finished.
/// </summary>
internal sealed partial class InboxScanJob(PipelineServices services, IBackgroundJobClient jobs, ILogger<InboxScanJob> logger)
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
        var enqueued = 0;
        foreach (var file in InboxScanner.Scan(inbox))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Pending(store, file.Path))
            {
                jobs.Enqueue<FileJob>(j => j.Process(file.RelativePath, CancellationToken.None));
                enqueued++;
            }
        }

        var labels = Path.Combine(inbox, InboxScanner.LabelsFolder);
        if (Directory.Exists(labels))
        {
            foreach (var path in Directory.EnumerateFiles(labels, "*.csv", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            {
                if (Pending(store, path))
                {
                    var relative = Path.GetRelativePath(inbox, path).Replace('\\', '/');
                    jobs.Enqueue<RetrainJob>(j => j.Train(relative, CancellationToken.None));
                    enqueued++;
                }
            }
        }

        LogScanned(enqueued);
        return enqueued;
    }

    // Done files are skipped here; the job itself decides the rest (a file in progress elsewhere is left alone there).
    private static bool Pending(PipelineStore store, string path)
    {
        try
        {
            var sha = FileHashes.Sha256(path);
            return store.FindBySha(sha) is not { Status: FileStatus.Done or FileStatus.Skipped };
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
