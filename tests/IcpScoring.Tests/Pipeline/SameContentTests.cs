using System.Text.Json;
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

/// <summary>
/// Byte-identical exports through the main job, on real files, a real SQLite database and the
/// shipped model: the same content for a new month of the same account is that month (an account
/// that added nobody), for another account a likely mix-up, and for the same account and month, or
/// where the name says no month, the file already ingested.
/// </summary>
public sealed class SameContentTests : IDisposable
{
    private static readonly string September = Repo.Path("data-samples", "inbox", "acme-marketing", "2026-09.csv");

    private readonly TempFolder _dir = new();
    private readonly CompanyDirectory _directory = CompanyDirectory.Load(Repo.Path("data-samples", "companies.csv"));

    public void Dispose() => _dir.Dispose();

    private string Inbox => _dir.File("inbox");

    private string Out => _dir.File("out");

    private void Drop(string relativePath, string from)
    {
        var target = Path.Combine(Inbox, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(from, target);
    }

    private RunSummary Run()
    {
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var models = new AccountModels(new ProfileModels(ModelsFolder.Open(Repo.Path("models"), "sample")), new ProfileRouting(new ProfilesOptions()));
        var settings = new PipelineSettings(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), new ReportsOptions(), new DriftOptions());
        return new MainJob(settings, _directory, models, store, NullLoggerFactory.Instance).Run(new RunRequest(Out, Inbox: Inbox));
    }

    [Fact]
    public void AQuietMonthGetsItsReportsAndADriftReportSayingNothingChanged()
    {
        Drop("acme/2026-09.csv", September);
        Drop("acme/2026-10.csv", September);

        var summary = Run();

        Assert.Equal(2, summary.Processed);
        var october = summary.Files.Single(f => f.File == "acme/2026-10.csv");
        Assert.Equal("2026-10", Assert.Single(october.Reports).Month);
        foreach (var file in new[] { "pool.json", "pool.html", "targets.csv", "rejects.csv", "drift.json", "drift.html" })
        {
            Assert.True(File.Exists(Path.Combine(Out, "acme", "2026-10", file)), $"acme/2026-10/{file} missing");
        }

        using var drift = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "acme", "2026-10", "drift.json")));
        Assert.Equal("Identical to 2026-09: same connections, same scores.", drift.RootElement.GetProperty("summary").GetString());
        using var portfolio = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "portfolio.json")));
        var acme = Assert.Single(portfolio.RootElement.GetProperty("accounts").EnumerateArray());
        Assert.Equal(["2026-09", "2026-10"], acme.GetProperty("months").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void AQuietMonthDroppedInALaterRunIsProcessedToo()
    {
        Drop("acme/2026-09.csv", September);
        Run();
        Drop("acme/2026-10.csv", September);

        var summary = Run();

        Assert.Equal(FileRunResult.Processed, summary.Files.Single(f => f.File == "acme/2026-10.csv").Status);
        Assert.Equal(FileRunResult.AlreadyIngested, summary.Files.Single(f => f.File == "acme/2026-09.csv").Status);
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        Assert.Equal(["2026-09", "2026-10"], store.Snapshots("acme").Select(s => s.Month));
    }

    [Fact]
    public void TheSameExportForAnotherAccountIsRefusedNamingTheOtherAccountsFile()
    {
        Drop("acme/2026-09.csv", September);
        Drop("beta/2026-09.csv", September);

        var summary = Run();

        var beta = summary.Files.Single(f => f.File == "beta/2026-09.csv");
        Assert.Equal(FileRunResult.Failed, beta.Status);
        const string Reason = "same content as acme/2026-09.csv of account acme: probably uploaded to the wrong account";
        Assert.Equal(Reason + " (moved to failed/beta/2026-09.csv)", beta.Detail);
        Assert.Equal(Reason + "\n", File.ReadAllText(Path.Combine(Inbox, "failed", "beta", "2026-09.csv.reason.txt")));
        Assert.False(File.Exists(Path.Combine(Inbox, "beta", "2026-09.csv")));
        Assert.False(Directory.Exists(Path.Combine(Out, "beta")));
        using var portfolio = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "portfolio.json")));
        Assert.Contains(portfolio.RootElement.GetProperty("failed").EnumerateArray(), f => f.ToString().Contains("beta/2026-09.csv", StringComparison.Ordinal) && f.ToString().Contains("probably uploaded to the wrong account", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameExportForTheSameAccountAndMonthUnderAnotherNameIsAlreadyIngested()
    {
        Drop("acme/2026-09.csv", September);
        Run();
        Drop("acme/2026-09/Connections.csv", September);

        var copy = Run().Files.Single(f => f.File == "acme/2026-09/Connections.csv");

        Assert.Equal(FileRunResult.AlreadyIngested, copy.Status);
        Assert.Equal("same content as acme/2026-09.csv", copy.Detail);
    }

    [Fact]
    public void AnAgencyFileAtTheInboxTopIsAlreadyIngestedUnderAnyName()
    {
        Drop("agency.csv", Repo.Path("data-samples", "exports", "agency-enriched.csv"));
        Run();
        Drop("agency-again.csv", Repo.Path("data-samples", "exports", "agency-enriched.csv"));

        var copy = Run().Files.Single(f => f.File == "agency-again.csv");

        Assert.Equal((FileRunResult.AlreadyIngested, "same content as agency.csv"), (copy.Status, copy.Detail));
    }

    [Fact]
    public void AFileNamedAMonthThatDoesNotExistAndThenRenamedIsProcessedAndNoLongerListedAsFailed()
    {
        Drop("acme/2026-13.csv", September);
        Assert.Equal(FileRunResult.Failed, Assert.Single(Run().Files).Status);
        Drop("acme/2026-12.csv", Path.Combine(Inbox, "failed", "acme", "2026-13.csv"));

        var renamed = Run().Files.Single(f => f.File == "acme/2026-12.csv");

        Assert.Equal(FileRunResult.Processed, renamed.Status);
        using var portfolio = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "portfolio.json")));
        Assert.Empty(portfolio.RootElement.GetProperty("failed").EnumerateArray());
    }
}
