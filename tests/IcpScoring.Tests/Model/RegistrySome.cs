using System.Text;
using IcpScoring.Model;

namespace IcpScoring.Tests.Model;

// Test data for the registry: a fully populated metadata record and a stand-in model zip.
internal static class RegistrySome
{
    public static readonly DateTimeOffset TrainedAt = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(1));

    public static ModelMetadata Metadata(string trainingFile = "labeled.csv") => new()
    {
        SchemaVersion = 2,
        Version = "ignored",
        TrainedAt = TrainedAt,
        TrainingDataSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        TrainingFile = trainingFile,
        Rows = 1200,
        Positives = 300,
        Negatives = 880,
        RejectedRows = 20,
        Trainer = "LbfgsLogisticRegression",
        TrainerOptions = new Dictionary<string, string> { ["l2"] = "0.1", ["iterations"] = "100" },
        CandidateCv = new Dictionary<string, ModelMetrics>
        {
            ["SdcaLogisticRegression"] = new(0.88, 0.71, 0.66, 0.41, 0.03, 1000, 250),
            ["LbfgsLogisticRegression"] = new(0.91, 0.75, 0.70, 0.37, 0.02, 1000, 250),
        },
        CrossValidation = new(0.91, 0.75, 0.70, 0.37, 0.02, 1000, 250),
        Holdout = new(0.9, 0.74, 0.69, 0.38, 0.025, 200, 50),
        Threshold = 0.42,
        Seed = 7,
        Folds = 5,
        HoldoutFraction = 0.2,
    };

    public static RegistryEntry AddVersion(this ModelRegistry registry, string model = "model bytes") =>
        registry.Add(path => File.WriteAllText(path, model, Encoding.UTF8), Metadata());
}
