namespace IcpScoring.Storage;

// One distinct file content (by SHA-256) and how far the pipeline got with it.
internal sealed record LedgerEntry(
    long Id,
    string Sha256,
    string Path,
    string? Account,
    string? Month,
    FileStatus Status,
    string? ModelVersion,
    long DataRows,
    long Connections,
    long Hidden,
    long Duplicates,
    long Rejected,
    string? Error,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset UpdatedAt,
    string? ClaimedBy);
