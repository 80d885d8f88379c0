using Hangfire;
using Hangfire.PostgreSql;
using IcpScoring.Cli.Jobs;
using IcpScoring.Cli.Web;
using IcpScoring.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace IcpScoring.Cli.Hosting;

/// <summary>
/// <c>icp serve</c>: a web host with a Hangfire server, the dashboard at <c>/hangfire</c>, and the
/// schedule from <c>Jobs</c>. Every request, to any path, passes <see cref="DashboardAccess"/>
/// first. Jobs wait in memory, or, on a PostgreSQL database, in Hangfire's PostgreSQL storage,
/// which every server on that database shares. Durable state is the pipeline's own database: at
/// start an inbox scan re-discovers every export the ledger does not show as done.
/// </summary>
internal static class ServeHost
{
    /// <summary>The host, listening on <paramref name="urls"/> as <see cref="CheckedUrls"/> returned them.</summary>
    public static WebApplication Build(IcpSettings settings, ServePaths paths, string urls, Serilog.Core.Logger serilog, bool workerOnly = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(serilog);
        // The host logs a failed start with its stack trace, then throws: the command reports it
        // (one line for an address in use, logged with the trace otherwise), so it is not said twice.
        builder.Logging.AddFilter<Serilog.Extensions.Logging.SerilogLoggerProvider>("Microsoft.Extensions.Hosting.Internal.Host", level => level != LogLevel.Error);
        // The keys that sign the pages' antiforgery tokens live with the pipeline's data, so a form
        // opened before a restart still posts after it. They are not encrypted at rest (there is no
        // key store on Linux to encrypt them with), which ASP.NET warns about at every new key: that
        // warning says nothing a user can act on, and on standard error it broke one-line messages.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.SpillFolder ?? settings.Paths.DataDir, "keys")));
        builder.Logging.AddFilter<Serilog.Extensions.Logging.SerilogLoggerProvider>("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.UseUrls(urls);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(paths);
        builder.Services.AddSingleton<PipelineServices>();
        builder.Services.AddTransient<InboxScanJob>();
        builder.Services.AddTransient<FileJob>();
        builder.Services.AddTransient<RefreshJob>();
        builder.Services.AddTransient<RetrainJob>();
        WebEndpoints.AddWeb(builder.Services, settings.Web);
        var sharedQueue = SharedQueue(settings.Jobs, paths.Database);
        builder.Services.AddHangfire(c =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new JobLogContext());
            if (sharedQueue)
            {
                c.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(paths.Database),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = SharedQueueSchema.Schema,
                        // Prepared by ServeCommand, one server at a time.
                        PrepareSchemaIfNecessary = false,
                        // A job stays with the server that took it for as long as that server lives,
                        // however long the job runs; a dead server's job is taken by another after the timeout.
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = TimeSpan.FromSeconds(settings.Jobs.InvisibilityTimeoutSeconds),
                        QueuePollInterval = TimeSpan.FromSeconds(settings.Jobs.QueuePollSeconds),
                        // Hangfire.PostgreSql's default (10 min) stalls every server for that long when
                        // the database restarts during a job's state change (measured: all six workers of
                        // three servers stuck on their jobs' state locks).
                        DistributedLockTimeout = TimeSpan.FromSeconds(settings.Jobs.LockTimeoutSeconds),
                    });
            }
            else
            {
                c.UseInMemoryStorage();
            }
        });
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = settings.Jobs.WorkerCount;
            o.Queues = settings.Jobs.ServerQueues;
            o.ServerName = Claimant.Current;
            o.ShutdownTimeout = TimeSpan.FromSeconds(20);
        });

        var app = builder.Build();
        var access = new DashboardAccess(settings.Jobs.Dashboard);
        app.Use(access.Guard);
        app.MapGet("/healthz", () => Results.Text("ok"));
        if (!workerOnly)
        {
            app.UseHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [access],
                IsReadOnlyFunc = _ => !settings.Jobs.Dashboard.Writable,
                DisplayStorageConnectionString = false,
                DashboardTitle = "IcpScoring jobs",
                AppPath = null,
            });
            WebEndpoints.MapWeb(app, paths);
        }

        JobsOptions.TryTimeZone(settings.Jobs.TimeZone, out var zone);
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<InboxScanJob>("inbox-scan", j => j.Scan(CancellationToken.None), settings.Jobs.InboxScanCron, new RecurringJobOptions { TimeZone = zone });
        recurring.AddOrUpdate<RefreshJob>("drift-and-portfolio", j => j.Refresh(null, CancellationToken.None), settings.Jobs.DriftRefreshCron, new RecurringJobOptions { TimeZone = zone });
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<InboxScanJob>(j => j.Scan(CancellationToken.None)));
        return app;
    }

    /// <summary>
    /// The endpoint(s), <c>;</c>-separated, each an absolute http:// or https:// address; anything else
    /// is refused naming where it came from, before anything starts.
    /// </summary>
    public static string CheckedUrls(string urls)
    {
        var parts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bad = parts.Length == 0 ? urls : parts.FirstOrDefault(u =>
            !Uri.TryCreate(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0);
        return bad is null
            ? string.Join(';', parts)
            : throw new ConfigurationProblemException($"--urls (or Jobs:Urls) '{bad}' is not a web address to listen on: give one like http://127.0.0.1:5080");
    }

    /// <summary>Whether starting failed because the endpoint's port is taken (by another <c>icp serve</c>, say).</summary>
    public static bool AddressInUse(Exception e) =>
        e is Microsoft.AspNetCore.Connections.AddressInUseException || (e is IOException && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException);

    /// <summary>Whether Hangfire's queue is the PostgreSQL database's (shared) rather than this process's memory.</summary>
    public static bool SharedQueue(JobsOptions jobs, string database)
    {
        var postgres = PostgresDialect.IsConnectionString(database);
        return jobs.Storage switch
        {
            QueueStorage.PostgreSql when !postgres => throw new ConfigurationProblemException(
                "Jobs:Storage is PostgreSql, but the pipeline's database is a SQLite file; give --db (or Paths:Database) a PostgreSQL connection string"),
            QueueStorage.PostgreSql => true,
            QueueStorage.InMemory => false,
            _ => postgres,
        };
    }
}
