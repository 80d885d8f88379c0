namespace IcpScoring.Storage;

/// <summary>One account's month in a <see cref="SnapshotBatch"/> commit: its counts and report summary.</summary>
internal sealed record SnapshotHeader(string Account, string Month, long Connections, long Hidden, long Scored, long IcpMatched, long AddressablePool, string SummaryJson);
