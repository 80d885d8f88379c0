namespace IcpScoring.Storage;

/// <summary>A label to record: the person's key (SnapshotKeys), what the model reads of them, and the label.</summary>
internal sealed record PersonLabel(string Key, string Title, string Company, string Industry, string CompanySize, bool IsIcp);
