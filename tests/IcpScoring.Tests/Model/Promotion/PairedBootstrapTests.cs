using IcpScoring.Model;
using IcpScoring.Model.Promotion;

namespace IcpScoring.Tests.Model.Promotion;

public sealed class PairedBootstrapTests
{
    private static readonly bool[] Labels = [.. Enumerable.Range(0, 200).Select(i => i % 4 == 0)];

    // A decent model: positives score higher on average, with overlap.
    private static float[] Decent(int seed)
    {
        var rng = new Random(seed);
        return [.. Labels.Select(l => (float)Math.Clamp((l ? 0.6 : 0.4) + ((rng.NextDouble() - 0.5) * 0.6), 0, 1))];
    }

    [Fact]
    public void IdenticalScoresDifferByExactlyNothing()
    {
        var scores = Decent(1);

        var d = PairedBootstrap.Compare(Labels, scores, scores, seed: 42);

        Assert.Equal([0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [d.Auc, d.AucLow, d.AucHigh, d.AveragePrecision, d.AveragePrecisionLow, d.AveragePrecisionHigh]);
    }

    [Fact]
    public void APerfectRankingAgainstAReversedOneIsBetterByOneInEveryResample()
    {
        float[] perfect = [.. Labels.Select(l => l ? 0.9f : 0.1f)];
        float[] reversed = [.. Labels.Select(l => l ? 0.1f : 0.9f)];

        var d = PairedBootstrap.Compare(Labels, perfect, reversed, seed: 42);

        Assert.Equal(1.0, d.Auc, 12);
        Assert.Equal(1.0, d.AucLow, 12);
        Assert.Equal(1.0, d.AucHigh, 12);
    }

    [Fact]
    public void ThePointDifferenceIsTheDifferenceOfTheMetricsOnAllRows()
    {
        var a = Decent(1);
        var b = Decent(2);

        var d = PairedBootstrap.Compare(Labels, a, b, seed: 42);

        Assert.Equal(ClassifierMetrics.Auc(Labels, a) - ClassifierMetrics.Auc(Labels, b), d.Auc, 12);
        Assert.Equal(ClassifierMetrics.AveragePrecision(Labels, a) - ClassifierMetrics.AveragePrecision(Labels, b), d.AveragePrecision, 12);
        Assert.InRange(d.Auc, d.AucLow, d.AucHigh);
        Assert.True(d.AucHigh - d.AucLow > 0.01, $"interval [{d.AucLow}, {d.AucHigh}] of two noisy models on 200 rows");
    }

    [Fact]
    public void TheSameSeedGivesTheSameIntervalAndAnotherSeedAnother()
    {
        var a = Decent(1);
        var b = Decent(2);

        var first = PairedBootstrap.Compare(Labels, a, b, seed: 42);
        var again = PairedBootstrap.Compare(Labels, a, b, seed: 42);
        var other = PairedBootstrap.Compare(Labels, a, b, seed: 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first.AucLow, other.AucLow);
    }

    [Fact]
    public void SwappingTheModelsNegatesTheInterval()
    {
        var a = Decent(1);
        var b = Decent(2);

        var forward = PairedBootstrap.Compare(Labels, a, b, seed: 42);
        var backward = PairedBootstrap.Compare(Labels, b, a, seed: 42);

        Assert.Equal(-forward.Auc, backward.Auc, 12);
        Assert.Equal(-forward.AucHigh, backward.AucLow, 12);
        Assert.Equal(-forward.AucLow, backward.AucHigh, 12);
    }

    [Fact]
    public void RowsOfOneClassCannotBeCompared()
    {
        bool[] labels = [true, true, true];
        float[] scores = [0.1f, 0.5f, 0.9f];

        Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(labels, scores, scores, seed: 42));
    }

    [Theory]
    [InlineData(0.025, 1.075)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.975, 3.925)]
    public void PercentilesInterpolateBetweenOrderStatisticsAsNumpyDoes(double q, double expected)
    {
        Assert.Equal(expected, PairedBootstrap.Quantile([1.0, 2.0, 3.0, 4.0], q), 12);
    }
}
