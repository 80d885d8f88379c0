using IcpScoring.Reports;

namespace IcpScoring.Tests.Reports;

/// <summary>The worked examples of PRODUCT.md §2, reproduced by the report arithmetic.</summary>
public sealed class PoolArithmeticTests
{
    private static readonly BenchmarksOptions Defaults = new();

    [Fact]
    public void MarketerAHas100TargetsAnd10Conversations()
    {
        var targets = PoolArithmetic.AddressableTargets(1_000, 0.10);

        var conversations = PoolArithmetic.Conversations(targets, Defaults.ColdReplyRate);

        Assert.Equal(100, targets);
        Assert.Equal(10, conversations, 9);
    }

    [Fact]
    public void MarketerBHas300TargetsAnd60Conversations()
    {
        var targets = PoolArithmetic.AddressableTargets(500, 0.60);

        var conversations = PoolArithmetic.Conversations(targets, Defaults.WarmReplyRate);

        Assert.Equal(300, targets);
        Assert.Equal(60, conversations, 9);
    }

    [Theory]
    [InlineData(80, 22, 90, 540)]
    [InlineData(100, 28, 115, 690)]
    public void GrowthAt28PercentAcceptanceMatchesTheWorkedExample(int weeklyRequests, double perWeek, double aboutPerMonth, double aboutSixMonths)
    {
        var week = PoolArithmetic.NewConnectionsPerWeek(weeklyRequests, Defaults.AcceptanceAverage);
        var month = PoolArithmetic.NewConnectionsPerMonth(week, Defaults);

        Assert.Equal(perWeek, week);
        Assert.Equal(aboutPerMonth, Math.Round(month / 5) * 5);
        Assert.Equal(aboutSixMonths, Math.Round(month * 6 / 10) * 10);
    }

    [Fact]
    public void ProjectionCoversBothLimitsAndAllThreeAcceptanceRates()
    {
        var projection = PoolArithmetic.Project(pool: 120, icpShare: 0.2, Defaults);

        Assert.Equal(6, projection.Scenarios.Count);
        var standardAverage = projection.Scenarios.Single(s => s is { Limit: "standard", Acceptance: "average" });
        Assert.Equal(28, standardAverage.NewConnectionsPerWeek);
        var sixth = standardAverage.ByMonth[^1];
        Assert.Equal(6, sixth.Month);
        Assert.Equal(28 * 4.1 * 6 * 0.2, sixth.NewIcpConnections, 9);
        Assert.Equal(120 + sixth.NewIcpConnections, sixth.AddressablePool, 9);
    }

    [Fact]
    public void TargetedRequestsBringTheirOwnShareOfIcpPeopleAndEveryScenarioSaysWhichShareItAssumes()
    {
        var projection = PoolArithmetic.Project(pool: 120, icpShare: 0.2, Defaults with { TargetedIcpShare = 0.75 });

        Assert.All(projection.Scenarios, s => Assert.Equal(s.Acceptance == "targeted" ? 0.75 : 0.2, s.IcpShareOfNewConnections));
        Assert.All(projection.Scenarios, s => Assert.All(s.ByMonth, m => Assert.Equal(m.NewConnections * s.IcpShareOfNewConnections, m.NewIcpConnections, 9)));
        Assert.Contains(PoolArithmetic.Assumptions(Defaults with { TargetedIcpShare = 0.75 }, new DegreeSource(DegreeSource.LinkedInExport, null, 0)), a => a.Name == "ICP share of new connections, targeted requests (projection)" && a.Value == "75%");
    }

    [Theory]
    [InlineData(0, "too-shallow")]
    [InlineData(99, "too-shallow")]
    [InlineData(100, "minimal")]
    [InlineData(200, "minimal")]
    [InlineData(201, "healthy")]
    public void PoolDepthFollowsTheGuidance(long pool, string depth) => Assert.Equal(depth, PoolArithmetic.Depth(pool, Defaults));

    [Theory]
    [InlineData(499, false)]
    [InlineData(500, true)]
    public void Badge500ShowsFrom500Connections(long connections, bool badge) => Assert.Equal(badge, PoolArithmetic.Badge500(connections, Defaults));

    [Fact]
    public void WilsonIntervalMatchesTheTextbookValue()
    {
        // 10 of 100 at 95%: Wilson interval [0.0552, 0.1744] (Newcombe 1998).
        var ci = PoolArithmetic.Wilson95(10, 100);

        Assert.Equal(0.0552, ci[0], 4);
        Assert.Equal(0.1744, ci[1], 4);
    }

    [Fact]
    public void WilsonIntervalStaysInsideZeroAndOne()
    {
        Assert.Equal(0, PoolArithmetic.Wilson95(0, 50)[0]);
        Assert.Equal(1, PoolArithmetic.Wilson95(50, 50)[1], 12);
        Assert.Equal([0.0, 1.0], PoolArithmetic.Wilson95(0, 0));
    }

    [Fact]
    public void EveryBenchmarkIsListedWithItsSource()
    {
        var assumptions = PoolArithmetic.Assumptions(Defaults, new DegreeSource(DegreeSource.LinkedInExport, null, 0));

        Assert.Contains(assumptions, a => a.Value == "10%" && a.Source.Contains("Cleverly", StringComparison.Ordinal));
        Assert.Contains(assumptions, a => a.Value == "28%" && a.Source.Contains("Expandi", StringComparison.Ordinal));
        Assert.Contains(assumptions, a => a.Value == "14.6% / 1.7%" && a.Source == "HubSpot State of Sales");
        Assert.Contains(assumptions, a => a.Value == "10%–25%");
        Assert.All(assumptions, a => Assert.False(string.IsNullOrWhiteSpace(a.Source)));
    }

    [Fact]
    public void NegativeOrAboveOneRatesAreRefusedNamingTheKey()
    {
        var problems = new BenchmarksOptions { WarmReplyRate = -0.2, AcceptanceAverage = 1.5 }.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("Benchmarks:WarmReplyRate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Benchmarks:AcceptanceAverage", StringComparison.Ordinal));
    }
}
