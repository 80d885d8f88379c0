namespace IcpScoring.Pipeline;

/// <summary>
/// What to run: every pending export of an inbox, or given files (<c>icp ingest</c>), with the
/// options that win over the inbox layout and the data.
/// </summary>
internal sealed record RunRequest(string Out, string? Inbox = null, IReadOnlyList<string>? Files = null, string? Account = null, string? Month = null)
{
    /// <summary>Of the inbox, only these files (paths relative to it): one scheduled job per file.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    /// <summary>
    /// Whether the run makes the drift reports and the portfolio itself. Scheduled file jobs leave that
    /// to one refresh job, so that two files finishing together cannot write an older portfolio last.
    /// </summary>
    public bool RefreshReports { get; init; } = true;

    /// <summary>
    /// A file claimed by another process that has not shown a sign of life for this long is taken
    /// over (a holder on this machine that has ended is taken over at once).
    /// </summary>
    public TimeSpan StaleClaimAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Failed inbox files move to <c>&lt;inbox&gt;/failed/</c>; files given by name stay where they are.</summary>
    public bool MovesFailedFiles => Files is null;
}
