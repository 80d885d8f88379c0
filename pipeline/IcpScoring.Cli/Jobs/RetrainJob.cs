using System.ComponentModel;
using Hangfire;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Pipeline;
using IcpScoring.Storage;
using Microsoft.Extensions.Logging;
using Serilog.Context;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// Labeled prospects dropped in <c>&lt;inbox&gt;/labels/</c>: a challenger is trained and promoted only
/// when it is not worse than the champion. The decision is the job's result on the dashboard and in
/// the log. A file whose labels cannot train a model goes to <c>labels/failed/</c> with its reason.
/// </summary>
internal sealed partial class RetrainJob(PipelineServices services, ILogger<RetrainJob> logger)
{
    [DisplayName("Retrain on {0}")]
    [AutomaticRetry(Attempts = 2)]
    public RetrainResult Train(string relativePath, CancellationToken cancellationToken)
    {
        using var _ = LogContext.PushProperty("File", relativePath);
        var path = Path.Combine(services.Paths.Inbox, relativePath);
        if (!File.Exists(path))
        {
            return new("no longer in the inbox");
        }

        var sha = FileHashes.Sha256(path);

        using var store = services.OpenStore();
        if (!store.TryClaim(sha, relativePath, null, null, Claimant.Current, TimeSpan.FromMinutes(services.Settings.Jobs.StaleClaimMinutes), out var entry))
        {
            return new(entry.Status == FileStatus.Done ? $"already trained on this file ({entry.Path})" : $"being trained by {entry.ClaimedBy}");
        }

        try
        {
            var retraining = new Retraining(services.Settings.Model, services.Settings.Ingestion, services.Directory, services.Loggers);
            var outcome = retraining.Train(path, services.Registry, PromotionPolicy.Auto, cancellationToken);
            var m = outcome.Challenger.Metadata;
            store.Complete(entry.Id, outcome.Challenger.Version, new FileCounts(m.Rows + m.RejectedRows, m.Rows, 0, 0, m.RejectedRows));
            LogTrained(outcome.Challenger.Version, outcome.Promoted, outcome.Decision);
            return new($"{outcome.Challenger.Version}: {outcome.Decision}", outcome.Challenger.Version, outcome.Promoted, m.Holdout, outcome.PreviousChampion, outcome.ChampionOnHoldout);
        }
        catch (Exception e) when (e is UnreadableExportException or ModelTrainingException)
        {
            var target = Path.Combine(services.Paths.Inbox, InboxScanner.LabelsFolder, InboxScanner.FailedFolder, Path.GetFileName(path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            AtomicFiles.WriteAllText(target + ".reason.txt", e.Message + "\n");
            File.Move(path, target, overwrite: true);
            store.Fail(entry.Id, e.Message);
            LogFailed(e.Message);
            return new($"failed: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            store.Fail(entry.Id, "cancelled while training; it is trained again on the next scan");
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained {Version}: promoted {Promoted}; {Decision}")]
    private partial void LogTrained(string version, bool promoted, string decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retraining failed: {Reason}")]
    private partial void LogFailed(string reason);
}
