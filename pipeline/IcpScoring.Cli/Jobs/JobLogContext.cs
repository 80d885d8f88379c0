using Hangfire.Server;
using Serilog.Context;

namespace IcpScoring.Cli.Jobs;

/// <summary>Every log line written inside a job carries the job's id (the jobs add the file they work on).</summary>
internal sealed class JobLogContext : IServerFilter
{
    private const string Key = "icp-log-context";

    public void OnPerforming(PerformingContext context) =>
        context.Items[Key] = LogContext.PushProperty("JobId", context.BackgroundJob.Id);

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(Key, out var scope) && scope is IDisposable d)
        {
            d.Dispose();
        }
    }
}
