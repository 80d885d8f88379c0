namespace IcpScoring.Reports;

/// <summary>
/// Across all accounts (<c>portfolio.json</c>, <c>index.html</c>): each account's latest month and its
/// change. <paramref name="ModelVersion"/> names the models of the latest months by profile ("sample v1").
/// </summary>
internal sealed record PortfolioReport(IReadOnlyList<PortfolioAccount> Accounts, IReadOnlyList<FailedFile> Failed, string ModelVersion);

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
}

/// <summary>An export that could not be processed, with the reason and where it was moved.</summary>
internal sealed record FailedFile(string File, string Reason, string MovedTo);
