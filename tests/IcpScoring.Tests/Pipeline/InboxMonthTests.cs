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
/// The month an inbox file's name says, through the main job on real files, a real SQLite database
/// and the shipped model: a month spelt another way is read and said so, a name that looks like a
/// month but is not one fails, and a month taken from the data is said so.
/// </summary>
public sealed class InboxMonthTests : IDisposable
{
    // Its newest Connected On is in June 2022, far from any month the names below say.
    private static readonly string Export2022 = Repo.Path("data-samples", "exports", "connections-2022.csv");

    private readonly TempFolder _dir = new();
    private readonly CompanyDirectory _directory = CompanyDirectory.Load(Repo.Path("data-samples", "companies.csv"));

    public void Dispose() => _dir.Dispose();

    private string Inbox => _dir.File("inbox");

    private string Out => _dir.File("out");

    private void Drop(string relativePath, string? from = null)
    {
        var target = Path.Combine(Inbox, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(from ?? Export2022, target);
    }

    private RunSummary Run(RunRequest? request = null, Microsoft.Extensions.Logging.ILoggerFactory? loggers = null)
    {
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var models = new AccountModels(new ProfileModels(ModelsFolder.Open(Repo.Path("models"), "sample")), new ProfileRouting(new ProfilesOptions()));
        var settings = new PipelineSettings(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), new ReportsOptions(), new DriftOptions());
        return new MainJob(settings, _directory, models, store, loggers ?? NullLoggerFactory.Instance).Run(request ?? new RunRequest(Out, Inbox: Inbox));
    }

    [Fact]
    public void AFileNamedAMonthThatDoesNotExistFailsWithItsReasonInsteadOfTakingTheDatasMonth()
    {
        Drop("beta/2026-13.csv");

        var summary = Run();

        var file = Assert.Single(summary.Files);
        Assert.Equal(FileRunResult.Failed, file.Status);
        const string Reason = "the file name says month 2026-13, which is not a month (YYYY-MM, months 01 to 12); rename it to the month the export stands for";
        Assert.StartsWith(Reason, file.Detail, StringComparison.Ordinal);
        Assert.Equal(Reason + "\n", File.ReadAllText(Path.Combine(Inbox, "failed", "beta", "2026-13.csv.reason.txt")));
        Assert.False(File.Exists(Path.Combine(Inbox, "beta", "2026-13.csv")));
        Assert.False(Directory.Exists(Path.Combine(Out, "beta")));
        Assert.Contains("beta/2026-13.csv", File.ReadAllText(Path.Combine(Out, "portfolio.json")), StringComparison.Ordinal);
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        Assert.Empty(store.Snapshots());
        Assert.Equal((FileStatus.Failed, Reason), (Assert.Single(store.Ledger()).Status, Assert.Single(store.Ledger()).Error));
    }

    [Theory]
    [InlineData("2026-00", "says month 2026-00, which is not a month (YYYY-MM, months 01 to 12)")]
    [InlineData("13-2026", "says month 13-2026, which is not a month (YYYY-MM, months 01 to 12)")]
    [InlineData("2026_13", "says month 2026_13, which is not a month (YYYY-MM, months 01 to 12)")]
    [InlineData("202613", "says month 202613, which is not a month (YYYY-MM, months 01 to 12)")]
    [InlineData("2026-02-30", "says the date 2026-02-30, which does not exist")]
    [InlineData("2026", "2026 says a year but no month")]
    [InlineData("03-04-2026", "03-04-2026 could mean 2026-03 or 2026-04")]
    [InlineData("2026-11-2027", "2026-11-2027 looks like a month but cannot be read as one")]
    public void AnyFileNameThatLooksLikeAMonthButIsNotOneFailsSayingWhy(string name, string why)
    {
        Drop($"beta/{name}.csv");

        var file = Assert.Single(Run().Files);

        Assert.Equal(FileRunResult.Failed, file.Status);
        Assert.Contains($"the file name {why}", file.Detail, StringComparison.Ordinal);
        Assert.Contains("rename it to the month the export stands for", file.Detail, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Inbox, "failed", "beta", $"{name}.csv")));
    }

    [Fact]
    public void AFolderNamedAMonthThatDoesNotExistFailsItsExport()
    {
        Drop("beta/2026-13/Connections.csv");

        var file = Assert.Single(Run().Files);

        Assert.Equal(FileRunResult.Failed, file.Status);
        Assert.StartsWith("the folder name says month 2026-13, which is not a month (YYYY-MM, months 01 to 12)", file.Detail, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Inbox, "failed", "beta", "2026-13", "Connections.csv.reason.txt")));
    }

    [Fact]
    public void AMonthGivenOnTheCommandLineWinsOverANameThatIsNotAMonth()
    {
        Drop("beta/2026-13.csv");

        var summary = Run(new RunRequest(Out, Inbox: Inbox, Month: "2026-12"));

        var report = Assert.Single(Assert.Single(summary.Files).Reports);
        Assert.Equal(("2026-12", "option", ""), (report.Month, report.MonthSource, report.MonthNote));
    }

    [Theory]
    [InlineData("2026_11")]
    [InlineData("2026.11")]
    [InlineData("2026 11")]
    [InlineData("202611")]
    [InlineData("2026-11-01")]
    [InlineData("2026-11-30")]
    [InlineData("20261101")]
    [InlineData("2026-1")]
    [InlineData("11-2026")]
    [InlineData("11_2026")]
    [InlineData("Nov 2026")]
    [InlineData("november-2026")]
    [InlineData("2026-Nov")]
    [InlineData("30-11-2026")]
    public void AMonthSpeltAnotherWayIsReadAsThatMonthAndSaidSo(string name)
    {
        Drop($"gamma/{name}.csv");

        var file = Assert.Single(Run().Files);

        Assert.Equal(FileRunResult.Processed, file.Status);
        var report = Assert.Single(file.Reports);
        var month = name == "2026-1" ? "2026-01" : "2026-11";
        Assert.Equal((month, "inbox-read-as"), (report.Month, report.MonthSource));
        Assert.Equal($"month {month} read from the name {name}", report.MonthNote);
        using var pool = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "gamma", month, "pool.json")));
        Assert.Equal("inbox-read-as", pool.RootElement.GetProperty("monthSource").GetString());
        Assert.Contains("its name read as this month (it is not written YYYY-MM)", File.ReadAllText(Path.Combine(Out, "gamma", month, "pool.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderNamedAMonthSpeltAnotherWayGivesItsExportThatMonth()
    {
        Drop("gamma/2026_11/Connections.csv");

        var report = Assert.Single(Assert.Single(Run().Files).Reports);

        Assert.Equal(("2026-11", "inbox-read-as", "month 2026-11 read from the name 2026_11"), (report.Month, report.MonthSource, report.MonthNote));
    }

    [Fact]
    public void AMonthWrittenYearDashMonthNeedsNoNote()
    {
        Drop("gamma/2026-11.csv");

        var report = Assert.Single(Assert.Single(Run().Files).Reports);

        Assert.Equal(("2026-11", "inbox", ""), (report.Month, report.MonthSource, report.MonthNote));
    }

    [Theory]
    [InlineData("Connections")]
    [InlineData("export-acme")]
    [InlineData("Connections 2026-11")]
    [InlineData("11-26")]
    public void ANameThatSaysNoMonthTakesTheNewestConnectedOnMonthAndSaysSo(string name)
    {
        Drop($"gamma/{name}.csv");

        var report = Assert.Single(Assert.Single(Run().Files).Reports);

        Assert.Equal(("2022-06", "data"), (report.Month, report.MonthSource));
        Assert.Equal("month 2022-06 taken from the newest Connected On date: name the file <account>/<YYYY-MM>.csv to choose it", report.MonthNote);
    }

    [Fact]
    public void AFileGivenByNameWithoutAMonthSaysTheMonthCameFromTheDataAndHowToGiveIt()
    {
        var report = Assert.Single(Assert.Single(Run(new RunRequest(Out, Files: [Export2022], Account: "gamma")).Files).Reports);

        Assert.Equal("month 2022-06 taken from the newest Connected On date: pass --month YYYY-MM to choose it", report.MonthNote);
    }

    [Fact]
    public void TheLogSaysHowAMonthWasDecided()
    {
        Drop("gamma/2026_11.csv");
        Drop("delta/Connections.csv", Repo.Path("data-samples", "exports", "connections-2020.csv"));
        var loggers = new CollectingLoggerFactory();

        Run(loggers: loggers);

        Assert.Contains(loggers.Messages, m => m.Contains("gamma/2026_11.csv: gamma: month 2026-11 read from the name 2026_11", StringComparison.Ordinal));
        Assert.Contains(loggers.Messages, m => m.Contains("delta/Connections.csv: delta: month 2020-02 taken from the newest Connected On date", StringComparison.Ordinal));
    }
}
