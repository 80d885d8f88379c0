namespace IcpScoring.Reports;

/// <summary>
/// Across all accounts (<c>portfolio.json</c>, <c>index.html</c>): each account's latest month and its
/// change. <paramref name="ModelVersion"/> names the models of the latest months by profile ("sample v1").
/// </summary>
internal sealed record PortfolioReport(IReadOnlyList<PortfolioAccount> Accounts, IReadOnlyList<FailedFile> Failed, string ModelVersion)
{
    /// <summary>Every account's latest month added up.</summary>
    public PortfolioTotals Totals => PortfolioTotals.Of(Accounts);
}

/// <summary>The accounts' latest months added up: connections, scored, ICP matched (so the match rate across accounts), the pool and its change.</summary>
internal sealed record PortfolioTotals(long Connections, long Scored, long IcpMatched, double IcpMatchRate, long AddressablePool, long PoolChange)
{
    public static PortfolioTotals Of(IReadOnlyList<PortfolioAccount> accounts)
    {
        var scored = accounts.Sum(a => a.Scored);
        var matched = accounts.Sum(a => a.IcpMatched);
        return new(accounts.Sum(a => a.Connections), scored, matched, scored == 0 ? 0 : matched / (double)scored, accounts.Sum(a => a.AddressablePool), accounts.Sum(a => a.PoolChange ?? 0));
    }
}

/// <summary>One month of an account, for its history on the portfolio.</summary>
internal sealed record PortfolioMonth(string Month, double IcpMatchRate, long AddressablePool, long Connections, string Pool);

/// <summary>
/// One account: its latest month's match rate, pool and connections, the change since its previous
/// month (null for a first month), and links (relative to the output folder) to its reports.
/// </summary>
internal sealed record PortfolioAccount(
    string Account,
    string LatestMonth,
    double IcpMatchRate,
    long AddressablePool,
    long Connections,
    string PoolDepth,
    double? MatchRateChangePoints,
    long? PoolChange,
    IReadOnlyList<string> Months,
    IReadOnlyList<string> Alerts,
    IReadOnlyDictionary<string, string> Links)
{
    /// <summary>The ICP profile whose model scored the latest month.</summary>
    public string Profile { get; init; } = "";

    public string ModelVersion { get; init; } = "";

    /// <summary>The latest month's scored connections and ICP matches, for totals across accounts.</summary>
    public long Scored { get; init; }

    public long IcpMatched { get; init; }

    /// <summary>Every month of the account, oldest first, with a link to its pool report.</summary>
    public IReadOnlyList<PortfolioMonth> History { get; init; } = [];

    /// <summary>Why the latest month looks like a wrong upload; empty when it does not.</summary>
    public IReadOnlyList<string> Suspect { get; init; } = [];
}

/// <summary>An export that could not be processed, with the reason and where it was moved.</summary>
internal sealed record FailedFile(string File, string Reason, string MovedTo);
