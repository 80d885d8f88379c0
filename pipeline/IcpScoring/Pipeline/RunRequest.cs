namespace IcpScoring.Pipeline;

/// <summary>
/// What to run: every pending export of an inbox, or given files (<c>icp ingest</c>), with the
/// options that win over the inbox layout and the data.
/// </summary>
internal sealed record RunRequest(string Out, string? Inbox = null, IReadOnlyList<string>? Files = null, string? Account = null, string? Month = null)
{
    /// <summary>Failed inbox files move to <c>&lt;inbox&gt;/failed/</c>; files given by name stay where they are.</summary>
    public bool MovesFailedFiles => Files is null;
}
