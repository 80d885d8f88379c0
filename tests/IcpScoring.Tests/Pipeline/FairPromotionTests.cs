using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Model.Promotion;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Pipeline;

/// <summary>
/// The promotion gate on the shipped labeled prospects: a challenger is judged on rows neither it nor
/// the champion trained on, so retraining on the same or a slightly larger file is not "worse" by a
/// leak, and a challenger trained on wrong labels is still caught.
/// </summary>
public sealed class FairPromotionTests : IDisposable
{
    private static readonly string[] Prospects = File.ReadAllLines(Repo.Path("data-samples", "labeled", "prospects.csv"));

    private readonly TempFolder _dir = new();
    private readonly Retraining _retraining = new(new ModelOptions(), new IngestionOptions(), CompanyDirectory.Empty, NullLoggerFactory.Instance);

    public void Dispose() => _dir.Dispose();

    private ModelRegistry Registry => new(_dir.File("models"));

    [Fact]
    public void RetrainingTheShippedChampionsFileIsNotWorseAndIsPromoted()
    {
        CopyShippedRegistry();

        var outcome = _retraining.Train(Repo.Path("data-samples", "labeled", "prospects.csv"), Registry, PromotionPolicy.Auto);

        var comparison = outcome.Comparison!;
        Assert.Equal(ComparisonBasis.Refit, comparison.Basis);
        Assert.Equal(600, comparison.RowCount);
        Assert.Equal(ComparisonVerdict.NotWorse, comparison.Verdict);
        Assert.Equal(0, comparison.Difference!.Auc, 12);
        Assert.True(outcome.Promoted);
        Assert.Equal("v2", Registry.ChampionVersion);
    }

    [Fact]
    public void RetrainingOnTheSameFileFindsEveryHoldoutRowSeenAndRefitsTheChampion()
    {
        var file = Write("all.csv", Prospects.Length - 1);
        _retraining.Train(file, Registry, PromotionPolicy.Auto);

        var outcome = _retraining.Train(file, Registry, PromotionPolicy.Auto);

        var comparison = outcome.Comparison!;
        Assert.Equal(600, comparison.HoldoutSeenByChampion);
        Assert.Equal(ComparisonBasis.Refit, comparison.Basis);
        Assert.Equal(ComparisonVerdict.NotWorse, comparison.Verdict);
        Assert.True(outcome.Promoted);
    }

    [Fact]
    public void TenPercentMoreLabelsFromTheSameDistributionAreNotRejected()
    {
        _retraining.Train(Write("first.csv", 2700), Registry, PromotionPolicy.Auto);

        var outcome = _retraining.Train(Write("more.csv", 3000), Registry, PromotionPolicy.Auto);

        Assert.NotEqual(ComparisonVerdict.Worse, outcome.Comparison!.Verdict);
        Assert.True(outcome.Promoted, outcome.Decision);
    }

    [Fact]
    public void AChallengerTrainedOnShuffledLabelsIsRejectedOnNewRowsWithTrueLabels()
    {
        _retraining.Train(Write("first.csv", 2000), Registry, PromotionPolicy.Auto);

        // The champion's 2,000 rows come back with their labels shuffled, and 1,000 new rows with
        // true ones: only the new rows are outside the champion's training, so they alone judge,
        // and their labels are honest. (Shuffled labels on the judged rows would blind any judge.)
        var outcome = _retraining.Train(Write("shuffled.csv", 3000, shuffleFirst: 2000), Registry, PromotionPolicy.Auto);

        var comparison = outcome.Comparison!;
        Assert.Equal(ComparisonBasis.OutsideBoth, comparison.Basis);
        Assert.Equal(ComparisonVerdict.Worse, comparison.Verdict);
        Assert.False(outcome.Promoted);
        Assert.Equal("v1", Registry.ChampionVersion);
    }

    [Fact]
    public void AChampionThatKeptNoRowsIsComparedByRefittingItsRecipe()
    {
        var file = _dir.Write("labeled.csv", Labeled.Csv(1500, seed: 3));
        var first = _retraining.Train(file, Registry, PromotionPolicy.Auto);
        File.Delete(Path.Combine(Path.GetDirectoryName(first.Challenger.ModelPath)!, PromotionFiles.RowsFileName));

        var outcome = _retraining.Train(_dir.Write("more.csv", Labeled.Csv(1500, seed: 4)), Registry, PromotionPolicy.Auto);

        var comparison = outcome.Comparison!;
        Assert.Equal(ComparisonBasis.Refit, comparison.Basis);
        Assert.Null(comparison.HoldoutSeenByChampion);
        Assert.Contains("v1 has no rows.json", comparison.Rows, StringComparison.Ordinal);
        Assert.Contains("refit on v2's 1,200 training rows", comparison.Rows, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTooFewComparableRowsTheChampionIsKeptAndTheDecisionSaysSo()
    {
        var file = _dir.Write("few.csv", Labeled.Csv(300, seed: 3));
        _retraining.Train(file, Registry, PromotionPolicy.Auto);

        var outcome = _retraining.Train(file, Registry, PromotionPolicy.Auto);

        Assert.Equal(ComparisonVerdict.TooFewRows, outcome.Comparison!.Verdict);
        Assert.False(outcome.Promoted);
        Assert.Contains("only 60 comparable rows", outcome.Decision, StringComparison.Ordinal);
        Assert.Equal("v1", Registry.ChampionVersion);
    }

    [Fact]
    public void EveryVersionKeepsItsRowsAndItsComparison()
    {
        var outcome = _retraining.Train(Write("first.csv", 1000), Registry, PromotionPolicy.Auto);

        var (rows, problem) = PromotionFiles.ReadRows(outcome.Challenger);
        var comparison = PromotionFiles.ReadComparison(outcome.Challenger);

        Assert.Null(problem);
        Assert.Equal(1000, rows!.TrainedRows);
        Assert.Equal(200, rows.HoldoutRows);
        Assert.Equal(200, rows.HoldoutScores.Length);
        Assert.Equal(ComparisonVerdict.NoChampion, comparison!.Verdict);
        Assert.True(comparison.Promoted);
    }

    // The first rows of the shipped prospects, optionally with the labels of the first few shuffled among them.
    private string Write(string name, int rows, int shuffleFirst = 0)
    {
        var lines = Prospects.Skip(1).Take(rows).ToArray();
        var labels = lines.Take(shuffleFirst).Select(l => l[(l.LastIndexOf(',') + 1)..]).ToArray();
        new Random(7).Shuffle(labels);
        for (var i = 0; i < shuffleFirst; i++)
        {
            lines[i] = lines[i][..(lines[i].LastIndexOf(',') + 1)] + labels[i];
        }

        return _dir.Write(name, string.Join('\n', [Prospects[0], .. lines]) + "\n");
    }

    private void CopyShippedRegistry()
    {
        foreach (var file in Directory.GetFiles(Repo.Path("models", "sample"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir.File("models"), Path.GetRelativePath(Repo.Path("models", "sample"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
