namespace IcpScoring.Storage;

internal enum FileStatus
{
    Processing,
    Done,
    Failed,
    Skipped,
}
