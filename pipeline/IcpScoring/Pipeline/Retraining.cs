using System.Globalization;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Pipeline;

/// <summary>
/// Retraining made safe: every challenger is kept as a new version, compared with the champion on
/// the same holdout rows, and promoted only when it is not worse (or as the policy says).
/// </summary>
internal sealed partial class Retraining(ModelOptions model, IngestionOptions ingestion, CompanyDirectory directory, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger<Retraining>();

    public RetrainOutcome Train(string labeledFile, ModelRegistry registry, PromotionPolicy policy, CancellationToken cancellationToken = default)
    {
        var set = LabeledSet.Read(labeledFile, ingestion, directory);
        LogRead(set.Report.File, set.Rows.Count, set.Positives, set.Report.Rejected);
        var trained = new IcpTrainer(model, loggers.CreateLogger<IcpTrainer>()).Train(set, cancellationToken);
        var challenger = registry.Add(trained.Save, trained.Metadata);

        var (champion, championMetrics, problem) = EvaluateChampion(registry, trained.Holdout);
        var challengerMetrics = challenger.Metadata.Holdout;
        var (promote, decision) = Decide(policy, champion, championMetrics, challengerMetrics, problem, model.PromotionTolerance);
        if (promote)
        {
            registry.Promote(challenger.Version, decision);
        }

        LogDecision(challenger.Version, promote, decision);
        return new RetrainOutcome(promote ? challenger with { IsChampion = true } : challenger, champion, championMetrics, promote, decision, set.Report);
    }

    /// <summary>Metrics of a registered model on a labeled file, at the model's own threshold.</summary>
    public (RegistryEntry Model, ModelMetrics Metrics, IngestReport Report) Evaluate(string labeledFile, ModelRegistry registry, string? version)
    {
        var entry = version is null
            ? registry.Champion() ?? throw new ModelLoadException($"{registry.Folder}: no champion model; train one with icp train LABELED.csv")
            : registry.Get(version);
        var icp = IcpModel.Load(entry);
        var set = LabeledSet.Read(labeledFile, ingestion, directory);
        var labels = set.Rows.Select(r => r.Label).ToArray();
        if (set.Positives == 0 || set.Negatives == 0)
        {
            throw new ModelTrainingException($"{set.File}: every labeled row is one class; AUC and average precision need both ICP (true) and non-ICP (false) rows");
        }

        var metrics = IcpTrainer.Metrics(labels, icp.Probabilities(set.Rows), icp.Threshold);
        return (entry, metrics, set.Report);
    }

    private (string? Version, ModelMetrics? Metrics, string? Problem) EvaluateChampion(ModelRegistry registry, IReadOnlyList<ModelInput> holdout)
    {
        try
        {
            if (registry.Champion() is not { } champion)
            {
                return (null, null, null);
            }

            var icp = IcpModel.Load(champion);
            var metrics = IcpTrainer.Metrics([.. holdout.Select(r => r.Label)], icp.Probabilities(holdout), icp.Threshold);
            return (champion.Version, metrics, null);
        }
        catch (Exception e) when (e is ModelLoadException or ModelRegistryException)
        {
            // A champion that cannot be used is no bar to clear; say so in the decision.
            LogUnusableChampion(e.Message);
            return (registry.ChampionVersion, null, e.Message);
        }
    }

    /// <summary>Whether a challenger becomes champion, and why, in words for the log and the dashboard.</summary>
    internal static (bool Promote, string Decision) Decide(PromotionPolicy policy, string? champion, ModelMetrics? before, ModelMetrics after, string? problem, double tolerance)
    {
        var c = CultureInfo.InvariantCulture;
        switch (policy)
        {
            case PromotionPolicy.Always:
                return (true, "promoted: --promote always");
            case PromotionPolicy.Never:
                return (false, "kept as a challenger: --promote never");
        }

        if (champion is null)
        {
            return (true, "promoted: there was no champion");
        }

        if (before is null)
        {
            return (true, $"promoted: champion {champion} cannot be used ({problem})");
        }

        var notWorse = after.Auc >= before.Auc - tolerance && after.Auprc >= before.Auprc - tolerance;
        var comparison = string.Create(c, $"holdout AUC {after.Auc:F4} vs {before.Auc:F4}, average precision {after.Auprc:F4} vs {before.Auprc:F4} (champion {champion}, tolerance {tolerance})");
        return notWorse ? (true, "promoted: not worse than the champion; " + comparison) : (false, "kept as a challenger: worse than the champion; " + comparison);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read labeled prospects {Labels}: {Rows} rows, {Positives} ICP, {Rejected} rejected")]
    private partial void LogRead(string labels, int rows, int positives, long rejected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version}: promoted {Promoted}; {Decision}")]
    private partial void LogDecision(string version, bool promoted, string decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The champion cannot be used: {Problem}")]
    private partial void LogUnusableChampion(string problem);
}
