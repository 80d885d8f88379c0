namespace IcpScoring.Storage;

/// <summary>
/// What the ledger knows a file by: its content (SHA-256) as placed, with the account and month its
/// place in the inbox or the command line gives, when they do (PRODUCT.md §3.5). An account that
/// added nobody exports a byte-identical file the next month: the same content under a new month of
/// the same account is that month, not a copy. The ledger's unique key is this identity: the SHA-256
/// alone when neither account nor month is known (a labeled-prospects file, an agency file at the
/// inbox's top), else <c>sha256/month/account</c> (either may be empty). The hash has a fixed length
/// and a month holds no slash, so two identities are equal exactly when the three parts are.
/// </summary>
internal static class LedgerIdentity
{
    public static string Of(string sha256, string? account, string? month) =>
        account is null && month is null ? sha256 : $"{sha256}/{month}/{account}";
}
