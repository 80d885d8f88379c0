using System.Collections.Concurrent;
using IcpScoring.Cli.Web;
using IcpScoring.Pipeline;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// What the pages know about jobs they started, in memory (as Hangfire's own storage is): the
/// upload's check by job id, and the latest progress of each inbox file being processed.
/// </summary>
internal sealed class JobBoard
{
    private readonly ConcurrentDictionary<string, UploadCheck> _checks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileProgress> _progress = new(StringComparer.Ordinal);

    public void Started(string jobId, UploadCheck check) => _checks[jobId] = check;

    public UploadCheck? Check(string jobId) => _checks.GetValueOrDefault(jobId);

    public void Report(FileProgress progress) => _progress[progress.File] = progress;

    public FileProgress? Progress(string relativePath) => _progress.TryGetValue(relativePath, out var p) ? p : null;
}
