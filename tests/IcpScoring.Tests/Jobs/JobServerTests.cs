using Hangfire;
using Hangfire.InMemory;
using IcpScoring.Cli.Hosting;
using IcpScoring.Cli.Jobs;
using IcpScoring.Storage;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Jobs;

/// <summary>A real Hangfire BackgroundJobServer over in-memory storage, running the real jobs on real files.</summary>
[Trait("Category", "Slow")]
public sealed class JobServerTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly InMemoryStorage _storage = new();
    private readonly ServiceProvider _services;
    private readonly BackgroundJobServer _server;
    private readonly BackgroundJobClient _client;

    public JobServerTests()
    {
        var settings = IcpSettings.Load(Repo.Path("appsettings.json")) with { Ingestion = new() { CompanyDirectory = Repo.Path("data-samples", "companies.csv") } };
        var paths = new ServePaths(_dir.File("inbox"), _dir.File("out"), _dir.File("icp.db"), Repo.Path("models"));
        Directory.CreateDirectory(paths.Inbox);
        _client = new BackgroundJobClient(_storage);
        _services = new ServiceCollection()
            .AddSingleton(settings)
            .AddSingleton(paths)
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<IBackgroundJobClient>(_client)
            .AddSingleton<JobStorage>(_storage)
            .AddSingleton<PipelineServices>()
            .AddTransient<InboxScanJob>()
            .AddTransient<FileJob>()
            .AddTransient<RefreshJob>()
            .AddTransient<RetrainJob>()
            .BuildServiceProvider();
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 2, Queues = settings.Jobs.ServerQueues, Activator = new ServiceJobActivator(_services), SchedulePollingInterval = TimeSpan.FromMilliseconds(200) },
            _storage);
    }

    public void Dispose()
    {
        _server.SendStop();
        _server.Dispose();
        _services.Dispose();
        _storage.Dispose();
        _dir.Dispose();
    }

    private void Drop(string relative, string source) =>
        File.Copy(source, Path.Combine(_dir.File("inbox"), relative.Replace('/', Path.DirectorySeparatorChar)).Also(p => Directory.CreateDirectory(Path.GetDirectoryName(p)!)));

    private void Scan() => _client.Enqueue<InboxScanJob>(j => j.Scan(CancellationToken.None));

    private IReadOnlyList<LedgerEntry> WaitForLedger(Func<IReadOnlyList<LedgerEntry>, bool> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (File.Exists(_dir.File("icp.db")))
            {
                using var store = PipelineStore.Open(_dir.File("icp.db"));
                var ledger = store.Ledger();
                if (done(ledger))
                {
                    return ledger;
                }
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"waited 90 s for {what}");
    }

    private void WaitFor(string file)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(file) && DateTime.UtcNow < until)
        {
            Thread.Sleep(100);
        }

        Assert.True(File.Exists(file), $"{file} did not appear");
    }

    [Fact]
    public void AMonthWaitsWhileAnEarlierMonthOfItsAccountIsStillToBeProcessed()
    {
        Drop("acme/2026-10.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-10.csv"));
        Drop("acme/2026-11.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));
        var storage = new InMemoryStorage();
        var client = new BackgroundJobClient(storage);
        var services = _services.GetRequiredService<PipelineServices>();
        FileJob Job() => new(services, client, storage, NullLogger<FileJob>.Instance);

        // October's job met a passing fault and waits for its retry, as after a database restart.
        client.Schedule<FileJob>(j => j.Process("acme/2026-10.csv", CancellationToken.None), TimeSpan.FromHours(1));
        var november = Job().Process("acme/2026-11.csv", CancellationToken.None);

        Assert.StartsWith("waits for acme/2026-10.csv", november, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out/acme/2026-11")), "November was processed before October");
        Assert.Contains(storage.GetMonitoringApi().ScheduledJobs(0, 10), j => j.Value.Job.Args[0] as string == "acme/2026-11.csv");

        Assert.StartsWith("processed", Job().Process("acme/2026-10.csv", CancellationToken.None), StringComparison.Ordinal);
        Assert.StartsWith("processed", Job().Process("acme/2026-11.csv", CancellationToken.None), StringComparison.Ordinal);
        using var pool = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_dir.File("out/acme/2026-11/pool.json")));
        Assert.Contains("2026-10", pool.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMonthWaitsForAnEarlierMonthHeldByAWorkerThatDiedAndWhoseJobIsGone()
    {
        Drop("acme/2026-10.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-10.csv"));
        Drop("acme/2026-11.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));
        using (var store = PipelineStore.Open(_dir.File("icp.db")))
        {
            // A worker on another machine claimed October and died; the job that found it busy has
            // ended. The claim goes stale and the next inbox scan queues October again.
            store.TryClaim(IcpScoring.Ingestion.FileHashes.Sha256(_dir.File("inbox/acme/2026-10.csv")), "acme/2026-10.csv", "acme", "2026-10", "vm~elsewhere:1", TimeSpan.FromMinutes(30), out _);
        }

        var storage = new InMemoryStorage();
        var november = new FileJob(_services.GetRequiredService<PipelineServices>(), new BackgroundJobClient(storage), storage, NullLogger<FileJob>.Instance).Process("acme/2026-11.csv", CancellationToken.None);

        Assert.StartsWith("waits for acme/2026-10.csv", november, StringComparison.Ordinal);
    }

    [Fact]
    public void AMonthDoesNotWaitForAnEarlierMonthThatFailedAndThatNobodyRetries()
    {
        Drop("acme/2026-10.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-10.csv"));
        Drop("acme/2026-11.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));
        using (var store = PipelineStore.Open(_dir.File("icp.db")))
        {
            // October cannot be scored until its profile is fixed: failed in the ledger, left in the inbox.
            store.TryClaim(IcpScoring.Ingestion.FileHashes.Sha256(_dir.File("inbox/acme/2026-10.csv")), "acme/2026-10.csv", "acme", "2026-10", "elsewhere", TimeSpan.FromMinutes(30), out var october);
            store.GiveBack(october.Id, "elsewhere", "not scored: the profile has no model yet");
        }

        var storage = new InMemoryStorage();
        var november = new FileJob(_services.GetRequiredService<PipelineServices>(), new BackgroundJobClient(storage), storage, NullLogger<FileJob>.Instance).Process("acme/2026-11.csv", CancellationToken.None);

        Assert.StartsWith("processed", november, StringComparison.Ordinal);
    }

    [Fact]
    public void ADroppedFileIsProcessedEndToEndAndTheReportsAppear()
    {
        Drop("acme/2026-10.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-10.csv"));
        Drop("acme/2026-11.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));

        Scan();

        WaitForLedger(l => l.Count == 2 && l.All(e => e.Status == FileStatus.Done), "two files done");
        foreach (var file in new[] { "pool.json", "pool.html", "targets.csv", "rejects.csv" })
        {
            Assert.True(File.Exists(_dir.File($"out/acme/2026-11/{file}")), file);
        }

        WaitFor(_dir.File("out/acme/2026-11/drift.json"));
        WaitFor(_dir.File("out/index.html"));
    }

    [Fact]
    public void AFileJobScoresItsAccountAgainstTheProfileTheSettingsName()
    {
        var models = _dir.File("models");
        foreach (var file in Directory.GetFiles(Repo.Path("models", "sample"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(models, "sample", Path.GetRelativePath(Repo.Path("models", "sample"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        _dir.Write("models/finance-leaders/profile.json", Profiles.KnownIcpPopulation.Profile);
        var paths = _services.GetRequiredService<ServePaths>() with { ModelsDir = models };
        var settings = _services.GetRequiredService<IcpSettings>() with
        {
            Profiles = new() { Accounts = new(StringComparer.Ordinal) { ["bank"] = "finance-leaders" } },
        };
        var services = new PipelineServices(settings, paths, NullLoggerFactory.Instance);
        _dir.Write("inbox/bank/2026-11.csv", Profiles.KnownIcpPopulation.Csv(Profiles.KnownIcpPopulation.People(1200, seed: 12)));
        Drop("acme/2026-11.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));

        var bank = new FileJob(services, new BackgroundJobClient(new InMemoryStorage()), new InMemoryStorage(), NullLogger<FileJob>.Instance).Process("bank/2026-11.csv", CancellationToken.None);
        var acme = new FileJob(services, new BackgroundJobClient(new InMemoryStorage()), new InMemoryStorage(), NullLogger<FileJob>.Instance).Process("acme/2026-11.csv", CancellationToken.None);

        Assert.StartsWith("processed", bank, StringComparison.Ordinal);
        Assert.StartsWith("processed", acme, StringComparison.Ordinal);
        using var bankPool = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_dir.File("out/bank/2026-11/pool.json")));
        using var acmePool = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_dir.File("out/acme/2026-11/pool.json")));
        Assert.Equal("finance-leaders", bankPool.RootElement.GetProperty("profile").GetString());
        Assert.StartsWith("from criteria", bankPool.RootElement.GetProperty("modelOrigin").GetString(), StringComparison.Ordinal);
        Assert.Equal("sample", acmePool.RootElement.GetProperty("profile").GetString());
        Assert.Equal("v1", new IcpScoring.Model.ModelRegistry(Path.Combine(models, "finance-leaders")).ChampionVersion);
    }

    [Fact]
    public void TheSameFileDroppedTwiceIsProcessedOnce()
    {
        Drop("acme/2026-11.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));
        Scan();
        WaitForLedger(l => l.Count == 1 && l[0].Status == FileStatus.Done, "the first file done");
        Drop("acme/november-again.csv", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));

        Scan();
        Scan();
        Thread.Sleep(2_000);

        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var entry = Assert.Single(store.Ledger());
        Assert.Equal("acme/2026-11.csv", entry.Path);
        Assert.Single(store.Snapshots("acme"));
    }

    [Fact]
    public void AFileThatCanNeverSucceedEndsInTheFailedFolderInsteadOfRetrying()
    {
        _dir.Write("inbox/acme/2026-11.csv", "Notes:\n\"When exporting your connection data...\"\n\n");

        Scan();

        var ledger = WaitForLedger(l => l.Count == 1 && l[0].Status == FileStatus.Failed, "the file failed");
        Assert.Contains("Notes: preamble", ledger[0].Error, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("inbox/failed/acme/2026-11.csv.reason.txt")));
        Assert.False(File.Exists(_dir.File("inbox/acme/2026-11.csv")));
    }

    [Fact]
    public void LabeledProspectsInTheLabelsFolderTrainAChallenger()
    {
        var models = _dir.File("models");
        var paths = _services.GetRequiredService<ServePaths>();
        var settings = _services.GetRequiredService<IcpSettings>() with { Model = new() { Folds = 3 } };
        var services = new PipelineServices(settings, paths with { ModelsDir = models }, NullLoggerFactory.Instance);
        _dir.Write("inbox/labels/prospects.csv", Labeled.Csv(400, seed: 4));

        var result = new RetrainJob(services, NullLogger<RetrainJob>.Instance).Train("labels/prospects.csv", CancellationToken.None);

        Assert.StartsWith("profile sample, v1: promoted", result.Summary, StringComparison.Ordinal);
        Assert.True(result.Promoted);
        Assert.NotNull(result.Challenger);
        Assert.Equal("v1", new IcpScoring.Model.ModelRegistry(Path.Combine(models, "sample")).ChampionVersion);
    }

    [Fact]
    public void LabeledProspectsInAProfilesLabelsFolderTrainThatProfile()
    {
        var models = _dir.File("models");
        _dir.Write("models/finance-leaders/profile.json", Profiles.KnownIcpPopulation.Profile);
        var paths = _services.GetRequiredService<ServePaths>();
        var settings = _services.GetRequiredService<IcpSettings>() with { Model = new() { Folds = 3 } };
        var services = new PipelineServices(settings, paths with { ModelsDir = models }, NullLoggerFactory.Instance);
        _dir.Write("inbox/labels/finance-leaders/prospects.csv", Labeled.Csv(400, seed: 4));

        // A storage no server takes from: the scan's job is looked at, not run.
        using var idle = new InMemoryStorage();
        var scanned = new InboxScanJob(services, new BackgroundJobClient(idle), idle, NullLogger<InboxScanJob>.Instance).Scan(CancellationToken.None);
        var result = new RetrainJob(services, NullLogger<RetrainJob>.Instance).Train("labels/finance-leaders/prospects.csv", CancellationToken.None);

        Assert.Equal(1, scanned);
        Assert.Equal("labels/finance-leaders/prospects.csv", idle.GetMonitoringApi().EnqueuedJobs("default", 0, 10).Single().Value.Job.Args[0]);
        Assert.Equal("finance-leaders", result.Profile);
        Assert.Equal("v1", new IcpScoring.Model.ModelRegistry(Path.Combine(models, "finance-leaders")).ChampionVersion);
        Assert.False(Directory.Exists(Path.Combine(models, "sample")));
        using var store = services.OpenStore();
        var labels = store.Labels.List("finance-leaders");
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.Equal((LabelSource.File, "local"), (l.Source, l.By)));
    }

    [Fact]
    public void EveryLogLineOfAFileJobCarriesTheJobAndTheFileAndNoPersonalData()
    {
        var sink = new CollectingSink();
        using var serilog = new Serilog.LoggerConfiguration().MinimumLevel.Debug().Enrich.FromLogContext().WriteTo.Sink(sink).CreateLogger();
        using var loggers = new Serilog.Extensions.Logging.SerilogLoggerFactory(serilog);
        var services = new PipelineServices(_services.GetRequiredService<IcpSettings>(), _services.GetRequiredService<ServePaths>(), loggers);
        var job = new FileJob(services, _client, _storage, Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<FileJob>(loggers));
        var source = Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv");
        Drop("acme/2026-11.csv", source);
        // What JobLogContext does around every job on the server.
        using (Serilog.Context.LogContext.PushProperty("JobId", "42"))
        {
            job.Process("acme/2026-11.csv", CancellationToken.None);
        }

        Assert.NotEmpty(sink.Events);
        Assert.All(sink.Events, e =>
        {
            Assert.Equal("\"42\"", e.Properties["JobId"].ToString());
            Assert.Equal("\"acme/2026-11.csv\"", e.Properties["File"].ToString());
        });
        var names = File.ReadLines(source).Skip(4).Select(l => l.Split(',')).Where(f => f.Length > 3 && f[0].Length > 2 && f[1].Length > 2).Select(f => $"{f[0]} {f[1]}").Take(200).ToList();
        var text = string.Join("\n", sink.Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(names, n => Assert.DoesNotContain(n, text, StringComparison.Ordinal));
        Assert.DoesNotContain("@example.", text, StringComparison.Ordinal);
    }

    private sealed class CollectingSink : Serilog.Core.ILogEventSink
    {
        private readonly List<Serilog.Events.LogEvent> _events = [];

        public IReadOnlyList<Serilog.Events.LogEvent> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public void Emit(Serilog.Events.LogEvent logEvent)
        {
            lock (_events)
            {
                _events.Add(logEvent);
            }
        }
    }

    private sealed class ServiceJobActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => services.GetRequiredService(jobType);
    }
}

internal static class FluentExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
