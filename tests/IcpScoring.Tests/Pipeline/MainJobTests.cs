using IcpScoring.Drift;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Pipeline;

/// <summary>The main job on real files, a real SQLite database and the shipped model.</summary>
public sealed class MainJobTests : IDisposable
{
    private static readonly string[] AccountMonths =
    [
        "acme-marketing/2026-09", "acme-marketing/2026-10", "acme-marketing/2026-11",
        "northwind-sales/2026-09", "northwind-sales/2026-10", "northwind-sales/2026-11",
    ];

    private readonly TempFolder _dir = new();
    private readonly IcpModel _model = IcpModel.Load(new ModelRegistry(Repo.Path("models", "sample")).Champion()!, "sample");
    private readonly CompanyDirectory _directory = CompanyDirectory.Load(Repo.Path("data-samples", "companies.csv"));

    public MainJobTests() => CopyFolder(Repo.Path("data-samples", "inbox"), Inbox);

    private string Inbox => _dir.File("inbox");

    private string Out => _dir.File("out");

    public void Dispose() => _dir.Dispose();

    private RunSummary Run(RunRequest? request = null, PipelineSettings? settings = null)
    {
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        // The shipped models folder, as icp run reads it: the sample profile's criteria and champion.
        var models = new AccountModels(new ProfileModels(ModelsFolder.Open(Repo.Path("models"), "sample")), new ProfileRouting(new ProfilesOptions()));
        var job = new MainJob(settings ?? Settings(), _directory, models, store, NullLoggerFactory.Instance);
        return job.Run(request ?? new RunRequest(Out, Inbox: Inbox));
    }

    private static PipelineSettings Settings(ReportsOptions? reports = null) =>
        new(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), reports ?? new ReportsOptions(), new DriftOptions());

    [Fact]
    public void SampleInboxGetsEveryReportForEveryAccountAndMonth()
    {
        var summary = Run();

        Assert.Equal(6, summary.Processed);
        Assert.Equal(0, summary.Failed);
        foreach (var am in AccountMonths)
        {
            foreach (var file in new[] { "pool.json", "pool.html", "targets.csv", "new-targets.csv", "companies.csv", "rejects.csv" })
            {
                Assert.True(File.Exists(Path.Combine(Out, am, file)), $"{am}/{file} missing");
            }
        }

        Assert.True(File.Exists(Path.Combine(Out, "index.html")));
        Assert.True(File.Exists(Path.Combine(Out, "portfolio.json")));
    }

    [Fact]
    public void SampleReportsEqualTheirApprovedCopies()
    {
        Run();

        foreach (var am in AccountMonths)
        {
            Approvals.Verify(Path.Combine(Out, am, "pool.json"), $"Pipeline/Approved/{am}/pool.json");
            Approvals.Verify(Path.Combine(Out, am, "targets.csv"), $"Pipeline/Approved/{am}/targets.csv");
            Approvals.Verify(Path.Combine(Out, am, "new-targets.csv"), $"Pipeline/Approved/{am}/new-targets.csv");
            Approvals.Verify(Path.Combine(Out, am, "companies.csv"), $"Pipeline/Approved/{am}/companies.csv");
        }

        Approvals.Verify(Path.Combine(Out, "acme-marketing/2026-11/pool.html"), "Pipeline/Approved/acme-marketing/2026-11/pool.html");
        foreach (var am in AccountMonths)
        {
            Approvals.Verify(Path.Combine(Out, am, "drift.json"), $"Pipeline/Approved/{am}/drift.json");
        }

        Approvals.Verify(Path.Combine(Out, "acme-marketing/2026-11/drift.html"), "Pipeline/Approved/acme-marketing/2026-11/drift.html");
        Approvals.Verify(Path.Combine(Out, "portfolio.json"), "Pipeline/Approved/portfolio.json");
        Approvals.Verify(Path.Combine(Out, "index.html"), "Pipeline/Approved/index.html");
    }

    [Fact]
    public void RunningTwiceSkipsEverythingAndChangesNoOutput()
    {
        Run();
        var first = Snapshot(Out);

        var second = Run();

        Assert.Equal(0, second.Processed);
        Assert.Equal(6, second.Skipped);
        Assert.All(second.Files, f => Assert.Equal(FileRunResult.AlreadyIngested, f.Status));
        Assert.Equal(first, Snapshot(Out));
    }

    [Fact]
    public void DriftReportsARunDidNotWriteAreWrittenByTheNextRunEvenWithNothingNew()
    {
        // The first run stops after committing every snapshot, as a run killed before its drift reports would.
        Run(new RunRequest(Out, Inbox: Inbox) { RefreshReports = false });
        Assert.Empty(Directory.EnumerateFiles(Out, "drift.json", SearchOption.AllDirectories));
        using (var store = PipelineStore.Open(_dir.File("icp.db")))
        {
            Assert.Equal(["acme-marketing", "northwind-sales"], store.DriftPending().Keys.Order(StringComparer.Ordinal));
        }

        var second = Run();

        Assert.Equal(0, second.Processed);
        foreach (var am in AccountMonths)
        {
            Assert.True(File.Exists(Path.Combine(Out, am, "drift.json")), $"{am}/drift.json missing");
            Assert.True(File.Exists(Path.Combine(Out, am, "drift.html")), $"{am}/drift.html missing");
        }

        using (var store = PipelineStore.Open(_dir.File("icp.db")))
        {
            Assert.Empty(store.DriftPending());
        }
    }

    [Fact]
    public void PendingReportsAreLeftToWhoeverIsMakingReportsAndMadeOnceNobodyIs()
    {
        Run(new RunRequest(Out, Inbox: Inbox) { RefreshReports = false });
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var job = new MainJob(Settings(), _directory, _model, store, NullLoggerFactory.Instance);

        bool whileHeld;
        using (store.TryHoldReports())
        {
            whileHeld = job.RefreshPending(Out, CancellationToken.None);
        }

        var pendingAfterHeld = store.DriftPending().Count;
        var once = job.RefreshPending(Out, CancellationToken.None);
        var again = job.RefreshPending(Out, CancellationToken.None);

        Assert.False(whileHeld);
        Assert.Equal(2, pendingAfterHeld);
        Assert.True(once);
        Assert.False(again);
        Assert.Empty(store.DriftPending());
        Assert.All(AccountMonths, am => Assert.True(File.Exists(Path.Combine(Out, am, "drift.json")), $"{am}/drift.json missing"));
        Assert.True(File.Exists(Path.Combine(Out, "index.html")));
    }

    [Fact]
    public void ARefreshCutShortBeforeThePortfolioLeavesItsAccountsPendingForTheNext()
    {
        Run(new RunRequest(Out, Inbox: Inbox) { RefreshReports = false });
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var job = new MainJob(Settings(), _directory, _model, store, NullLoggerFactory.Instance);
        Directory.CreateDirectory(Path.Combine(Out, "index.html", "in-the-way"));

        var error = Record.Exception(() => job.RefreshPending(Out, CancellationToken.None));
        var pendingAfterFailure = store.DriftPending().Count;
        Directory.Delete(Path.Combine(Out, "index.html"), recursive: true);
        var retried = job.RefreshPending(Out, CancellationToken.None);

        Assert.NotNull(error);
        Assert.Equal(2, pendingAfterFailure);
        Assert.True(retried);
        Assert.Empty(store.DriftPending());
        Assert.True(File.Exists(Path.Combine(Out, "index.html")));
    }

    [Fact]
    public void TheSameFileUnderAnotherNameIsRecognised()
    {
        Run();
        File.Copy(Path.Combine(Inbox, "acme-marketing", "2026-11.csv"), Path.Combine(Inbox, "acme-marketing", "copy-of-november.csv"));

        var summary = Run();

        var copy = summary.Files.Single(f => f.File == "acme-marketing/copy-of-november.csv");
        Assert.Equal(FileRunResult.AlreadyIngested, copy.Status);
        Assert.Contains("acme-marketing/2026-11.csv", copy.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewFileForAMonthThatHasOneReplacesItsSnapshotAndSaysSo()
    {
        Run();
        var path = Path.Combine(Inbox, "northwind-sales", "2026-11", "Connections.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Some.Export2023(Some.Row2023(), Some.Row2023(first: "Bo", url: "https://www.linkedin.com/in/bo", position: "VP Marketing")));

        var summary = Run();

        var file = summary.Files.Single(f => f.Status == FileRunResult.Processed);
        Assert.True(file.Reports.Single().ReplacedSnapshot);
        Assert.Contains("replaced the earlier export of northwind-sales 2026-11", file.Detail, StringComparison.Ordinal);
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        Assert.Equal(2, store.Snapshot("northwind-sales", "2026-11")!.Connections);
    }

    [Fact]
    public void ABrokenFileIsSetAsideWithItsReasonAndTheOthersStillProcess()
    {
        File.WriteAllText(Path.Combine(Inbox, "acme-marketing", "2026-12.csv"), "Notes:\n\"When exporting your connection data...\"\n\n");

        var summary = Run();

        Assert.Equal(6, summary.Processed);
        var failed = summary.Files.Single(f => f.Status == FileRunResult.Failed);
        Assert.Contains("Notes: preamble", failed.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Inbox, "acme-marketing", "2026-12.csv")));
        Assert.True(File.Exists(Path.Combine(Inbox, "failed", "acme-marketing", "2026-12.csv")));
        Assert.Contains("Notes: preamble", File.ReadAllText(Path.Combine(Inbox, "failed", "acme-marketing", "2026-12.csv.reason.txt")), StringComparison.Ordinal);
        Assert.Contains("2026-12.csv", File.ReadAllText(Path.Combine(Out, "portfolio.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAccountColumnSplitsAnAgencyFileIntoReportsPerAccount()
    {
        var inbox = _dir.File("agency-inbox");
        Directory.CreateDirectory(inbox);
        File.Copy(Repo.Path("data-samples", "exports", "agency-enriched.csv"), Path.Combine(inbox, "agency.csv"));

        var summary = Run(new RunRequest(Out, Inbox: inbox));

        var reports = summary.Files.Single().Reports;
        Assert.True(reports.Count >= 2);
        Assert.All(reports, r => Assert.Equal("data", r.MonthSource));
        Assert.All(reports, r => Assert.True(File.Exists(Path.Combine(r.OutputFolder, "pool.json"))));
    }

    [Fact]
    public void EmailsAppearInTargetsOnlyWhenConfigured()
    {
        var inbox = _dir.File("emails");
        Directory.CreateDirectory(Path.Combine(inbox, "acme"));
        File.WriteAllText(Path.Combine(inbox, "acme", "2026-11.csv"),
            Some.Header2023 + ",Industry,Company Size\n" + Some.Row2023(first: "Ana", url: "https://www.linkedin.com/in/ana", email: "ana@example.com", position: "Head of Demand Generation") + ",Software Development,51-200\n");
        var withoutEmails = _dir.File("out-a");
        var withEmails = _dir.File("out-b");

        Run(new RunRequest(withoutEmails, Inbox: inbox), Settings(new ReportsOptions { IncludeEmails = false }));
        File.Delete(_dir.File("icp.db"));
        Run(new RunRequest(withEmails, Inbox: inbox), Settings(new ReportsOptions { IncludeEmails = true }));

        Assert.DoesNotContain("ana@example.com", File.ReadAllText(Path.Combine(withoutEmails, "acme", "2026-11", "targets.csv")), StringComparison.Ordinal);
        Assert.Contains("ana@example.com", File.ReadAllText(Path.Combine(withEmails, "acme", "2026-11", "targets.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void IdenticalInputsAreScoredOnce()
    {
        var inbox = _dir.File("same");
        Directory.CreateDirectory(Path.Combine(inbox, "acme"));
        File.WriteAllText(Path.Combine(inbox, "acme", "2026-11.csv"), Some.Export2023(
            Some.Row2023(first: "A", url: "https://www.linkedin.com/in/a", position: "VP Marketing"),
            Some.Row2023(first: "B", url: "https://www.linkedin.com/in/b", position: "VP Marketing"),
            Some.Row2023(first: "C", url: "https://www.linkedin.com/in/c", position: "VP Marketing | Speaker"),
            Some.Row2023(first: "D", url: "https://www.linkedin.com/in/d", position: "Nurse")));
        var loggers = new CollectingLoggerFactory();
        using var store = PipelineStore.Open(_dir.File("icp.db"));

        new MainJob(Settings(), _directory, _model, store, loggers).Run(new RunRequest(Out, Inbox: inbox));

        Assert.Contains(loggers.Messages, m => m.Contains("4 connections, 2 distinct inputs", StringComparison.Ordinal));
    }

    [Fact]
    public void ProgressIsReportedPerFile()
    {
        var seen = new List<FileProgress>();
        using var store = PipelineStore.Open(_dir.File("icp.db"));

        new MainJob(Settings(), _directory, _model, store, NullLoggerFactory.Instance).Run(new RunRequest(Out, Inbox: Inbox), new SynchronousProgress(seen.Add));

        Assert.Equal(6, seen.Where(p => p.Stage == "writing").Select(p => p.File).Distinct().Count());
        Assert.All(seen.Where(p => p.Stage == "writing"), p => Assert.Equal(p.TotalRows, p.Rows));
    }

    private sealed class SynchronousProgress(Action<FileProgress> report) : IProgress<FileProgress>
    {
        public void Report(FileProgress value) => report(value);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    internal static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>
    /// Whether a folder written by running servers holds exactly <paramref name="expected"/> now; a
    /// report being renamed into place, or a folder not there yet, is "not yet".
    /// </summary>
    internal static bool SettledEqual(SortedDictionary<string, string> expected, string folder, Func<string, bool>? ignore = null)
    {
        try
        {
            return Directory.Exists(folder) && expected.SequenceEqual(Snapshot(folder).Where(kv => ignore?.Invoke(kv.Key) != true));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
