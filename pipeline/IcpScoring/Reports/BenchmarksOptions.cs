namespace IcpScoring.Reports;

/// <summary>
/// The <c>Benchmarks</c> section: the domain rates the reports use (PRODUCT.md §2). Every one is
/// listed in each report's assumptions with its source.
/// </summary>
internal sealed record BenchmarksOptions
{
    public double ColdReplyRate { get; init; } = 0.10;

    public double WarmReplyRate { get; init; } = 0.20;

    public double AcceptanceAverage { get; init; } = 0.28;

    public double AcceptanceTargeted { get; init; } = 0.45;

    public double AcceptanceGeneric { get; init; } = 0.15;

    public int WeeklyRequestsStandard { get; init; } = 100;

    public int WeeklyRequestsHighTrust { get; init; } = 200;

    public double AcceptedThatReply { get; init; } = 0.29;

    public double CloseRateWarm { get; init; } = 0.146;

    public double CloseRateCold { get; init; } = 0.017;

    public double InMailReplyLow { get; init; } = 0.10;

    public double InMailReplyHigh { get; init; } = 0.25;

    public int Badge500At { get; init; } = 500;

    /// <summary>Below this many ICP-relevant 1st-degree connections a pool is too shallow for campaigns.</summary>
    public int ShallowPoolBelow { get; init; } = 100;

    /// <summary>From <see cref="ShallowPoolBelow"/> up to this many the pool is minimal; above it, healthy.</summary>
    public int HealthyPoolAbove { get; init; } = 200;

    /// <summary>Weeks in a month for projections: the brief's worked example (22–28 a week is about 90–115 a month).</summary>
    public double WeeksPerMonth { get; init; } = 4.1;

    /// <summary>How many months ahead the growth projection runs.</summary>
    public int ProjectionMonths { get; init; } = 6;

    /// <summary>
    /// The share of the new connections a targeted scenario makes that match the ICP: targeted
    /// requests go to ICP people, so nearly all who accept are; set it to how precise your lists are.
    /// Generic and average scenarios reach the network's kind of people: today's match rate.
    /// </summary>
    public double TargetedIcpShare { get; init; } = 0.9;

    public IEnumerable<string> Validate()
    {
        foreach (var (key, value) in Rates())
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                yield return $"Benchmarks:{key} must be a rate between 0 and 1 (it is {value})";
            }
        }

        if (WeeklyRequestsStandard <= 0 || WeeklyRequestsHighTrust <= 0)
        {
            yield return "Benchmarks:WeeklyRequestsStandard and WeeklyRequestsHighTrust must be positive";
        }

        if (InMailReplyLow > InMailReplyHigh)
        {
            yield return "Benchmarks:InMailReplyLow must not exceed InMailReplyHigh";
        }

        if (ShallowPoolBelow < 0 || HealthyPoolAbove < ShallowPoolBelow)
        {
            yield return "Benchmarks:ShallowPoolBelow must be at least 0 and not above HealthyPoolAbove";
        }

        if (Badge500At <= 0)
        {
            yield return "Benchmarks:Badge500At must be positive";
        }

        if (WeeksPerMonth is < 4 or > 5)
        {
            yield return "Benchmarks:WeeksPerMonth must be between 4 and 5";
        }

        if (ProjectionMonths is < 1 or > 36)
        {
            yield return "Benchmarks:ProjectionMonths must be between 1 and 36";
        }
    }

    private IEnumerable<(string, double)> Rates() =>
    [
        (nameof(ColdReplyRate), ColdReplyRate), (nameof(WarmReplyRate), WarmReplyRate), (nameof(AcceptanceAverage), AcceptanceAverage),
        (nameof(AcceptanceTargeted), AcceptanceTargeted), (nameof(AcceptanceGeneric), AcceptanceGeneric), (nameof(AcceptedThatReply), AcceptedThatReply),
        (nameof(CloseRateWarm), CloseRateWarm), (nameof(CloseRateCold), CloseRateCold), (nameof(InMailReplyLow), InMailReplyLow), (nameof(InMailReplyHigh), InMailReplyHigh),
        (nameof(TargetedIcpShare), TargetedIcpShare),
    ];
}
