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

    /// <summary>The trainer; <paramref name="weighted"/> reads each row's <see cref="WeightColumn"/> (unweighted sets leave it out, which FastTree bins slightly differently).</summary>
    public static IEstimator<ITransformer> Create(MLContext ml, string name, bool weighted = false) => name switch
    {
        LogisticRegression => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            ExampleWeightColumnName = weighted ? WeightColumn : null,
            L2Regularization = 1f,
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
        _ => throw new ArgumentException($"unknown trainer {name}", nameof(name)),
    };

    /// <summary>The options recorded with a model trained by <paramref name="name"/>.</summary>
    public static IReadOnlyDictionary<string, string> Options(string name) => name switch
    {
        LogisticRegression => new Dictionary<string, string> { ["trainer"] = "LbfgsLogisticRegression", ["l2"] = "1", ["l1"] = "0", ["tolerance"] = "1e-5", ["threads"] = "1" },
        FastTree => new Dictionary<string, string> { ["trainer"] = "FastTreeBinary", ["features"] = "title words, categories, size order", ["trees"] = "100", ["leaves"] = "8", ["minLeaf"] = "10", ["learningRate"] = "0.1", ["threads"] = "1" },
        _ => throw new ArgumentException($"unknown trainer {name}", nameof(name)),
    };
}
