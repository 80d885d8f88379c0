namespace IcpScoring.Pipeline;

/// <summary>
/// An export found in the inbox, with the account and month its place says (PRODUCT.md §3.5):
/// <c>&lt;inbox&gt;/&lt;account&gt;/&lt;YYYY-MM&gt;.csv</c> (or <c>.zip</c>, or a folder <c>&lt;YYYY-MM&gt;/</c>).
/// </summary>
internal sealed record InboxFile(string Path, string RelativePath, string? Account, string? Month)
{
    /// <summary>The file's SHA-256 as the ledger has it, once hashed; the reports name the file by it.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>
    /// The file's (or its folder's) name when it looks like a month (<see cref="MonthNames"/>): the
    /// month as written, read as <see cref="Month"/> or not a month (<see cref="MonthProblem"/>).
    /// </summary>
    public MonthInName? MonthName { get; init; }

    /// <summary>Why the name that looks like a month is not one: unless a month is given, the file fails with it.</summary>
    public string? MonthProblem => MonthName?.Problem;

    /// <summary>
    /// The month the ledger places the file in (<c>Storage.LedgerIdentity</c>): the month its name
    /// says, or the name that is not one (a file named <c>2026-13</c> is not the same file as a
    /// <c>2026-12</c> of the same content), or null when its name says no month.
    /// </summary>
    public string? LedgerMonth => Month ?? MonthName?.Written;
}
