using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Model;

public sealed class IcpTrainerTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private LabeledSet Set(string csv) => LabeledSet.Read(_dir.Write("l.csv", csv), new IngestionOptions(), CompanyDirectory.Empty);

    private static TrainedModel Train(LabeledSet set, ModelOptions? options = null) =>
        new IcpTrainer(options ?? new ModelOptions(), NullLogger<IcpTrainer>.Instance).Train(set);

    [Fact]
    public void TheSameDataAndSeedGiveTheSameModelAndMetrics()
    {
        var set = Set(Labeled.Csv(400, seed: 3));

        var first = Train(set).Metadata;
        var second = Train(set).Metadata;

        Assert.Equal(first.Trainer, second.Trainer);
        Assert.Equal(first.Threshold, second.Threshold);
        Assert.Equal(first.CrossValidation, second.CrossValidation);
        Assert.Equal(first.Holdout, second.Holdout);
        Assert.Equal(first.CandidateCv, second.CandidateCv);
    }

    [Fact]
    public void EveryCandidateTrainerIsCrossValidatedAndTheChoiceIsRecorded()
    {
        var metadata = fixture.Trained.Metadata;

        Assert.Equal(["FastTree", "LogisticRegression"], metadata.CandidateCv.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(metadata.Trainer, metadata.CandidateCv.Keys);
        Assert.Equal(metadata.CandidateCv[metadata.Trainer].Rows, metadata.CrossValidation.Rows);
        Assert.NotEmpty(metadata.TrainerOptions);
    }

    [Fact]
    public void TheModelKeepsItsCalibrationAndTheHoldoutsReliabilityDiagram()
    {
        var metadata = fixture.Trained.Metadata;

        Assert.NotNull(metadata.Calibration);
        Assert.Contains(metadata.Calibration.Method, new[] { "platt", "beta", "isotonic" });
        Assert.NotNull(metadata.Reliability);
        Assert.Equal(metadata.Holdout.Rows, metadata.Reliability.Bins.Sum(b => b.Rows));
        Assert.Equal(metadata.Holdout.Ece, metadata.Reliability.Ece, 12);
    }

    [Fact]
    public void ASmallSetRepeatsItsFoldsAndSaysSo()
    {
        var set = Set(Labeled.Csv(150, seed: 5));

        var metadata = Train(set).Metadata;

        Assert.True(metadata.Repetitions > 1, $"{metadata.Repetitions} repetitions");
        Assert.Contains(metadata.Caveats, c => c.Contains("small set", StringComparison.Ordinal));
    }

    [Fact]
    public void TheModelRecordsItsDataThresholdAndHoldout()
    {
        var metadata = fixture.Trained.Metadata;

        Assert.Equal(fixture.Set.Sha256, metadata.TrainingDataSha256);
        Assert.Equal(3000, metadata.Rows);
        Assert.Equal(fixture.Set.Positives, metadata.Positives);
        Assert.InRange(metadata.Threshold, 0.05, 0.95);
        Assert.Equal(600, metadata.Holdout.Rows);
        Assert.True(metadata.Holdout.Auc > 0.9, $"holdout AUC {metadata.Holdout.Auc}");
        Assert.Equal(ModelInput.SchemaVersion, metadata.SchemaVersion);
    }

    [Fact]
    public void OneClassOnlyIsRefusedWithWhatToDo()
    {
        var set = Set(Labeled.Csv(100, label: _ => "false"));

        var e = Assert.Throws<ModelTrainingException>(() => Train(set));

        Assert.Contains("negatives only", e.Message, StringComparison.Ordinal);
        Assert.Contains("label both", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooFewRowsForTheFoldsIsRefusedWithWhatToDo()
    {
        var set = Set("Title,IsIcp\nCMO,1\nVP Marketing,1\nHead of Growth,1\nNurse,0\nTeacher,0\nEngineer,0\nChef,0\n");

        var e = Assert.Throws<ModelTrainingException>(() => Train(set));

        Assert.Contains("too few rows for 5-fold", e.Message, StringComparison.Ordinal);
        Assert.Contains("lower Model:Folds", e.Message, StringComparison.Ordinal);
    }
}
