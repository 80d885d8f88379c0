using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace IcpScoring.Model;

/// <summary>
/// The trainers a challenger is chosen among: a linear and a tree-based one, each single-threaded
/// so the same data and seed give the same model on every run.
/// </summary>
internal static class TrainerCatalog
{
    public const string LogisticRegression = "LogisticRegression";
    public const string FastTree = "FastTree";

    /// <summary>Each training row's weight (a prior's rows count less than people's labels).</summary>
    public const string WeightColumn = "Weight";

    public static IReadOnlyList<string> Names { get; } = [LogisticRegression, FastTree];

    // L2 strengths the logistic regression is cross-validated with: 1 suits the 3,000 shipped samples,
    // 500 short titles wanted 0.1 to 3 depending on the task (tests/quality/compare-sklearn.sh).
    private static readonly string[] L2Grid = ["0.1", "0.3", "1", "3"];

    /// <summary>The settings of <paramref name="name"/> cross-validation chooses among, as variant names for <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Variants(string name) =>
        name == LogisticRegression ? [.. L2Grid.Select(l2 => $"{LogisticRegression}/l2={l2}")] : [name];

    /// <summary>The trainer a variant name belongs to.</summary>
    public static string TrainerOf(string variant) => variant.Split('/')[0];

    private static float L2(string variant) =>
        variant.Split("/l2=") is [_, var l2] ? float.Parse(l2, System.Globalization.CultureInfo.InvariantCulture) : 1f;

    /// <summary>The trainer; <paramref name="weighted"/> reads each row's <see cref="WeightColumn"/> (unweighted sets leave it out, which FastTree bins slightly differently).</summary>
    public static IEstimator<ITransformer> Create(MLContext ml, string variant, bool weighted = false) => TrainerOf(variant) switch
    {
        LogisticRegression => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            ExampleWeightColumnName = weighted ? WeightColumn : null,
            L2Regularization = L2(variant),
            L1Regularization = 0f,
            OptimizationTolerance = 1e-5f,
            HistorySize = 20,
            NumberOfThreads = 1,
        }),
        FastTree => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            FeatureColumnName = Featurizer.CompactFeatures,
            ExampleWeightColumnName = weighted ? WeightColumn : null,
            NumberOfTrees = 100,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            FeatureFirstUsePenalty = 0.1,
        }),
        _ => throw new ArgumentException($"unknown trainer {variant}", nameof(variant)),
    };

    /// <summary>The options recorded with a model trained by <paramref name="variant"/>.</summary>
    public static IReadOnlyDictionary<string, string> Options(string variant) => TrainerOf(variant) switch
    {
        LogisticRegression => new Dictionary<string, string> { ["trainer"] = "LbfgsLogisticRegression", ["l2"] = L2(variant).ToString(System.Globalization.CultureInfo.InvariantCulture), ["l1"] = "0", ["tolerance"] = "1e-5", ["threads"] = "1" },
        FastTree => new Dictionary<string, string> { ["trainer"] = "FastTreeBinary", ["features"] = "title words, categories, size order", ["trees"] = "100", ["leaves"] = "8", ["minLeaf"] = "10", ["learningRate"] = "0.1", ["threads"] = "1" },
        _ => throw new ArgumentException($"unknown trainer {variant}", nameof(variant)),
    };
}
