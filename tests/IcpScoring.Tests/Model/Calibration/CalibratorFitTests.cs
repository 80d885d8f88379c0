using IcpScoring.Model.Calibration;

namespace IcpScoring.Tests.Model.Calibration;

public sealed class CalibratorFitTests
{
    // Scores whose true probability is their square: overconfident at the top, a shape to correct.
    private static (bool[] Labels, float[] Scores) Overconfident(int rows, int seed)
    {
        var rng = new Random(seed);
        var scores = Enumerable.Range(0, rows).Select(_ => (float)rng.NextDouble()).ToArray();
        return ([.. scores.Select(s => rng.NextDouble() < s * s)], scores);
    }

    [Fact]
    public void EveryCalibratorKeepsTheOrderOfTheScores()
    {
        var (labels, scores) = Overconfident(2000, 1);
        var grid = Enumerable.Range(0, 101).Select(i => i / 100f).ToArray();

        foreach (var calibrator in new[] { CalibratorFit.FitPlatt(labels, scores), CalibratorFit.FitBeta(labels, scores), CalibratorFit.FitIsotonic(labels, scores) })
        {
            var mapped = calibrator.Apply(grid);
            Assert.All(Enumerable.Range(1, grid.Length - 1), i => Assert.True(mapped[i] > mapped[i - 1], $"{calibrator.Method} at {grid[i]}: {mapped[i]} after {mapped[i - 1]}"));
        }
    }

    [Fact]
    public void CalibrationBringsOverconfidentScoresCloserToTheirRates()
    {
        var (labels, scores) = Overconfident(5000, 2);
        var (testLabels, testScores) = Overconfident(20000, 3);

        var (calibrator, _) = CalibratorFit.Choose(labels, scores, [.. Enumerable.Range(0, labels.Length)], 42);

        var before = IcpScoring.Model.ClassifierMetrics.ExpectedCalibrationError(testLabels, testScores);
        var after = IcpScoring.Model.ClassifierMetrics.ExpectedCalibrationError(testLabels, calibrator.Apply(testScores));
        Assert.True(after < before / 3, $"ECE {before:F4} -> {after:F4} ({calibrator.Method})");
    }

    [Fact]
    public void AModelWithoutACalibratorScoresAsItAlwaysDid()
    {
        var none = new Calibrator();

        Assert.Equal(0.37f, none.Apply(0.37f));
    }
}
