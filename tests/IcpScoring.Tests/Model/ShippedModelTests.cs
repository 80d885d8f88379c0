using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Model.Promotion;
using IcpScoring.Normalization;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Model;

/// <summary>The default model in models/ is the champion, loads, and is what its README command makes.</summary>
public sealed class ShippedModelTests
{
    [Fact]
    public void ShippedChampionLoadsAndScores()
    {
        var champion = new ModelRegistry(Repo.Path("models", "sample")).Champion();

        Assert.NotNull(champion);
        var model = IcpModel.Load(champion);
        var p = model.Probabilities([ModelFeatures.From("VP Marketing", IndustryCatalog.Default.Find("Software Development"), CompanySizes.Parse("51-200"))]);
        Assert.True(model.IsMatch(p[0]));
    }

    [Fact]
    public void ShippedChampionIsReproducedByTrainingOnTheSamples()
    {
        var shipped = new ModelRegistry(Repo.Path("models", "sample")).Champion()!.Metadata;
        var set = LabeledSet.Read(Repo.Path("data-samples", "labeled", "prospects.csv"), new IngestionOptions(), CompanyDirectory.Empty);

        var trained = new IcpTrainer(new ModelOptions(), NullLogger<IcpTrainer>.Instance).Train(set);
        var made = trained.Metadata;

        Assert.Equal(shipped.TrainingDataSha256, made.TrainingDataSha256);
        Assert.Equal(shipped.Trainer, made.Trainer);
        Assert.Equal(shipped.Threshold, made.Threshold, 12);
        Assert.Equal(shipped.Holdout.Auc, made.Holdout.Auc, 12);
        Assert.Equal(shipped.Holdout.Auprc, made.Holdout.Auprc, 12);
        Assert.Equal(shipped.CrossValidation.Auc, made.CrossValidation.Auc, 12);
        // Its rows.json names the rows it trained on and its holdout, so a challenger is compared fairly with it.
        var (rows, problem) = PromotionFiles.ReadRows(new ModelRegistry(Repo.Path("models", "sample")).Champion()!);
        Assert.Null(problem);
        var expected = VersionRows.From(set.Rows, trained.Holdout, trained.HoldoutScores);
        Assert.Equal(expected.Trained, rows!.Trained);
        Assert.Equal(expected.Holdout, rows.Holdout);
    }
}
