namespace IcpScoring.Ingestion;

/// <summary>A data row that was not taken, with its physical line in the file (1-based) and why.</summary>
public sealed record RowReject(long Line, string Reason);
