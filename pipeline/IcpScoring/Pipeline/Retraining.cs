using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Model.Promotion;
using IcpScoring.Normalization;
using IcpScoring.Profiles;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Pipeline;

/// <summary>
/// Retraining made safe: every challenger is kept as a new version, compared with the champion on
/// rows neither was trained on (<see cref="PromotionGate"/>), and promoted only when it is not
/// shown worse (or as the policy says).
/// </summary>
internal sealed partial class Retraining(ModelOptions model, IngestionOptions ingestion, CompanyDirectory directory, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger<Retraining>();

    public RetrainOutcome Train(string labeledFile, ModelRegistry registry, PromotionPolicy policy, CancellationToken cancellationToken = default) =>
        Train(labeledFile, registry, null, null, policy, cancellationToken);

    /// <summary>
    /// Trains a challenger for a profile on labeled prospects. When the profile states criteria and
    /// <paramref name="population"/> gives connections of its accounts, those connections, labeled by
    /// the criteria, train it too; where a labeled prospect and the criteria disagree on the same
    /// input (title, industry and size), the label wins. People's labels alone judge it.
    /// </summary>
    /// <remarks>
    /// <paramref name="labels"/> turns the file's labels into the profile's training set: it records
    /// them with the profile's other labels (the label store) and adds those of other people.
    /// </remarks>
    public RetrainOutcome Train(string labeledFile, IcpProfile profile, Func<CriteriaPopulation>? population, PromotionPolicy policy, CancellationToken cancellationToken = default, Func<LabeledSet, TrainingSet>? labels = null) =>
        Train(labeledFile, profile.Registry, profile, population, policy, cancellationToken, labels);

    private RetrainOutcome Train(string labeledFile, ModelRegistry registry, IcpProfile? profile, Func<CriteriaPopulation>? population, PromotionPolicy policy, CancellationToken cancellationToken, Func<LabeledSet, TrainingSet>? labels = null)
    {
        var set = LabeledSet.Read(labeledFile, ingestion, directory);
        LogRead(set.Report.File, set.Rows.Count, set.Positives, set.Report.Rejected, set.Unlabeled);
        var labeled = labels is null ? set.ToTrainingSet() : labels(set);
        var (training, stats) = WithCriteria(labeled, profile, population);
        var trained = new IcpTrainer(model, loggers.CreateLogger<IcpTrainer>()).Train(training, cancellationToken);
        var metadata = trained.Metadata with
        {
            Profile = profile?.Name ?? "",
            CriteriaSha256 = stats is null ? "" : profile!.Criteria!.Sha256,
            CriteriaUndecided = stats?.Undecided ?? 0,
        };
        // The rows the version trained on and its holdout scores go into its folder with the model, so
        // that a later challenger can be compared with it on rows it never saw.
        var rows = VersionRows.From(training.Rows, trained.Holdout, trained.HoldoutScores);
        var challenger = registry.Add(path => { trained.Save(path); PromotionFiles.WriteRows(path, rows); }, metadata);

        var (champion, problem) = CurrentChampion(registry);
        var comparison = new PromotionGate(model).Compare(challenger.Version, trained, champion, problem);
        var (promote, decision) = Decide(policy, comparison);
        comparison = comparison with { Promoted = promote, Decision = decision };
        PromotionFiles.WriteComparison(challenger, comparison);
        if (promote)
        {
            registry.Promote(challenger.Version, decision);
        }

        LogDecision(challenger.Version, promote, decision);
        return new RetrainOutcome(promote ? challenger with { IsChampion = true } : challenger, comparison.Champion, comparison.ChampionMetrics, promote, decision, set.Report)
        {
            Comparison = comparison,
            Unlabeled = set.Unlabeled,
            FromStore = labeled.Rows.Count - set.Rows.Count,
        };
    }

    // The labeled rows, and the profile's population labeled by its criteria after them, but for the
    // inputs a person labeled: there, the person's label is the one kept.
    private (TrainingSet Set, CriteriaLabelStats? Stats) WithCriteria(TrainingSet set, IcpProfile? profile, Func<CriteriaPopulation>? population)
    {
        if (profile?.Criteria is not { } criteria || population is null)
        {
            return (set, null);
        }

        var people = population();
        if (people.Count == 0)
        {
            LogNoPopulation(profile.Name);
            return (set, null);
        }

        static string Key(ModelInput i) => $"{i.Title.ToUpperInvariant()}\u001f{i.Industry}\u001f{i.SizeBucket}";
        var labeled = set.Rows.Select(Key).ToHashSet(StringComparer.Ordinal);
        var (rows, stats) = CriteriaLabels.Label([.. people.Rows(model.Seed).Where(r => !labeled.Contains(Key(r)))], criteria, model.Seed);
        var combined = CriteriaPrior.Combine(set.Rows, rows, set.Source, set.Sha256, set.RejectedRows, model.Seed);
        LogCombined(profile.Name, set.Rows.Count, combined.CriteriaRows, rows.Count, stats.Positives);
        return (combined, stats);
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

    private (RegistryEntry? Champion, string? Problem) CurrentChampion(ModelRegistry registry)
    {
        try
        {
            return (registry.Champion(), null);
        }
        catch (ModelRegistryException e)
        {
            // A champion whose files are gone is no bar to clear; the decision says so.
            LogUnusableChampion(e.Message);
            return (null, e.Message);
        }
    }

    /// <summary>Whether a challenger becomes champion under the policy, and why, in words for the log and the dashboard.</summary>
    internal static (bool Promote, string Decision) Decide(PromotionPolicy policy, ChampionComparison comparison)
    {
        var on = comparison.Difference is null ? "" : $"; compared on {comparison.Rows}";
        var says = comparison.Verdict is ComparisonVerdict.NoChampion or ComparisonVerdict.ChampionUnusable
            ? comparison.Why
            : $"the comparison says {ComparisonVerdict.Words(comparison.Verdict)}: {comparison.Why}";
        switch (policy)
        {
            case PromotionPolicy.Always:
                return (true, $"promoted: --promote always ({says})");
            case PromotionPolicy.Never:
                return (false, $"kept as a challenger: --promote never ({says})");
        }

        return comparison.Verdict switch
        {
            ComparisonVerdict.NoChampion => (true, "promoted: there was no champion"),
            ComparisonVerdict.ChampionUnusable => (true, $"promoted: {comparison.Why}"),
            ComparisonVerdict.NotWorse => (true, $"promoted: not worse than champion {comparison.Champion}; {comparison.Why}{on}"),
            ComparisonVerdict.Worse => (false, $"kept as a challenger: worse than champion {comparison.Champion}; {comparison.Why}{on}"),
            _ => (false, $"kept as a challenger: {comparison.Why}{on}"),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read labeled prospects {Labels}: {Rows} rows, {Positives} ICP, {Rejected} rejected, {Unlabeled} left unlabeled")]
    private partial void LogRead(string labels, int rows, int positives, long rejected, long unlabeled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version}: promoted {Promoted}; {Decision}")]
    private partial void LogDecision(string version, bool promoted, string decision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {Profile}: {Labeled} labeled rows combined with {Criteria} of {Population} connections labeled by its criteria ({Positives} ICP), as a prior weighing no more than the labels")]
    private partial void LogCombined(string profile, int labeled, int criteria, int population, int positives);

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {Profile}: no connections of its accounts in the database yet, so the labels train alone")]
    private partial void LogNoPopulation(string profile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The champion cannot be used: {Problem}")]
    private partial void LogUnusableChampion(string problem);
}
