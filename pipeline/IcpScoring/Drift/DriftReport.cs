namespace IcpScoring.Drift;

/// <summary>
/// The ICP-match drift report of one account and month against its previous month (PRODUCT.md
/// §4.3): what <c>drift.json</c> holds (camelCase) and <c>drift.html</c> shows.
/// </summary>
internal sealed record DriftReport
{
    public required string Account { get; init; }

    public required string Month { get; init; }

    /// <summary>Null for an account's first month: there is nothing to compare yet.</summary>
    public required string? PreviousMonth { get; init; }

    /// <summary>True when both months hold the same connections with the same scores.</summary>
    public required bool Identical { get; init; }

    /// <summary>One sentence for people: what changed and why.</summary>
    public required string Summary { get; init; }

    public required MatchRateChange? IcpMatchRate { get; init; }

    public required PoolChange? Pool { get; init; }

    public required double? ScorePsi { get; init; }

    /// <summary>"stable" (below 0.1), "moderate" (0.1–0.25) or "major" (above 0.25).</summary>
    public required string? ScorePsiBand { get; init; }

    /// <summary>Industry, company size, seniority and function.</summary>
    public required IReadOnlyDictionary<string, FeatureDrift> Features { get; init; }

    public required NetworkMovement? Network { get; init; }

    public required DataQuality? DataQuality { get; init; }

    public required bool ModelChanged { get; init; }

    public required string ModelVersion { get; init; }

    public required string? PreviousModelVersion { get; init; }

    /// <summary>The ICP profile whose model scored this month.</summary>
    public string Profile { get; init; } = "";

    /// <summary>The profile of the previous month's model; null for a first month.</summary>
    public string? PreviousProfile { get; init; }

    /// <summary>The account is scored against another ICP than last month: the change is the model's, not the network's.</summary>
    public bool ProfileChanged { get; init; }

    /// <summary>How the change in match rate splits into the network and the model; they add up to the total.</summary>
    public required Attribution? Attribution { get; init; }

    public required IReadOnlyList<string> Alerts { get; init; }

    /// <summary>
    /// What makes this month look like a wrong upload (most of last month's people gone, an older
    /// export, a network much smaller); empty when nothing does. Each is also the first of the alerts.
    /// </summary>
    public IReadOnlyList<string> Suspect { get; init; } = [];

    /// <summary>Every month of the account so far, oldest first.</summary>
    public required IReadOnlyList<TrendPoint> Trend { get; init; }

    /// <summary>Score histograms (20 bands of 0.05) of both months, for the overlaid chart.</summary>
    public required ScoreHistograms? Histograms { get; init; }
}

/// <summary>
/// The match rate then and now, the change and its 95% interval, and the two-proportion test, with the
/// significance level it is judged at (<c>Drift:SignificanceLevel</c>). Rates and changes are fractions
/// of 1 (a change of -0.0065 is -0.65 percentage points).
/// </summary>
internal sealed record MatchRateChange(double Previous, double Current, double Delta, double[] Ci95, double PValue, long PreviousScored, long CurrentScored, double SignificanceLevel = 0.05);

internal sealed record PoolChange(long Previous, long Current, long Delta);

/// <summary>One feature's drift over the union of its categories.</summary>
internal sealed record FeatureDrift(double Psi, double Js, string Band, IReadOnlyList<CategoryShare> NewCategories, IReadOnlyList<CategoryShare> GoneCategories, IReadOnlyList<CategoryShift> LargestShifts);

/// <summary>A category with its share of connections (now for new ones, then for gone ones).</summary>
internal sealed record CategoryShare(string Name, double Share);

internal sealed record CategoryShift(string Name, double PreviousShare, double CurrentShare);

/// <summary>
/// How the pool moved: connections added and removed, and changed (the same person with a new title
/// or company), with how many moved into and out of the ICP; and the unchanged ones (same title and
/// company) whose verdict changed all the same (the model, or their industry or size, changed).
/// Into minus out of the ICP, over all four, is the pool's change.
/// </summary>
internal sealed record NetworkMovement(long Added, long Removed, long Changed, long AddedIntoIcp, long RemovedFromIcp, long ChangedIntoIcp, long ChangedOutOfIcp, long Unchanged, long RescoredIntoIcp = 0, long RescoredOutOfIcp = 0)
{
    /// <summary>The pool's change these movements make: it equals the change of the addressable pool.</summary>
    public long PoolChange => AddedIntoIcp - RemovedFromIcp + ChangedIntoIcp - ChangedOutOfIcp + RescoredIntoIcp - RescoredOutOfIcp;
}

/// <summary>Shares of connections without a title, without firmographics, and rejected rows, then and now.</summary>
internal sealed record DataQuality(
    double PreviousWithoutTitle,
    double CurrentWithoutTitle,
    double PreviousWithoutFirmographics,
    double CurrentWithoutFirmographics,
    long PreviousRejected,
    long CurrentRejected,
    double PreviousRejectedShare,
    double CurrentRejectedShare);

/// <summary>The change in match rate (a fraction of 1, like the rates) split into "network changed" and "model changed".</summary>
internal sealed record Attribution(double Network, double Model, double Total, double? PreviousRescoredRate);

internal sealed record TrendPoint(string Month, double IcpMatchRate, long AddressablePool, long Connections, string ModelVersion, string Profile = "");

internal sealed record ScoreHistograms(long[] Previous, long[] Current);
