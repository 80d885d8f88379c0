namespace IcpScoring.Pipeline;

/// <summary>
/// An export found in the inbox, with the account and month its place says (PRODUCT.md §3.5):
/// <c>&lt;inbox&gt;/&lt;account&gt;/&lt;YYYY-MM&gt;.csv</c> (or <c>.zip</c>, or a folder <c>&lt;YYYY-MM&gt;/</c>).
/// </summary>
internal sealed record InboxFile(string Path, string RelativePath, string? Account, string? Month)
{
    /// <summary>The file's SHA-256 as the ledger has it, once hashed; the reports name the file by it.</summary>
    public string Sha256 { get; init; } = "";
}
