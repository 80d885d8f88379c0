namespace IcpScoring.Drift;

/// <summary>The <c>Drift</c> section: when a month-over-month change is worth an alert.</summary>
internal sealed record DriftOptions
{
    /// <summary>Alert when the match rate falls by at least this many percentage points and the fall is significant.</summary>
    public double MatchRateDropPoints { get; init; } = 2.0;

    /// <summary>The significance level of the two-proportion test behind a match-rate alert.</summary>
    public double SignificanceLevel { get; init; } = 0.05;

    /// <summary>Score-distribution PSI from which an alert is raised (0.25: a major shift).</summary>
    public double ScorePsiAlert { get; init; } = 0.25;

    /// <summary>Per-feature PSI from which an alert is raised.</summary>
    public double FeaturePsiAlert { get; init; } = 0.25;

    /// <summary>A category never seen before that takes at least this share of connections is named in an alert.</summary>
    public double NewCategoryShareAlert { get; init; } = 0.05;

    /// <summary>Alert when the addressable pool shrinks by at least this share.</summary>
    public double PoolDropShare { get; init; } = 0.10;

    /// <summary>Alert when the share of connections without a title or without firmographics rises by this many points.</summary>
    public double DataQualityRisePoints { get; init; } = 10.0;

    /// <summary>Alert when this share of a file's rows were rejected.</summary>
    public double RejectedShareAlert { get; init; } = 0.05;

    /// <summary>A month where at least this share of last month's people are gone looks like another account's export.</summary>
    public double SuspectGoneShare { get; init; } = 0.5;

    /// <summary>A network that shrinks by at least this share in a month looks like a partial or wrong export.</summary>
    public double SuspectShrinkShare { get; init; } = 0.2;

    /// <summary>Alert when the match rate has fallen this many months in a row (0: never).</summary>
    public int DecliningMonths { get; init; } = 2;

    public IEnumerable<string> Validate()
    {
        if (MatchRateDropPoints is < 0 or > 100)
        {
            yield return "Drift:MatchRateDropPoints must be between 0 and 100";
        }

        if (SignificanceLevel is <= 0 or >= 1)
        {
            yield return "Drift:SignificanceLevel must be above 0 and below 1";
        }

        if (ScorePsiAlert <= 0 || FeaturePsiAlert <= 0)
        {
            yield return "Drift:ScorePsiAlert and FeaturePsiAlert must be positive";
        }

        foreach (var (key, value) in new[] { ("NewCategoryShareAlert", NewCategoryShareAlert), ("PoolDropShare", PoolDropShare), ("RejectedShareAlert", RejectedShareAlert), ("SuspectGoneShare", SuspectGoneShare), ("SuspectShrinkShare", SuspectShrinkShare) })
        {
            if (value is < 0 or > 1)
            {
                yield return $"Drift:{key} must be a share between 0 and 1";
            }
        }

        if (DataQualityRisePoints is < 0 or > 100)
        {
            yield return "Drift:DataQualityRisePoints must be between 0 and 100";
        }

        if (DecliningMonths is < 0 or > 24)
        {
            yield return "Drift:DecliningMonths must be between 0 (no alert) and 24";
        }
    }
}
