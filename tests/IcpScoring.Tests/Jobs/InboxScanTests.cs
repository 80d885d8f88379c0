using Hangfire;
using Hangfire.InMemory;
using IcpScoring.Cli.Hosting;
using IcpScoring.Cli.Jobs;
using IcpScoring.Ingestion;
using IcpScoring.Storage;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Jobs;

/// <summary>The inbox scan against real Hangfire storage with no server taking the jobs: what it enqueues.</summary>
public sealed class InboxScanTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly InMemoryStorage _storage = new();
    private readonly InboxScanJob _scan;

    public InboxScanTests()
    {
        var settings = IcpSettings.Load(Repo.Path("appsettings.json")) with { Ingestion = new() { CompanyDirectory = Repo.Path("data-samples", "companies.csv") } };
        var paths = new ServePaths(_dir.File("inbox"), _dir.File("out"), _dir.File("icp.db"), Repo.Path("models"));
        var services = new PipelineServices(settings, paths, NullLoggerFactory.Instance);
        _scan = new InboxScanJob(services, new BackgroundJobClient(_storage), _storage, NullLogger<InboxScanJob>.Instance);
    }

    public void Dispose()
    {
        _storage.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void AFileWhoseJobIsAlreadyWaitingIsNotQueuedAgain()
    {
        _dir.Write("inbox/acme/2026-10.csv", Some.Export2023(Some.Row2023()));
        _dir.Write("inbox/acme/2026-11.csv", Some.Export2023(Some.Row2023(first: "Ben")));
        _dir.Write("inbox/labels/prospects.csv", File.ReadAllText(Repo.Path("data-samples", "labeled", "prospects.csv")));

        var first = _scan.Scan(CancellationToken.None);
        var second = _scan.Scan(CancellationToken.None);
        _dir.Write("inbox/globex/2026-11.csv", Some.Export2023(Some.Row2023(first: "Cleo")));
        var third = _scan.Scan(CancellationToken.None);

        Assert.Equal((3, 0, 1), (first, second, third));
        Assert.Equal(4, _storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public void TheSameContentIsQueuedForANewMonthOrAnotherAccountButNotAsACopyOfAFileDone()
    {
        var done = _dir.Write("inbox/acme/2026-09.csv", Some.Export2023(Some.Row2023()));
        using (var store = PipelineStore.Open(_dir.File("icp.db")))
        {
            Assert.Equal(ClaimOutcome.Claimed, store.TryClaim(FileHashes.Sha256(done), "acme/2026-09.csv", "acme", "2026-09", "host-a:1", TimeSpan.FromMinutes(10), out var entry));
            store.Complete(entry.Id, "sample/v1", new FileCounts(1, 1, 0, 0, 0));
        }

        File.Copy(done, _dir.File("inbox/acme/2026-10.csv"));
        File.Copy(done, _dir.File("inbox/acme/copy.csv"));
        Directory.CreateDirectory(_dir.File("inbox/beta"));
        File.Copy(done, _dir.File("inbox/beta/2026-09.csv"));

        var enqueued = _scan.Scan(CancellationToken.None);

        // The quiet month is processed; the other account's copy is refused by its job, which moves it aside.
        Assert.Equal(2, enqueued);
        Assert.Equal(
            ["acme/2026-10.csv", "beta/2026-09.csv"],
            _storage.GetMonitoringApi().EnqueuedJobs("default", 0, 10).Select(j => (string)j.Value.Job.Args[0]).Order(StringComparer.Ordinal));
    }
}
