using IcpScoring.Drift;

namespace IcpScoring.Tests.Drift;

public sealed class DriftStatisticsTests
{
    [Fact]
    public void PsiOfIdenticalDistributionsIsZero() => Assert.Equal(0, DriftStatistics.Psi([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]), 12);

    [Fact]
    public void PsiMatchesTheTextbookSum()
    {
        // Σ (q − p) ln(q / p) over (0.5, 0.5) → (0.3, 0.7): (−0.2) ln 0.6 + 0.2 ln 1.4
        var psi = DriftStatistics.Psi([0.5, 0.5], [0.3, 0.7]);

        Assert.Equal((-0.2 * Math.Log(0.6)) + (0.2 * Math.Log(1.4)), psi, 12);
    }

    [Fact]
    public void ACategoryNeverSeenBeforeGivesAFinitePsi()
    {
        var psi = DriftStatistics.Psi([1.0, 0.0], [0.7, 0.3]);

        Assert.True(double.IsFinite(psi));
        Assert.True(psi > 0.25);
    }

    [Fact]
    public void JensenShannonIsZeroForTheSameAndOneForDisjointDistributions()
    {
        Assert.Equal(0, DriftStatistics.JensenShannon([0.4, 0.6], [0.4, 0.6]), 12);
        Assert.Equal(1, DriftStatistics.JensenShannon([1.0, 0.0], [0.0, 1.0]), 12);
    }

    [Theory]
    [InlineData(0.05, "stable")]
    [InlineData(0.1, "moderate")]
    [InlineData(0.25, "moderate")]
    [InlineData(0.26, "major")]
    public void PsiBandsFollowTheUsualCutOffs(double psi, string band) => Assert.Equal(band, DriftStatistics.Band(psi));

    [Fact]
    public void TwoProportionTestMatchesAHandComputation()
    {
        // 100/1000 → 130/1000: pooled p = 0.115, se = sqrt(0.115·0.885·0.002) = 0.014267, z = 2.1028, two-sided p = 0.03548.
        var (delta, low, high, p) = DriftStatistics.CompareProportions(100, 1000, 130, 1000);

        Assert.Equal(0.03, delta, 12);
        Assert.Equal(0.0355, p, 4);
        Assert.True(low > 0 && low < 0.03 && high > 0.03);
    }

    [Fact]
    public void NewcombeIntervalMatchesThePublishedExample()
    {
        // Newcombe (1998), example (a): 56/70 vs 48/80, difference 0.2 with 95% interval 0.0524 to 0.3339 (method 10), here as current minus previous.
        var (delta, low, high, _) = DriftStatistics.CompareProportions(48, 80, 56, 70);

        Assert.Equal(0.2, delta, 12);
        Assert.Equal(0.0524, low, 4);
        Assert.Equal(0.3339, high, 4);
    }

    [Fact]
    public void NormalTailIsAccurate()
    {
        Assert.Equal(0.025, DriftStatistics.UpperTail(1.959963984540054), 6);
        Assert.Equal(0.5, DriftStatistics.UpperTail(0), 6);
    }
}
