using System.ComponentModel;
using Hangfire;
using IcpScoring.Ingestion;
using IcpScoring.Labeling;
using IcpScoring.Model;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Storage;
using Microsoft.Extensions.Logging;
using Serilog.Context;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// Labeled prospects dropped in <c>&lt;inbox&gt;/labels/</c>: a challenger is trained and promoted only
/// when it is not worse than the champion. The decision is the job's result on the dashboard and in
/// the log. The file's labels are recorded in the database with the profile's other labels, which
/// train the challenger too. A file whose labels cannot train a model goes to <c>labels/failed/</c> with its reason.
/// The <c>/label</c> page's "retrain now" takes the same path with the profile's stored labels (<see cref="TrainOnLabels"/>).
/// </summary>
internal sealed partial class RetrainJob(PipelineServices services, ILogger<RetrainJob> logger)
{
    /// <summary>Where "retrain now" writes a profile's labels for the retrain job, relative to the inbox.</summary>
    public const string StoredLabelsFolder = ".labels";

    [DisplayName("Retrain on {0}")]
    [AutomaticRetry(Attempts = 2)]
    public RetrainResult Train(string relativePath, CancellationToken cancellationToken) => Train(relativePath, null, cancellationToken);

    /// <summary>
    /// The <c>/label</c> page's "retrain now": the profile's stored labels, written as labeled
    /// prospects under <c>&lt;inbox&gt;/.labels/&lt;profile&gt;/</c> (a dot-folder, which no inbox scan
    /// picks up), trained on like any labels file. Named by their content, so the same labels are
    /// trained on once. The labels are not recorded again: who gave each one and when stay as they are.
    /// </summary>
    [DisplayName("Retrain {0} on its labels")]
    [AutomaticRetry(Attempts = 2)]
    public RetrainResult TrainOnLabels(string profile, CancellationToken cancellationToken)
    {
        if (ModelsFolder.NameProblem(profile) is { } problem)
        {
            return new($"failed: {problem}");
        }

        var folder = Path.Combine(services.Paths.Inbox, StoredLabelsFolder, profile);
        Directory.CreateDirectory(folder);
        var staging = Path.Combine(folder, $".{Guid.NewGuid():N}.csv");
        IReadOnlyList<StoredLabel> labels;
        using (var store = services.OpenStore())
        {
            labels = new ProfileLabels(store.Labels, profile).Export(staging);
        }

        if (labels.Count == 0)
        {
            File.Delete(staging);
            return new($"profile {profile} has no labels yet") { Profile = profile };
        }

        var name = FileHashes.Sha256(staging)[..16] + ".csv";
        File.Move(staging, Path.Combine(folder, name), overwrite: true);
        var set = new TrainingSet([.. labels.Select(ProfileLabels.Input)], $"{labels.Count} labels of profile {profile}", "");
        return Train($"{StoredLabelsFolder}/{profile}/{name}", read => set with { Sha256 = read.Sha256 }, cancellationToken);
    }

    // storedLabels: the file is the profile's stored labels (retrain now), trained on as the store has
    // them rather than recorded again as the file's.
    private RetrainResult Train(string relativePath, Func<LabeledSet, TrainingSet>? storedLabels, CancellationToken cancellationToken)
    {
        using var _ = LogContext.PushProperty("File", relativePath);
        var path = Path.Combine(services.Paths.Inbox, relativePath);
        if (!File.Exists(path))
        {
            return new("no longer in the inbox");
        }

        var sha = FileHashes.Sha256(path);

        using var store = services.OpenStore();
        if (store.TryClaim(sha, relativePath, null, null, Claimant.Current, TimeSpan.FromMinutes(services.Settings.Jobs.StaleClaimMinutes), out var entry) is not ClaimOutcome.Claimed and var claim)
        {
            return new(claim == ClaimOutcome.AlreadyDone ? $"already trained on this file ({entry.Path})" : $"being trained by {entry.ClaimedBy}");
        }

        try
        {
            var retraining = new Retraining(services.Settings.Model, services.Settings.Ingestion, services.Directory, services.Loggers);
            var profile = services.ModelsFolder.GetOrNew(ProfileOf(relativePath));
            var outcome = retraining.Train(path, profile, profile.Criteria is null ? null : () => CriteriaPopulation.ForProfile(profile.Name, services.Routing(store), store, services.Paths.Inbox, services.Settings.Ingestion, services.Directory, cancellationToken), PromotionPolicy.Auto, cancellationToken,
                storedLabels ?? (set => new ProfileLabels(store.Labels, profile.Name).Record(set, LabelSource.File, "local")));
            var m = outcome.Challenger.Metadata;
            store.Complete(entry.Id, new ModelRef(profile.Name, outcome.Challenger.Version).ToString(), new FileCounts(m.Rows + m.RejectedRows, m.Rows, 0, 0, m.RejectedRows));
            LogTrained(profile.Name, outcome.Challenger.Version, outcome.Promoted, outcome.Decision);
            return new($"profile {profile.Name}, {outcome.Challenger.Version}: {outcome.Decision}", outcome.Challenger.Version, outcome.Promoted, m.Holdout, outcome.PreviousChampion, outcome.ChampionOnHoldout) { Profile = profile.Name, Comparison = outcome.Comparison, Reliability = m.Reliability, Calibration = m.Calibration is { } cal ? $"{cal.Method}; {cal.Choice}" : null, Caveats = [.. m.Caveats] };
        }
        catch (Exception e) when (e is UnreadableExportException or ModelTrainingException or ProfileException)
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

    // labels/x.csv trains the default profile, labels/<profile>/x.csv that profile.
    private string ProfileOf(string relativePath)
    {
        var parts = relativePath.Split('/');
        return parts.Length >= 3 ? parts[1] : services.Settings.Profiles.Default;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {Profile}: trained {Version}: promoted {Promoted}; {Decision}")]
    private partial void LogTrained(string profile, string version, bool promoted, string decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retraining failed: {Reason}")]
    private partial void LogFailed(string reason);
}
