namespace IcpScoring.Storage;

internal sealed record FileCounts(long DataRows, long Connections, long Hidden, long Duplicates, long Rejected);
