using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IcpScoring.Model;

/// <summary>
/// Trains a challenger: holds out a stratified share of the labeled rows, cross-validates every
/// candidate trainer on the rest, keeps the one with the best average precision, chooses the ICP
/// threshold on its out-of-fold predictions, measures that procedure on the holdout, and keeps a
/// model fitted on every row.
/// Deterministic: the same rows, options and seed give the same model and metrics.
/// </summary>
internal sealed partial class IcpTrainer(ModelOptions options, ILogger<IcpTrainer> logger)
{
    public TrainedModel Train(LabeledSet set, CancellationToken cancellationToken = default) =>
        Train(set.ToTrainingSet(), cancellationToken);

    public TrainedModel Train(TrainingSet set, CancellationToken cancellationToken = default)
    {
        // The model learns titles as terms (TitleTerms); the holdout handed back stays as given, since
        // whoever scores it goes through IcpModel, which prepares inputs for each model's version.
        var given = set.Rows;
        set = set with { Rows = [.. given.Select(r => TitleTerms.Prepare(r, TitleTerms.Version))] };
        var rows = set.Rows;
        CheckEnoughRows(set);
        // People's labels judge the model when there are enough of them; the criteria's only teach it.
        var judgedByPeople = set.CriteriaRows > 0 && EnoughToJudge(set);
        var (train, holdout, trainFromCriteria) = SplitHoldout(set, judgedByPeople);
        var folds = AssignFolds(train);

        // The training part's titles become features once: the folds share its vocabulary (which
        // n-grams and categories exist, no labels), so only the trainers run per fold.
        var context = new MLContext(options.Seed);
        var featurizer = Featurizer.Create(context).Fit(context.Data.LoadFromEnumerable(train));
        var featured = FeaturedRows.From(featurizer.Transform(context.Data.LoadFromEnumerable(train)));

        // Each trainer's settings (the logistic regression's L2) are chosen by the same folds.
        var variants = options.Candidates.SelectMany(TrainerCatalog.Variants).ToList();
        var outOfFold = variants.ToDictionary(t => t, _ => new float[train.Count], StringComparer.Ordinal);
        Parallel.For(0, options.Folds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken }, fold =>
        {
            // Each fold has its own seeded context: parallel folds stay deterministic.
            var ml = new MLContext(options.Seed + fold);
            var valid = Enumerable.Range(0, train.Count).Where(i => folds[i] == fold).ToList();
            var fitData = featured.View(ml, i => folds[i] != fold);
            var validData = featured.View(ml, i => folds[i] == fold);
            foreach (var trainer in variants)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = TrainerCatalog.Create(ml, trainer).Fit(fitData);
                var p = Probabilities(model, validData);
                for (var k = 0; k < valid.Count; k++)
                {
                    outOfFold[trainer][valid[k]] = p[k];
                }
            }
        });

        var labels = train.Select(r => r.Label).ToArray();
        var variantCv = variants.ToDictionary(t => t, t => Metrics(labels, outOfFold[t], ThresholdChoice.MaximiseF1(labels, outOfFold[t])), StringComparer.Ordinal);
        var chosen = options.Candidates.ToDictionary(
            t => t,
            t => variants.Where(v => TrainerCatalog.TrainerOf(v) == t).OrderByDescending(v => variantCv[v].Auprc).ThenByDescending(v => variantCv[v].Auc).First(),
            StringComparer.Ordinal);
        var candidates = options.Candidates.ToDictionary(t => t, t => variantCv[chosen[t]], StringComparer.Ordinal);
        foreach (var (name, m) in candidates)
        {
            LogCandidate(chosen[name], options.Folds, m.Auc, m.Auprc);
        }

        var bestTrainer = options.Candidates
            .OrderByDescending(t => candidates[t].Auprc)
            .ThenByDescending(t => candidates[t].Auc)
            .First();
        var best = chosen[bestTrainer];
        var threshold = judgedByPeople
            ? ThresholdChoice.MaximiseF1([.. labels.Where((_, i) => !trainFromCriteria[i])], [.. outOfFold[best].Where((_, i) => !trainFromCriteria[i])])
            : set.LabeledRows == 0 ? ThresholdChoice.MatchExpected(outOfFold[best]) : ThresholdChoice.MaximiseF1(labels, outOfFold[best]);

        // The holdout measures the procedure on rows it never saw; the model kept is then fitted on every row.
        var candidate = featurizer.Append(TrainerCatalog.Create(context, best).Fit(featured.View(context, _ => true)));
        var holdoutScores = Probabilities(candidate, context.Data.LoadFromEnumerable(holdout));
        var holdoutMetrics = Metrics([.. holdout.Select(r => r.Label)], holdoutScores, threshold);
        LogChosen(bestTrainer, threshold, holdoutMetrics.Auc, holdoutMetrics.Auprc);
        var allView = context.Data.LoadFromEnumerable(rows);
        // Fitted in two steps, the features cached between them: the trainer passes over the data many
        // times, and a pipeline fitted in one go would featurize every title again on each pass.
        var finalFeaturizer = Featurizer.Create(context).Fit(allView);
        var final = finalFeaturizer.Append(TrainerCatalog.Create(context, best).Fit(context.Data.Cache(finalFeaturizer.Transform(allView))));

        var metadata = new ModelMetadata
        {
            SchemaVersion = ModelInput.SchemaVersion,
            TitleTerms = TitleTerms.Version,
            TrainedAt = DateTimeOffset.UtcNow,
            TrainingDataSha256 = set.Sha256,
            TrainingFile = Path.GetFileName(set.Source),
            Rows = rows.Count,
            Positives = set.Positives,
            Negatives = set.Negatives,
            RejectedRows = (int)set.RejectedRows,
            LabeledRows = set.LabeledRows,
            CriteriaRows = set.CriteriaRows,
            CriteriaPositives = Enumerable.Range(0, rows.Count).Count(i => set.IsFromCriteria(i) && rows[i].Label),
            TrainedFrom = set.CriteriaRows == 0 ? TrainingOrigin.Labels : set.LabeledRows == 0 ? TrainingOrigin.Criteria : TrainingOrigin.LabelsAndCriteria,
            Trainer = bestTrainer,
            TrainerOptions = TrainerCatalog.Options(best),
            CandidateCv = candidates,
            CrossValidation = candidates[bestTrainer],
            Holdout = holdoutMetrics,
            Threshold = threshold,
            Seed = options.Seed,
            Folds = options.Folds,
            HoldoutFraction = options.HoldoutFraction,
        };
        var givenByPrepared = new Dictionary<ModelInput, ModelInput>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            givenByPrepared.TryAdd(rows[i], given[i]);
        }

        return new TrainedModel(context, final, allView.Schema, metadata, [.. holdout.Select(r => givenByPrepared[r])], holdoutScores, [.. train.Select(r => givenByPrepared[r])]);
    }

    public static float[] Probabilities(ITransformer model, IDataView data) =>
        [.. model.Transform(data).GetColumn<float>("Probability")];

    public static ModelMetrics Metrics(bool[] labels, float[] scores, double threshold)
    {
        var m = ClassifierMetrics.All(labels, scores, threshold);
        return new ModelMetrics(m.Auc, m.Auprc, m.F1, m.LogLoss, m.Ece, m.Rows, m.Positives);
    }

    private void CheckEnoughRows(TrainingSet set)
    {
        if (TooFewRows(set, options) is { } problem)
        {
            throw new ModelTrainingException($"{set.Source}: {problem}");
        }
    }

    /// <summary>Each class needs a row in the holdout and in every fold's training part.</summary>
    private int RowsNeededPerClass => (int)Math.Ceiling((options.Folds + 1) / (1 - options.HoldoutFraction)) + 1;

    // Enough people's labels of each class for a holdout of their own.
    private bool EnoughToJudge(TrainingSet set)
    {
        var positives = Enumerable.Range(0, set.Rows.Count).Count(i => !set.IsFromCriteria(i) && set.Rows[i].Label);
        var negatives = set.LabeledRows - positives;
        return positives >= RowsNeededPerClass && negatives >= RowsNeededPerClass;
    }

    /// <summary>Why a set cannot train a model with these options, or null when it can.</summary>
    public static string? TooFewRows(TrainingSet set, ModelOptions options)
    {
        if (set.Positives == 0 || set.Negatives == 0)
        {
            var only = set.Positives == 0 ? "negatives" : "positives";
            return $"every one of the {set.Rows.Count:N0} labeled rows is one class ({only} only); label both ICP (true) and non-ICP (false) prospects";
        }

        var needed = (int)Math.Ceiling((options.Folds + 1) / (1 - options.HoldoutFraction)) + 1;
        return set.Positives < needed || set.Negatives < needed
            ? $"too few rows for {options.Folds}-fold cross-validation and a holdout: {set.Positives} ICP and {set.Negatives} non-ICP rows, at least {needed} of each needed; label more prospects or lower Model:Folds"
            : null;
    }

    // Stratified and seeded. When people's labels judge the model, only their rows are held out; the
    // criteria's rows all train it (and are marked so, for the threshold).
    private (List<ModelInput> Train, List<ModelInput> Holdout, List<bool> TrainFromCriteria) SplitHoldout(TrainingSet set, bool judgedByPeople)
    {
        var rows = set.Rows;
        var rng = new Random(options.Seed);
        var train = new List<ModelInput>();
        var fromCriteria = new List<bool>();
        var holdout = new List<ModelInput>();
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, rows.Count).Where(i => rows[i].Label == cls && (!judgedByPeople || !set.IsFromCriteria(i))).ToArray();
            rng.Shuffle(members);
            var cut = Math.Max(1, (int)Math.Round(members.Length * options.HoldoutFraction));
            holdout.AddRange(members[..cut].Select(i => rows[i]));
            train.AddRange(members[cut..].Select(i => rows[i]));
            fromCriteria.AddRange(members[cut..].Select(set.IsFromCriteria));
        }

        if (judgedByPeople)
        {
            var criteria = Enumerable.Range(0, rows.Count).Where(set.IsFromCriteria).ToList();
            train.AddRange(criteria.Select(i => rows[i]));
            fromCriteria.AddRange(criteria.Select(_ => true));
        }

        return (train, holdout, fromCriteria);
    }

    // Stratified: each class is dealt round-robin over the folds after a seeded shuffle.
    private int[] AssignFolds(List<ModelInput> train)
    {
        var rng = new Random(options.Seed + 1);
        var folds = new int[train.Count];
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, train.Count).Where(i => train[i].Label == cls).ToArray();
            rng.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                folds[members[k]] = k % options.Folds;
            }
        }

        return folds;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate {Trainer}: {Folds}-fold cross-validation AUC {Auc:F4}, average precision {Auprc:F4}")]
    private partial void LogCandidate(string trainer, int folds, double auc, double auprc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chose {Trainer} (threshold {Threshold:F3}); holdout AUC {Auc:F4}, average precision {Auprc:F4}")]
    private partial void LogChosen(string trainer, double threshold, double auc, double auprc);
}
