using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using IcpScoring.Cli.Hosting;
using IcpScoring.Cli.Jobs;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IcpScoring.Tests.ScaleOut;

/// <summary>
/// The job page of a server whose queue is shared on PostgreSQL, for a job another server runs:
/// that server has the progress, so the page says where the job runs instead of "waiting".
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed class SharedQueuePageTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [PostgresFact]
    public async Task AJobRunningOnAnotherServerSaysWhichServerRunsIt()
    {
        using var database = new TestDatabase();

        // As icp serve does before it builds its host. Hangfire's logging is process-wide, and an
        // earlier test's host may have left it pointing at that host's disposed logger factory, which
        // the installer would log through: this test's Hangfire logs go nowhere until its host starts.
        GlobalConfiguration.Configuration.UseLogProvider(new NoLogs());
        SharedQueueSchema.Prepare(database.ConnectionString);
        var config = _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": {{System.Text.Json.JsonSerializer.Serialize(_dir.File("data"))}} },
              "Jobs": { "InboxScanCron": "0 0 1 1 *" },
              "Logging": { "File": "" }
            }
            """);
        var settings = IcpSettings.Load(config);
        var paths = new ServePaths(_dir.File("inbox"), _dir.File("out"), database.ConnectionString, Repo.Path("models"));
        var port = ServeProcess.FreePort();
        await using var app = ServeHost.Build(settings, paths, $"http://127.0.0.1:{port}", new Serilog.LoggerConfiguration().CreateLogger());
        await app.StartAsync();

        // What the other server's worker records when it takes the job: its server id is MACHINE:PID and a GUID.
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var id = jobs.Create(Job.FromExpression<FileJob>(j => j.Process("acme/2026-01.csv", CancellationToken.None)), new TakenByAnotherServer($"other-machine:4242:{Guid.NewGuid()}"));
        var waiting = jobs.Create(Job.FromExpression<FileJob>(j => j.Process("acme/2026-02.csv", CancellationToken.None)), new ScheduledState(TimeSpan.FromHours(1)));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var page = await http.GetStringAsync($"/jobs/{id}");
        var other = await http.GetStringAsync($"/jobs/{waiting}");
        await app.StopAsync();

        Assert.Contains("being processed by the server other-machine:4242; its progress shows on that server", page, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"state\">Processing</strong>", page, StringComparison.Ordinal);
        Assert.Contains("waiting for a worker", other, StringComparison.Ordinal);
        Assert.DoesNotContain("being processed", other, StringComparison.Ordinal);
    }

    // Hangfire's ProcessingState cannot be made outside Hangfire: this is the same state, as its
    // worker stores it (name and data).
    private sealed class TakenByAnotherServer(string serverId) : IState
    {
        public string Name => ProcessingState.StateName;

        public string? Reason => null;

        public bool IsFinal => false;

        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => new()
        {
            ["StartedAt"] = JobHelper.SerializeDateTime(DateTime.UtcNow),
            ["ServerId"] = serverId,
            ["WorkerId"] = Guid.NewGuid().ToString(),
        };
    }

    private sealed class NoLogs : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
