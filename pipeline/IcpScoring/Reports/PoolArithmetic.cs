using System.Globalization;

namespace IcpScoring.Reports;

/// <summary>
/// The report's domain arithmetic (PRODUCT.md §2): match-rate interval, expected conversations, pool
/// depth, the 500+ badge and the growth projection, with the benchmark rates as assumptions.
/// </summary>
internal static class PoolArithmetic
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The Wilson score interval of <paramref name="matched"/> out of <paramref name="total"/> at 95%.</summary>
    public static double[] Wilson95(long matched, long total)
    {
        if (total <= 0)
        {
            return [0, 1];
        }

        var n = (double)total;
        var p = matched / n;
        var z2 = Z95 * Z95;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        // At 0 and at n the bounds are exactly 0 and 1; the formula leaves rounding dust.
        return [matched == 0 ? 0 : Math.Max(0, center - half), matched == total ? 1 : Math.Min(1, center + half)];
    }

    /// <summary>Addressable targets: the ICP-matched share of the 1st-degree connections.</summary>
    public static long AddressableTargets(long connections, double matchRate) => (long)Math.Round(connections * matchRate, MidpointRounding.AwayFromZero);

    /// <summary>Conversations from messaging every target once at a reply rate.</summary>
    public static double Conversations(long targets, double replyRate) => targets * replyRate;

    public static ExpectedConversations Expected(long pool, BenchmarksOptions b) =>
        new(Conversations(pool, b.WarmReplyRate), Conversations(pool, b.ColdReplyRate));

    /// <summary>
    /// The leads outside the network: InMail replies expected from writing once to each ICP-matched
    /// one at the low and high InMail reply rates, and personalized connection requests to them that
    /// would be accepted at the ICP-targeted acceptance rate.
    /// </summary>
    public static InMailPool InMail(long leads, long icpMatched, IReadOnlyList<DegreeCount> byDegree, BenchmarksOptions b) =>
        new(leads, icpMatched, byDegree,
            new ExpectedInMailReplies(Conversations(icpMatched, b.InMailReplyLow), Conversations(icpMatched, b.InMailReplyHigh)),
            icpMatched * b.AcceptanceTargeted);

    public static string Depth(long pool, BenchmarksOptions b) =>
        pool < b.ShallowPoolBelow ? "too-shallow" : pool <= b.HealthyPoolAbove ? "minimal" : "healthy";

    public static bool Badge500(long connections, BenchmarksOptions b) => connections >= b.Badge500At;

    /// <summary>
    /// New connections a week from a number of requests at an acceptance rate: whole people, since
    /// a fraction of a connection is not one (80 requests at 28% is 22 a week).
    /// </summary>
    public static double NewConnectionsPerWeek(int weeklyRequests, double acceptance) => Math.Round(weeklyRequests * acceptance, MidpointRounding.AwayFromZero);

    public static double NewConnectionsPerMonth(double perWeek, BenchmarksOptions b) => perWeek * b.WeeksPerMonth;

    /// <summary>
    /// Six scenarios: the standard and high-trust weekly limits at the generic, average and targeted
    /// acceptance rates. Generic and average requests reach people like the network, so their new
    /// connections match the ICP at today's rate (<paramref name="icpShare"/>); targeted requests go to
    /// ICP people, so theirs match at <see cref="BenchmarksOptions.TargetedIcpShare"/>.
    /// </summary>
    public static Projection Project(long pool, double icpShare, BenchmarksOptions b)
    {
        var scenarios = new List<ProjectionScenario>();
        foreach (var (limit, requests) in new[] { ("standard", b.WeeklyRequestsStandard), ("high-trust", b.WeeklyRequestsHighTrust) })
        {
            foreach (var (name, rate, share) in new[] { ("generic", b.AcceptanceGeneric, icpShare), ("average", b.AcceptanceAverage, icpShare), ("targeted", b.AcceptanceTargeted, b.TargetedIcpShare) })
            {
                var week = NewConnectionsPerWeek(requests, rate);
                var month = NewConnectionsPerMonth(week, b);
                var byMonth = Enumerable.Range(1, b.ProjectionMonths)
                    .Select(m => new ProjectionMonth(m, month * m, month * m * share, pool + (month * m * share)))
                    .ToList();
                scenarios.Add(new ProjectionScenario(limit, requests, name, rate, week, month, byMonth) { IcpShareOfNewConnections = share });
            }
        }

        return new Projection(b.ProjectionMonths, icpShare, scenarios);
    }

    /// <summary>Every benchmark the report relies on, with its source (PRODUCT.md §2), and what it took the connection degree to be.</summary>
    public static IReadOnlyList<Assumption> Assumptions(BenchmarksOptions b, DegreeSource degree)
    {
        static string P(double rate) => rate.ToString("0.#%", CultureInfo.InvariantCulture);
        static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        const string Ranges = "Cleverly and Expandi 2026 benchmark ranges";
        const string Expandi = "Expandi 2026 (13.2M requests)";
        return
        [
            new("Reply rate, cold or untargeted DMs", P(b.ColdReplyRate), Ranges),
            new("Reply rate, warm ICP-relevant DMs", P(b.WarmReplyRate), Ranges + ", warm end"),
            new("Connection-request acceptance, platform average", P(b.AcceptanceAverage), Expandi),
            new("Acceptance, personalized ICP-targeted requests", P(b.AcceptanceTargeted), Expandi),
            new("Acceptance, generic mass outreach", P(b.AcceptanceGeneric), Expandi),
            new("Weekly connection-request limit, standard / high-trust account", $"{b.WeeklyRequestsStandard} / {b.WeeklyRequestsHighTrust}", "widely reported 2026 limit, not official"),
            new("Accepted connections that reply to a later message", P(b.AcceptedThatReply), "outreach-platform data, 161,569 requests"),
            new("Close rate, warm / cold leads", $"{P(b.CloseRateWarm)} / {P(b.CloseRateCold)}", "HubSpot State of Sales"),
            new("InMail reply rate", $"{P(b.InMailReplyLow)}–{P(b.InMailReplyHigh)}", "Salesflow, SalesSo 2026"),
            new("Profile shows \"500+\"", $"at {b.Badge500At} connections", "LinkedIn"),
            new("Pool too shallow for campaigns", $"below {b.ShallowPoolBelow}–{b.HealthyPoolAbove} ICP-relevant connections", "article's guidance"),
            new("Weeks in a month (projection)", N(b.WeeksPerMonth), "the brief's worked example: 22–28 new connections a week is about 90–115 a month"),
            new("ICP share of new connections, generic and average requests (projection)", "the current ICP match rate", "assumes untargeted requests reach people like the existing network"),
            new("ICP share of new connections, targeted requests (projection)", P(b.TargetedIcpShare), "assumption: targeted requests go to ICP people (Benchmarks:TargetedIcpShare; set it to your lists' precision)"),
            new("Addressable pool", "ICP-matched 1st-degree connections", "only 1st-degree connections can be messaged without InMail"),
            Degree(degree),
        ];
    }

    /// <summary>What the report took each row's connection degree to be, in words.</summary>
    public static Assumption Degree(DegreeSource degree)
    {
        const string Name = "Connection degree";
        return degree.Source switch
        {
            DegreeSource.LinkedInExport => new(Name, "every row is a 1st-degree connection", "LinkedIn's own export lists the account's 1st-degree connections only"),
            DegreeSource.FromColumn => new(Name,
                $"from the file's {degree.Column} column; 2nd-, 3rd-degree and out-of-network leads are kept out of the pool"
                    + (degree.ConnectionsWithoutDegree > 0 ? $"; {ReportFormat.Count(degree.ConnectionsWithoutDegree)} rows without a degree are counted as 1st-degree connections" : ""),
                "the file"),
            _ => new(Name, "this file has no connection degree; every row is counted as a 1st-degree connection", "assumed: the file is not LinkedIn's own export and has no degree column"),
        };
    }
}
