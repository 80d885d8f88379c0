namespace IcpScoring.Storage;

/// <summary>
/// The ledger's entries of one content, and what they make of a file with that content placed as
/// (<c>account</c>, <c>month</c>) (<see cref="LedgerIdentity"/>). Read inside the claim's transaction,
/// which holds the ledger's lock, so two claims never decide on different views.
/// <list type="bullet">
/// <item>The file's own entry (same account and month) decides as it always did: done is done, a
/// live claim is busy, a failed or stale one is claimed again.</item>
/// <item>A copy for another account, done or being processed, makes the file a likely mix-up: it is
/// refused, naming that copy.</item>
/// <item>A copy for another month of the same account, both months known, is no obstacle: that is a
/// quiet month, an account that added nobody.</item>
/// <item>Any other copy (the account or a month unknown on either side: an agency file with an
/// Account column, a file named without a month) is the same file: done, the file is already
/// ingested; being processed, it is busy.</item>
/// </list>
/// </summary>
internal sealed class SameContent(IReadOnlyList<LedgerEntry> entries, string? account, string? month)
{
    /// <summary>The file's own entry: its content for the same account and month.</summary>
    public LedgerEntry? Own { get; } = entries.FirstOrDefault(e => e.Account == account && e.Month == month);

    private IEnumerable<LedgerEntry> Copies => entries.Where(e => !ReferenceEquals(e, Own));

    /// <summary>A copy for another account that is done or being processed: the file is probably that account's export.</summary>
    public LedgerEntry? OtherAccount =>
        Copies.FirstOrDefault(e => e.Status is FileStatus.Done or FileStatus.Processing && IsOtherAccount(e));

    /// <summary>The entry that makes the file already ingested: its own, done, or a copy done that it cannot be told apart from.</summary>
    public LedgerEntry? Done =>
        Own is { Status: FileStatus.Done or FileStatus.Skipped }
            ? Own
            : Copies.FirstOrDefault(e => e.Status is FileStatus.Done or FileStatus.Skipped && !IsOtherAccount(e) && !IsOtherMonth(e));

    /// <summary>A copy it cannot be told apart from, being processed by a claimant that <paramref name="holds"/> it.</summary>
    public LedgerEntry? Busy(Func<LedgerEntry, bool> holds) =>
        Copies.FirstOrDefault(e => e.Status == FileStatus.Processing && !IsOtherAccount(e) && !IsOtherMonth(e) && holds(e));

    private bool IsOtherAccount(LedgerEntry e) => account is not null && e.Account is not null && e.Account != account;

    // Both placed, the same account, another month: the quiet month.
    private bool IsOtherMonth(LedgerEntry e) => account is not null && month is not null && e.Account == account && e.Month is not null && e.Month != month;
}
