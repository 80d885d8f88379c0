using IcpScoring.Model;

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

    /// <summary>The account's 1st-degree connections in the file, hidden profiles included (leads outside the network are apart, in <see cref="InMailPool"/>).</summary>
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

    /// <summary>ICP-matched 1st-degree connections: they can be messaged without InMail.</summary>
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

    /// <summary>The best targets, best score first (<c>Reports:ContactFirst</c> of them), with their reasons and whether they are new this month.</summary>
    public required IReadOnlyList<Contact> ContactFirst { get; init; }

    /// <summary>Companies with two or more ICP connections (a buying committee to reach at once), counted and the largest listed.</summary>
    public required BuyingCommittees Companies { get; init; }

    /// <summary>Connections whose unknown industry or company size would decide their match, counted and the most promising listed.</summary>
    public required NeedsEnrichment NeedsEnrichment { get; init; }

    /// <summary>How many targets were not in the account's previous month (all of them in a first month).</summary>
    public required NewTargets NewThisMonth { get; init; }

    /// <summary>Where each row's connection degree came from, and how many 1st-degree connections had to be assumed.</summary>
    public required DegreeSource Degree { get; init; }

    /// <summary>The people in the file outside the account's network: reachable by InMail or a connection request, not by a message.</summary>
    public required InMailPool InMailPool { get; init; }

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

/// <summary>One target to contact, as pool.html lists it: who, the score, why, and whether they are new this month.</summary>
internal sealed record Contact(string Name, string Title, string Company, string ProfileUrl, double Score, string Tier, IReadOnlyList<ScoreReason> Reasons, bool NewThisMonth);

/// <summary>The companies where the account has two or more ICP connections: how many, and the largest (<c>Reports:Companies</c> of them).</summary>
internal sealed record BuyingCommittees(long Count, IReadOnlyList<BuyingCommittee> Listed);

/// <summary>
/// One company with two or more ICP connections, grouped on the normalized company name ("Acme, Inc."
/// and "ACME" are one): its most written spelling, its people best score first (in the report, the
/// first ten of <paramref name="IcpConnections"/>), and the best score.
/// </summary>
internal sealed record BuyingCommittee(string Company, long IcpConnections, double BestScore, IReadOnlyList<CommitteeMember> People);

/// <summary>One ICP connection at a company with a buying committee.</summary>
internal sealed record CommitteeMember(string Name, string Title, string ProfileUrl, double Score, bool NewThisMonth);

/// <summary>
/// Connections that do not match the ICP now, whose industry or company size (or both) is unknown,
/// and that would match if each unknown part took the value that raises the model's score most
/// (<paramref name="BestIndustry"/>, <paramref name="BestCompanySize"/>, measured with the model):
/// enriching them decides. <paramref name="Count"/> counts them all; <paramref name="Listed"/> holds
/// the most promising (the highest score if enriched), <c>Reports:NeedsEnrichment</c> of them.
/// </summary>
internal sealed record NeedsEnrichment(long Count, string? BestIndustry, string? BestCompanySize, IReadOnlyList<EnrichmentCandidate> Listed);

/// <summary>
/// One connection worth enriching: who, what is known, what is unknown, the score now and the score
/// were the unknown parts the best values, and why it is listed, in words.
/// </summary>
internal sealed record EnrichmentCandidate(
    string Name,
    string Title,
    string Company,
    string ProfileUrl,
    string Industry,
    string CompanySize,
    IReadOnlyList<string> Unknown,
    double Score,
    double ScoreIfEnriched,
    string Why);

/// <summary>
/// The targets not in the account's previous month (<paramref name="PreviousMonth"/>, the latest
/// earlier month in the database; null for a first month, when every target is new).
/// </summary>
internal sealed record NewTargets(string? PreviousMonth, long Targets);

/// <summary>
/// How the connection degree was decided: <c>"column"</c> (the file's degree column, named in
/// <paramref name="Column"/>), <c>"linkedin-export"</c> (LinkedIn's own export lists 1st-degree
/// connections only) or <c>"assumed"</c> (the file has no degree: every row counted as 1st-degree).
/// <paramref name="ConnectionsWithoutDegree"/>: connections counted as 1st-degree for want of a
/// degree in a file that has the column.
/// </summary>
internal sealed record DegreeSource(string Source, string? Column, long ConnectionsWithoutDegree)
{
    public const string FromColumn = "column";
    public const string LinkedInExport = "linkedin-export";
    public const string Assumed = "assumed";
}

/// <summary>
/// The leads outside the account's network (2nd, 3rd degree, out of network), by degree: how many
/// match the ICP, the InMail replies expected from writing to those once (at the low and high InMail
/// reply rates), and how many would accept a personalized connection request (and join the pool).
/// </summary>
internal sealed record InMailPool(long Leads, long IcpMatched, IReadOnlyList<DegreeCount> ByDegree, ExpectedInMailReplies ExpectedInMailReplies, double ExpectedAcceptedRequests);

/// <summary>Leads of one degree and how many of them match the ICP.</summary>
internal sealed record DegreeCount(string Degree, long Leads, long IcpMatched);

/// <summary>InMail replies expected from the ICP-matched leads at the low and high InMail reply rates.</summary>
internal sealed record ExpectedInMailReplies(double Low, double High);

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

