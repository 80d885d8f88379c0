using IcpScoring.Model;

namespace IcpScoring.Tests.Model;

public class ThresholdChoiceTests
{
    [Fact]
    public void PicksTheCutWithTheBestF1AndSitsBetweenTwoScores()
    {
        // F1 at each cut, highest first: 0.4, 0.667, 0.571, 0.75, 0.667, 0.6, 0.727 -> cut at 0.5,
        // returned halfway to the next lower score 0.375.
        bool[] labels = [true, true, false, true, false, false, true];
        float[] scores = [0.875f, 0.75f, 0.625f, 0.5f, 0.375f, 0.25f, 0.125f];

        var threshold = ThresholdChoice.MaximiseF1(labels, scores);

        Assert.Equal(0.4375, threshold);
        Assert.Equal(0.75, ClassifierMetrics.F1(labels, scores, threshold));
    }

    [Fact]
    public void OnATieInF1TakesTheHigherThreshold()
    {
        // Cuts at 0.625 (TP 2, FP 1) and 0.25 (TP 3, FP 3) both give F1 = 2/3.
        bool[] labels = [true, false, true, false, false, true];
        float[] scores = [0.875f, 0.75f, 0.625f, 0.5f, 0.375f, 0.25f];

        var threshold = ThresholdChoice.MaximiseF1(labels, scores);

        Assert.Equal(0.5625, threshold);
    }

    [Fact]
    public void ReturnsTheLowestScoreItselfWhenEveryRowShouldBePredictedPositive()
    {
        bool[] labels = [true, true, true];
        float[] scores = [0.9f, 0.5f, 0.2f];

        var threshold = ThresholdChoice.MaximiseF1(labels, scores);

        Assert.Equal(0.2f, threshold);
    }

    [Fact]
    public void TreatsTiedScoresAsOneCandidate()
    {
        // Cutting inside the 0.5 group is impossible: 0.5 takes both the positive and the negative.
        // Cuts: 0.75 -> 2/3, 0.5 -> 4/5, 0.25 -> 4/6; best 0.5, halfway to 0.25.
        bool[] labels = [true, true, false, false];
        float[] scores = [0.75f, 0.5f, 0.5f, 0.25f];

        var threshold = ThresholdChoice.MaximiseF1(labels, scores);

        Assert.Equal(0.375, threshold);
    }

    [Fact]
    public void ReturnsOneHalfWithoutPositives()
    {
        bool[] labels = [false, false];
        float[] scores = [0.9f, 0.1f];

        var threshold = ThresholdChoice.MaximiseF1(labels, scores);

        Assert.Equal(0.5, threshold);
    }

    [Fact]
    public void ReturnsOneHalfForNoRows()
    {
        var threshold = ThresholdChoice.MaximiseF1([], []);

        Assert.Equal(0.5, threshold);
    }

    [Fact]
    public void ReachesTheBestF1OfAnyDistinctScoreOnRandomData()
    {
        var (labels, scores) = ClassifierMetricsTests.RandomPredictions(seed: 11, rows: 3_000, distinctScores: 200);
        var best = 0.0;
        foreach (var candidate in scores.Distinct())
        {
            best = Math.Max(best, ClassifierMetrics.F1(labels, scores, candidate));
        }

        var threshold = ThresholdChoice.MaximiseF1(labels, scores);

        Assert.Equal(best, ClassifierMetrics.F1(labels, scores, threshold));
    }
}
