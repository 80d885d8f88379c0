namespace IcpScoring.Storage;

// Status is "running" until FinishRun; a run that stays "running" belonged to a process that died.
internal sealed record RunInfo(
    long Id,
    string Command,
    string Claimant,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    string? SummaryJson);
