using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// Drift reports and the portfolio, made again from the database. After a file job: the accounts
/// whose snapshots are not yet reported on, unless another job (on any server) is making reports
/// right now, which then makes them too. On the schedule: every account, waiting for its turn.
/// Either way, whoever makes reports last has read every snapshot committed before, so the pages
/// are never older than the files.
/// </summary>
internal sealed partial class RefreshJob(PipelineServices services, ILogger<RefreshJob> logger)
{
    public const string QueueName = "reports";

    [DisplayName("Drift and portfolio")]
    [Queue(QueueName)]
    // Accounts stay pending until their reports and the portfolio are written: a retry soon after a
    // passing fault (a database restarting) makes them, whether or not another file comes.
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 300, 900])]
    public void Refresh(string[]? accounts, CancellationToken cancellationToken)
    {
        using var store = services.OpenStore();
        var job = services.MainJob(store);
        if (accounts is null)
        {
            job.RefreshReports(services.Paths.Out, null, [], cancellationToken);
            LogRefreshed("all accounts");
        }
        else if (job.RefreshPending(services.Paths.Out, cancellationToken))
        {
            LogRefreshed("the accounts with new snapshots");
        }
        else
        {
            LogNothingToDo(string.Join(", ", accounts));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed drift reports and the portfolio for {Accounts}")]
    private partial void LogRefreshed(string accounts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drift reports of {Accounts} already made or being made by another job")]
    private partial void LogNothingToDo(string accounts);
}
