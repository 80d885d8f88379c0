namespace IcpScoring.Storage;

/// <summary>
/// One account's month in a <see cref="SnapshotBatch"/> commit: its counts, report summary, and the
/// model that scored it (<c>profile/vN</c>; null for the batch's).
/// </summary>
internal sealed record SnapshotHeader(string Account, string Month, long Connections, long Hidden, long Scored, long IcpMatched, long AddressablePool, string SummaryJson, string? ModelVersion = null);
