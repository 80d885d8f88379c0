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
        var rows = set.Rows;
        CheckEnoughRows(set);
        // People's labels judge the model when there are enough of them; the criteria's only teach it.
        var judgedByPeople = set.CriteriaRows > 0 && EnoughToJudge(set);
        var (train, holdout) = SplitHoldout(set, judgedByPeople);
        var repetitions = Repetitions(train.Count);
        var folds = Enumerable.Range(0, repetitions).Select(r => AssignFolds(train, r)).ToArray();
        var weights = train.Select(r => r.Weight).ToArray();

        // The training part's titles become features once: the folds share its vocabulary (which
        // n-grams and categories exist, no labels), so only the trainers run per fold.
        var context = new MLContext(options.Seed);
        var featurizer = Featurizer.Create(context).Fit(context.Data.LoadFromEnumerable(train.Select(r => r.Input)));
        var featured = FeaturedRows.From(featurizer.Transform(context.Data.LoadFromEnumerable(train.Select(r => r.Input))), weights);

        // Small sets repeat the stratified folds with new shuffles: 5 folds of 20 rows are noise, and
        // pooling the repetitions' out-of-fold predictions steadies both the comparison and the calibration.
        var n = train.Count;
        var outOfFold = options.Candidates.ToDictionary(t => t, _ => new float[repetitions * n], StringComparer.Ordinal);
        Parallel.For(0, repetitions * options.Folds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken }, job =>
        {
            var (rep, fold) = (job / options.Folds, job % options.Folds);

            // Each fold has its own seeded context: parallel folds stay deterministic.
            var ml = new MLContext(options.Seed + job);
            var valid = Enumerable.Range(0, n).Where(i => folds[rep][i] == fold).ToList();
            var fitData = featured.View(ml, i => folds[rep][i] != fold);
            var validData = featured.View(ml, i => folds[rep][i] == fold);
            foreach (var trainer in options.Candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = TrainerCatalog.Create(ml, trainer).Fit(fitData);
                var p = Probabilities(model, validData);
                for (var k = 0; k < valid.Count; k++)
                {
                    outOfFold[trainer][(rep * n) + valid[k]] = p[k];
                }
            }
        });

        var labels = train.Select(r => r.Input.Label).ToArray();
        var pooledLabels = TrainerChoice.Pooled(labels, repetitions);
        var candidates = options.Candidates.ToDictionary(t => t, t => Metrics(pooledLabels, outOfFold[t], ThresholdChoice.MaximiseF1(pooledLabels, outOfFold[t])), StringComparer.Ordinal);
        foreach (var (name, m) in candidates)
        {
            LogCandidate(name, options.Folds, m.Auc, m.Auprc);
        }

        var (best, choiceCaveat) = TrainerChoice.Choose(options.Candidates, labels, outOfFold, folds, options.Folds);

        // Calibrated on people's labels where they judge the model; the threshold is then chosen on the calibrated scale.
        var judged = Enumerable.Range(0, repetitions * n).Where(i => !judgedByPeople || !train[i % n].FromCriteria).ToArray();
        var (calibrator, calibratedOutOfFold) = CalibratorFit.Choose([.. judged.Select(i => pooledLabels[i])], [.. judged.Select(i => outOfFold[best][i])], [.. judged.Select(i => i % n)], options.Seed);
        var judgedLabels = judged.Select(i => pooledLabels[i]).ToArray();
        var threshold = set.LabeledRows == 0 && !judgedByPeople
            ? ThresholdChoice.MatchExpected(calibratedOutOfFold)
            : ThresholdChoice.MaximiseF1(judgedLabels, calibratedOutOfFold);
        LogCalibration(calibrator.Method, calibrator.Choice);

        // The holdout measures the procedure on rows it never saw; the model kept is then fitted on every row.
        var candidate = featurizer.Append(TrainerCatalog.Create(context, best).Fit(featured.View(context, _ => true)));
        var holdoutLabels = holdout.Select(r => r.Label).ToArray();
        var holdoutScores = calibrator.Apply(Probabilities(candidate, context.Data.LoadFromEnumerable(holdout)));
        var holdoutMetrics = Metrics(holdoutLabels, holdoutScores, threshold);
        LogChosen(best, threshold, holdoutMetrics.Auc, holdoutMetrics.Auprc);
        var allView = context.Data.LoadFromEnumerable(rows);
        // Fitted in two steps, the features held in memory between them: the trainer passes over the
        // data many times, and a pipeline fitted in one go would featurize every title again on each pass.
        var finalFeaturizer = Featurizer.Create(context).Fit(allView);
        var allFeatured = FeaturedRows.From(finalFeaturizer.Transform(allView), [.. Enumerable.Range(0, rows.Count).Select(set.Weight)]);
        var final = finalFeaturizer.Append(TrainerCatalog.Create(context, best).Fit(allFeatured.View(context, _ => true)));

        var metadata = new ModelMetadata
        {
            SchemaVersion = ModelInput.SchemaVersion,
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
            TrainerOptions = TrainerCatalog.Options(best),
            CandidateCv = candidates,
            CrossValidation = Metrics(judgedLabels, calibratedOutOfFold, threshold),
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
        return new TrainedModel(context, final, allView.Schema, metadata, holdout);
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

    // Stratified: each class is dealt round-robin over the folds after a seeded shuffle; each repetition shuffles anew.
    private int[] AssignFolds(List<TrainRow> train, int repetition)
    {
        var rng = new Random(options.Seed + 1 + (1000 * repetition));
        var folds = new int[train.Count];
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, train.Count).Where(i => train[i].Input.Label == cls).ToArray();
            rng.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                folds[members[k]] = k % options.Folds;
            }
        }

        return folds;
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
