using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// Drift reports and the portfolio, made again from the database. One at a time in this process:
/// whichever runs last reads every snapshot committed before it was enqueued, so the page is never
/// older than the files.
/// </summary>
internal sealed partial class RefreshJob(PipelineServices services, ILogger<RefreshJob> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    [DisplayName("Drift and portfolio")]
    [AutomaticRetry(Attempts = 3)]
    public void Refresh(string[]? accounts, CancellationToken cancellationToken)
    {
        OneAtATime.Wait(cancellationToken);
        try
        {
            using var store = services.OpenStore();
            services.MainJob(store).RefreshReports(services.Paths.Out, accounts is { Length: > 0 } ? accounts : null, [], cancellationToken);
            LogRefreshed(accounts is { Length: > 0 } ? string.Join(", ", accounts) : "all accounts");
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed drift reports and the portfolio for {Accounts}")]
    private partial void LogRefreshed(string accounts);
}
