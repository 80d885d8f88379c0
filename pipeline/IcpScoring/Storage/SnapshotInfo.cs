namespace IcpScoring.Storage;

internal sealed record SnapshotInfo(
    long Id,
    string Account,
    string Month,
    long LedgerId,
    string ModelVersion,
    DateTimeOffset CreatedAt,
    long Connections,
    long Hidden,
    long Scored,
    long IcpMatched,
    long AddressablePool,
    string SummaryJson);
