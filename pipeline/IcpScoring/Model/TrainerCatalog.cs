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

    public static IReadOnlyList<string> Names { get; } = [LogisticRegression, FastTree];

    public static IEstimator<ITransformer> Create(MLContext ml, string name) => name switch
    {
        LogisticRegression => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = 0.5f,
            L1Regularization = 0f,
            OptimizationTolerance = 1e-6f,
            HistorySize = 20,
            NumberOfThreads = 1,
        }),
        FastTree => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 150,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 5,
            LearningRate = 0.15,
            NumberOfThreads = 1,
            FeatureFirstUsePenalty = 0.1,
        }),
        _ => throw new ArgumentException($"unknown trainer {name}", nameof(name)),
    };

    /// <summary>The options recorded with a model trained by <paramref name="name"/>.</summary>
    public static IReadOnlyDictionary<string, string> Options(string name) => name switch
    {
        LogisticRegression => new Dictionary<string, string> { ["trainer"] = "LbfgsLogisticRegression", ["l2"] = "0.5", ["l1"] = "0", ["tolerance"] = "1e-6", ["threads"] = "1" },
        FastTree => new Dictionary<string, string> { ["trainer"] = "FastTreeBinary", ["trees"] = "150", ["leaves"] = "16", ["minLeaf"] = "5", ["learningRate"] = "0.15", ["threads"] = "1" },
        _ => throw new ArgumentException($"unknown trainer {name}", nameof(name)),
    };
}
