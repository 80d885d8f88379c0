using IcpScoring.Model.Calibration;
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
    private const int OutOfFoldTarget = 2000;
    private const int MaxRepetitions = 10;

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
        var (train, holdout) = SplitHoldout(set, judgedByPeople);
        var repetitions = Repetitions(train.Count);
        var labels = train.Select(r => r.Input.Label).ToArray();
        var folds = OutOfFold.Folds(labels, repetitions, options.Folds, options.Seed);
        var weighted = set.Weights is not null;

        // The training part's titles become features once: the folds share its vocabulary (which
        // n-grams and categories exist, no labels), so only the trainers run per fold.
        var context = new MLContext(options.Seed);
        var featurizer = Featurizer.Create(context).Fit(context.Data.LoadFromEnumerable(train.Select(r => r.Input)));
        var featured = FeaturedRows.From(featurizer.Transform(context.Data.LoadFromEnumerable(train.Select(r => r.Input))), [.. train.Select(r => r.Weight)]);

        // Each trainer's settings (the logistic regression's L2) are chosen by the same folds.
        var variants = options.Candidates.SelectMany(TrainerCatalog.Variants).ToList();
        var variantOutOfFold = OutOfFold.Predict(featured, train.Count, folds, options.Folds, variants, options.Seed, weighted, cancellationToken);
        var pooledLabels = TrainerChoice.Pooled(labels, repetitions);
        var variantCv = variants.ToDictionary(v => v, v => Metrics(pooledLabels, variantOutOfFold[v], ThresholdChoice.MaximiseF1(pooledLabels, variantOutOfFold[v])), StringComparer.Ordinal);
        var chosen = options.Candidates.ToDictionary(
            t => t,
            t => variants.Where(v => TrainerCatalog.TrainerOf(v) == t).OrderByDescending(v => variantCv[v].Auprc).ThenByDescending(v => variantCv[v].Auc).First(),
            StringComparer.Ordinal);
        var outOfFold = options.Candidates.ToDictionary(t => t, t => variantOutOfFold[chosen[t]], StringComparer.Ordinal);
        var candidates = options.Candidates.ToDictionary(t => t, t => variantCv[chosen[t]], StringComparer.Ordinal);
        foreach (var (name, m) in candidates)
        {
            LogCandidate(chosen[name], options.Folds, m.Auc, m.Auprc);
        }

        var (best, choiceCaveat) = TrainerChoice.Choose(options.Candidates, labels, outOfFold, folds, options.Folds);
        var bestVariant = chosen[best];
        var (calibrator, threshold, crossValidation) = Calibrate(set, judgedByPeople, train, outOfFold[best], repetitions);

        // The holdout measures the procedure on rows it never saw: trainer, calibration and threshold
        // all from the training part.
        var candidate = featurizer.Append(TrainerCatalog.Create(context, bestVariant, weighted).Fit(featured.View(context, _ => true)));
        var holdoutLabels = holdout.Select(r => r.Label).ToArray();
        var holdoutScores = calibrator.Apply(Probabilities(candidate, context.Data.LoadFromEnumerable(holdout)));
        var holdoutMetrics = Metrics(holdoutLabels, holdoutScores, threshold);
        LogChosen(best, threshold, holdoutMetrics.Auc, holdoutMetrics.Auprc);

        // The model kept repeats that procedure on every row. Its calibration comes from folds over
        // every row too: fold models fitted on the training part's folds (64% of the rows) are less
        // sure of themselves than one fitted on all of them, and their calibration, carried over,
        // left the kept model overconfident at the top (measured on tests/quality/calibration).
        // Fitted in two steps, the features held in memory between them: the trainer passes over the
        // data many times, and a pipeline fitted in one go would featurize every title again on each pass.
        var allView = context.Data.LoadFromEnumerable(rows);
        var all = Enumerable.Range(0, rows.Count).Select(i => new TrainRow(rows[i], set.IsFromCriteria(i), set.Weight(i))).ToList();
        var allRepetitions = Repetitions(rows.Count);
        var finalFeaturizer = Featurizer.Create(context).Fit(allView);
        var allFeatured = FeaturedRows.From(finalFeaturizer.Transform(allView), [.. all.Select(r => r.Weight)]);
        var allFolds = OutOfFold.Folds([.. rows.Select(r => r.Label)], allRepetitions, options.Folds, options.Seed);
        var allOutOfFold = OutOfFold.Predict(allFeatured, rows.Count, allFolds, options.Folds, [bestVariant], options.Seed, weighted, cancellationToken)[bestVariant];
        (calibrator, threshold, _) = Calibrate(set, judgedByPeople, all, allOutOfFold, allRepetitions);
        LogCalibration(calibrator.Method, calibrator.Choice);
        var final = finalFeaturizer.Append(TrainerCatalog.Create(context, bestVariant, weighted).Fit(allFeatured.View(context, _ => true)));

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
            Trainer = best,
            TrainerOptions = TrainerCatalog.Options(bestVariant),
            CandidateCv = candidates,
            CrossValidation = crossValidation,
            Holdout = holdoutMetrics,
            Threshold = threshold,
            Calibration = calibrator,
            Reliability = Reliability.Of(holdoutLabels, holdoutScores, options.Seed),
            Caveats = Caveats(train.Count, repetitions, holdoutMetrics, choiceCaveat),
            Seed = options.Seed,
            Folds = options.Folds,
            Repetitions = repetitions,
            HoldoutFraction = options.HoldoutFraction,
        };
        var givenByPrepared = new Dictionary<ModelInput, ModelInput>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            givenByPrepared.TryAdd(rows[i], given[i]);
        }

        return new TrainedModel(context, final, allView.Schema, metadata, [.. holdout.Select(r => givenByPrepared[r])], holdoutScores, [.. train.Select(r => givenByPrepared[r.Input])]);
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
    // criteria's rows all train it (and are marked so, for the calibration and the threshold).
    private (List<TrainRow> Train, List<ModelInput> Holdout) SplitHoldout(TrainingSet set, bool judgedByPeople)
    {
        var rows = set.Rows;
        var rng = new Random(options.Seed);
        var train = new List<TrainRow>();
        var holdout = new List<ModelInput>();
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, rows.Count).Where(i => rows[i].Label == cls && (!judgedByPeople || !set.IsFromCriteria(i))).ToArray();
            rng.Shuffle(members);
            var cut = Math.Max(1, (int)Math.Round(members.Length * options.HoldoutFraction));
            holdout.AddRange(members[..cut].Select(i => rows[i]));
            train.AddRange(members[cut..].Select(i => new TrainRow(rows[i], set.IsFromCriteria(i), set.Weight(i))));
        }

        if (judgedByPeople)
        {
            train.AddRange(Enumerable.Range(0, rows.Count).Where(set.IsFromCriteria).Select(i => new TrainRow(rows[i], true, set.Weight(i))));
        }

        return (train, holdout);
    }

    // Folds are repeated until the out-of-fold predictions number about OutOfFoldTarget, at most MaxRepetitions times.
    private static int Repetitions(int trainRows) => Math.Clamp((int)Math.Ceiling((double)OutOfFoldTarget / Math.Max(1, trainRows)), 1, MaxRepetitions);

    // Calibrated on people's labels where they judge the model; the threshold is then chosen on the
    // calibrated scale, and the metrics are those of the cross-validated calibration (each row
    // calibrated by a map fitted without it).
    private (Calibrator Calibrator, double Threshold, ModelMetrics CrossValidation) Calibrate(TrainingSet set, bool judgedByPeople, List<TrainRow> rows, float[] outOfFold, int repetitions)
    {
        var n = rows.Count;
        var judged = Enumerable.Range(0, repetitions * n).Where(i => !judgedByPeople || !rows[i % n].FromCriteria).ToArray();
        var labels = judged.Select(i => rows[i % n].Input.Label).ToArray();
        var (calibrator, calibrated) = CalibratorFit.Choose(labels, [.. judged.Select(i => outOfFold[i])], [.. judged.Select(i => i % n)], options.Seed);
        var threshold = set.LabeledRows == 0 && !judgedByPeople
            ? ThresholdChoice.MatchExpected(calibrated)
            : ThresholdChoice.MaximiseF1(labels, calibrated);
        return (calibrator, threshold, Metrics(labels, calibrated, threshold));
    }

    // What a reader of the train output should know before trusting its numbers.
    private static List<string> Caveats(int trainRows, int repetitions, ModelMetrics holdout, string? choice)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var caveats = new List<string>();
        if (repetitions > 1)
        {
            caveats.Add(string.Create(c, $"a small set: {trainRows:N0} rows for cross-validation, so the folds were repeated {repetitions} times with new shuffles"));
        }

        if (choice is not null)
        {
            caveats.Add(choice);
        }

        // Hanley and McNeil's standard error of an AUC: on a few dozen held-out positives it is several points.
        var positives = holdout.Positives;
        var negatives = holdout.Rows - holdout.Positives;
        if (positives > 0 && negatives > 0 && !double.IsNaN(holdout.Auc))
        {
            var a = holdout.Auc;
            var q1 = a / (2 - a);
            var q2 = 2 * a * a / (1 + a);
            var se = Math.Sqrt(Math.Max(0, ((a * (1 - a)) + ((positives - 1) * (q1 - (a * a))) + ((negatives - 1) * (q2 - (a * a)))) / ((double)positives * negatives)));
            if (se > 0.02)
            {
                caveats.Add(string.Create(c, $"the holdout has {holdout.Rows:N0} rows ({positives:N0} ICP): its AUC {a:F3} is uncertain by about ± {2 * se:F3}, and its ECE by its noise floor; too few to tell models apart by less than that"));
            }
        }

        return caveats;
    }

    /// <summary>A row of the training part: the input, whether the criteria labeled it, and its weight in training.</summary>
    private readonly record struct TrainRow(ModelInput Input, bool FromCriteria, float Weight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate {Trainer}: {Folds}-fold cross-validation AUC {Auc:F4}, average precision {Auprc:F4}")]
    private partial void LogCandidate(string trainer, int folds, double auc, double auprc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calibration {Method}: {Choice}")]
    private partial void LogCalibration(string method, string choice);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chose {Trainer} (threshold {Threshold:F3}); holdout AUC {Auc:F4}, average precision {Auprc:F4}")]
    private partial void LogChosen(string trainer, double threshold, double auc, double auprc);
}
