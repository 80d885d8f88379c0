using System.ComponentModel;
using Hangfire;
using IcpScoring.Pipeline;
using IcpScoring.Storage;
using Microsoft.Extensions.Logging;
using Serilog.Context;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// One export, exactly as <c>icp run</c> does it for that file. Safe to run twice: the ledger
/// decides. A file that can never succeed ends in <c>failed/</c> with its reason (the job itself
/// succeeds); a passing fault (a locked database, a full disk) throws, and Hangfire retries.
/// </summary>
internal sealed partial class FileJob(PipelineServices services, IBackgroundJobClient jobs, JobStorage storage, ILogger<FileJob> logger)
{
    [DisplayName("Export {0}")]
    // A passing fault (a database restarting, a full disk) is usually over within minutes.
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 300, 900])]
    public string Process(string relativePath, CancellationToken cancellationToken)
    {
        using var _ = LogContext.PushProperty("File", relativePath);
        using var store = services.OpenStore();
        if (WaitsFor(store, relativePath) is { } earlier)
        {
            // Not a retry: the worker is free for the earlier month meanwhile.
            jobs.Schedule<FileJob>(j => j.Process(relativePath, CancellationToken.None), WaitBetweenTries);
            LogWaiting(earlier);
            return $"waits for {earlier}, an earlier month of its account still to be processed; runs again in {WaitBetweenTries.TotalSeconds:0} s";
        }

        var job = services.MainJob(store);
        var summary = job.Run(new RunRequest(services.Paths.Out, Inbox: services.Paths.Inbox) { Only = [relativePath], RefreshReports = false, StaleClaimAfter = TimeSpan.FromMinutes(services.Settings.Jobs.StaleClaimMinutes) }, Progress(relativePath), cancellationToken);
        var result = summary.Files.SingleOrDefault();
        if (result is null)
        {
            LogGone(relativePath);
            return "no longer in the inbox";
        }

        LogDone(result.Status, result.Detail);
        var accounts = result.Reports.Select(r => r.Account).Distinct(StringComparer.Ordinal).ToArray();
        // A refresh still waiting in its queue starts after this file's snapshots were committed, and
        // makes the reports of every account with new snapshots: a second one would find nothing to do.
        if (accounts.Length > 0 && storage.GetMonitoringApi().EnqueuedCount(RefreshJob.QueueName) == 0)
        {
            jobs.Enqueue<RefreshJob>(r => r.Refresh(accounts, CancellationToken.None));
        }

        return $"{result.Status}: {result.Detail}";
    }

    private static readonly TimeSpan WaitBetweenTries = TimeSpan.FromSeconds(10);

    // An earlier month of the account still to be processed (queued, retried after a fault, held by a
    // worker that died): this month's new targets are measured against it, so it goes first.
    private string? WaitsFor(PipelineStore store, string relativePath)
    {
        var inbox = services.Paths.Inbox;
        if (!Directory.Exists(inbox) || InboxScanner.Scan(inbox).FirstOrDefault(f => f.RelativePath == relativePath) is not { } file)
        {
            return null;
        }

        HashSet<(Type, string)>? queued = null;
        return EarlierMonths.Pending(store, inbox, file, path => (queued ??= InboxScanJob.Queued(storage)).Contains((typeof(FileJob), path)), DateTimeOffset.UtcNow);
    }

    private IProgress<FileProgress> Progress(string file) => new ProgressToLog(this, services.Board, file);

    [LoggerMessage(Level = LogLevel.Information, Message = "File job finished: {Status}: {Detail}")]
    private partial void LogDone(string status, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waits for {Earlier}, an earlier month of its account still to be processed")]
    private partial void LogWaiting(string earlier);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} is no longer in the inbox")]
    private partial void LogGone(string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Stage} {Rows} of {Total} rows")]
    private partial void LogProgress(string stage, long rows, long? total);

    private sealed class ProgressToLog(FileJob owner, JobBoard board, string file) : IProgress<FileProgress>
    {
        public void Report(FileProgress value)
        {
            if (value.File == file)
            {
                owner.LogProgress(value.Stage, value.Rows, value.TotalRows);
                board.Report(value);
            }
        }
    }
}
