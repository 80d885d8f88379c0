namespace IcpScoring.Reports;

/// <summary>
/// The addressable-pool report of one account and month (PRODUCT.md §4.1): what <c>pool.json</c>
/// holds (camelCase) and <c>pool.html</c> shows. Deterministic for the same inputs and model.
/// </summary>
internal sealed record PoolReport
{
    public required string Account { get; init; }

    public required string Month { get; init; }

    /// <summary>
    /// How the month was decided: "option", "inbox" (the file's place), "inbox-read-as" (the file's
    /// place, its name spelt another way than YYYY-MM: <c>2026_11</c>) or "data" (the newest Connected On).
    /// </summary>
    public required string MonthSource { get; init; }

    public required string ModelVersion { get; init; }

    /// <summary>The ICP profile whose model scored the account.</summary>
    public string Profile { get; init; } = "";

    /// <summary>The profile's description, when it states criteria; null for a profile of labels only.</summary>
    public string? ProfileDescription { get; init; }

    /// <summary>What the model learnt from, in words ("from criteria, no labeled prospects yet").</summary>
    public string ModelOrigin { get; init; } = "";

    public required double Threshold { get; init; }

    /// <summary>All data rows accepted, hidden profiles included.</summary>
    public required long Connections { get; init; }

    public required long Hidden { get; init; }

    /// <summary>Connections with something to score (not hidden).</summary>
    public required long Scored { get; init; }

    public required long ScoredWithoutFirmographics { get; init; }

    public required long IcpMatched { get; init; }

    /// <summary>Matched over scored (hidden profiles cannot be judged).</summary>
    public required double IcpMatchRate { get; init; }

    /// <summary>Wilson 95% interval of the match rate.</summary>
    public required double[] IcpMatchRateCi95 { get; init; }

    /// <summary>ICP-matched 1st-degree connections: every connection in an export is 1st-degree.</summary>
    public required long AddressablePool { get; init; }

    public required IReadOnlyDictionary<string, long> Tiers { get; init; }

    public required ExpectedConversations ExpectedConversations { get; init; }

    public required bool Badge500 { get; init; }

    /// <summary>"too-shallow", "minimal" or "healthy".</summary>
    public required string PoolDepth { get; init; }

    public required Projection Projection { get; init; }

    public required Segments Segments { get; init; }

    /// <summary>Scores of the scored connections in 20 bands of 0.05, for the histogram.</summary>
    public required long[] ScoreHistogram { get; init; }

    public required IReadOnlyList<Assumption> Assumptions { get; init; }

    public required ReportSource Source { get; init; }

}

/// <summary>Conversations expected from messaging the whole pool once.</summary>
internal sealed record ExpectedConversations(double Warm, double Cold);

/// <summary>Growth of the network and the pool under each request limit and acceptance rate.</summary>
internal sealed record Projection(int Months, double IcpShareOfNewConnections, IReadOnlyList<ProjectionScenario> Scenarios);

/// <summary>
/// One scenario: weekly requests at an acceptance rate. New connections per week and month, and
/// month by month the new ICP connections and the pool they make.
/// </summary>
internal sealed record ProjectionScenario(
    string Limit,
    int WeeklyRequests,
    string Acceptance,
    double AcceptanceRate,
    double NewConnectionsPerWeek,
    double NewConnectionsPerMonth,
    IReadOnlyList<ProjectionMonth> ByMonth)
{
    /// <summary>The share of this scenario's new connections assumed to match the ICP.</summary>
    public double IcpShareOfNewConnections { get; init; }
}

internal sealed record ProjectionMonth(int Month, double NewConnections, double NewIcpConnections, double AddressablePool);

/// <summary>The pool broken down four ways.</summary>
internal sealed record Segments(
    IReadOnlyList<Segment> Industry,
    IReadOnlyList<Segment> CompanySize,
    IReadOnlyList<Segment> Seniority,
    IReadOnlyList<Segment> Function);

/// <summary>One category: how many connections, how many match, and the rate.</summary>
internal sealed record Segment(string Name, long Connections, long IcpMatched, double IcpMatchRate);

/// <summary>A benchmark rate the report relies on, with where it comes from.</summary>
internal sealed record Assumption(string Name, string Value, string Source);

/// <summary>Where the numbers came from: the export file and what ingestion made of it.</summary>
internal sealed record ReportSource(
    string File,
    string Format,
    string Sha256,
    long DataRows,
    long Duplicates,
    long Rejected,
    long FromCompanyDirectory,
    bool CompanyDirectoryUsed);

