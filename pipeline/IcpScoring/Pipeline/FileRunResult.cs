namespace IcpScoring.Pipeline;

/// <summary>What happened to one file in a run.</summary>
internal sealed record FileRunResult(string File, string Status, string Detail, IReadOnlyList<AccountMonthResult> Reports)
{
    public const string Processed = "processed";
    public const string AlreadyIngested = "already ingested";
    public const string Busy = "in progress elsewhere";
    public const string Failed = "failed";
}
