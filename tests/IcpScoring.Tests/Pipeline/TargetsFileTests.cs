using System.Text.Json;
using IcpScoring.Drift;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;
using IcpScoring.Tests.Reports;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Pipeline;

/// <summary>
/// targets.csv as a CRM import takes it, and new-targets.csv: the ICP connections that were not in
/// the account's previous month, through the main job on the shipped inbox and a real database.
/// </summary>
public sealed class TargetsFileTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly CompanyDirectory _directory = CompanyDirectory.Load(Repo.Path("data-samples", "companies.csv"));

    public void Dispose() => _dir.Dispose();

    private string Inbox => _dir.File("inbox");

    private string Out => _dir.File("out");

    private void Drop(string account, string month) =>
        File.Copy(Repo.Path("data-samples", "inbox", account, month + ".csv"), _dir.Write($"inbox/{account}/{month}.csv", ""), overwrite: true);

    private RunSummary Run(ReportsOptions? reports = null)
    {
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var models = new AccountModels(new ProfileModels(ModelsFolder.Open(Repo.Path("models"), "sample")), new ProfileRouting(new ProfilesOptions()));
        var settings = new PipelineSettings(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), reports ?? new ReportsOptions(), new DriftOptions());
        return new MainJob(settings, _directory, models, store, NullLoggerFactory.Instance).Run(new RunRequest(Out, Inbox: Inbox));
    }

    private List<List<string>> Csv(string account, string month, string file) => CsvText.Records(Path.Combine(Out, account, month, file));

    private static string Cell(List<List<string>> csv, List<string> row, string column) => row[csv[0].IndexOf(column)];

    private JsonElement Pool(string account, string month) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, account, month, "pool.json"))).RootElement;

    [Fact]
    public void TargetsHaveTheHeadersCrmImportsMapWithCleanFirstAndLastNames()
    {
        Drop("acme-marketing", "2026-10");

        Run(new ReportsOptions { IncludeEmails = true });

        var targets = Csv("acme-marketing", "2026-10", "targets.csv");
        Assert.Equal(["First Name", "Last Name", "Company", "Job Title", "Profile URL", "Email", "Industry", "Company Size", "Connected On", "Score", "Tier", "Top Reasons", "New This Month"], targets[0]);
        // The export writes "Arjun,Smith • 3rd": LinkedIn's degree marker is no part of a name.
        Assert.Contains(targets.Skip(1), r => Cell(targets, r, "First Name") == "Arjun" && Cell(targets, r, "Last Name") == "Smith"
            && Cell(targets, r, "Profile URL") == "https://www.linkedin.com/in/arjun-smith-20d4c7f4" && Cell(targets, r, "Connected On") == "2026-01-25");
        Assert.All(targets.Skip(1), r => Assert.DoesNotContain("•", Cell(targets, r, "First Name") + Cell(targets, r, "Last Name"), StringComparison.Ordinal));
    }

    [Fact]
    public void NewTargetsAreTheIcpConnectionsThatWereNotInTheAccountsPreviousMonth()
    {
        Drop("acme-marketing", "2026-09");
        Drop("acme-marketing", "2026-10");

        Run();

        var september = Ingest.File(Repo.Path("data-samples", "inbox", "acme-marketing", "2026-09.csv")).Connections.Select(c => c.ProfileUrl).ToHashSet(StringComparer.Ordinal);
        var targets = Csv("acme-marketing", "2026-10", "targets.csv");
        var expected = targets.Skip(1).Where(r => !september.Contains(Cell(targets, r, "Profile URL"))).Select(r => Cell(targets, r, "Profile URL")).ToList();
        var newTargets = Csv("acme-marketing", "2026-10", "new-targets.csv");
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < targets.Count - 1, "some targets were there in September");
        Assert.Equal(targets[0], newTargets[0]);
        Assert.Equal(expected, newTargets.Skip(1).Select(r => Cell(newTargets, r, "Profile URL")));
        Assert.All(newTargets.Skip(1), r => Assert.Equal("Yes", Cell(newTargets, r, "New This Month")));
        Assert.Equal(expected.Count, targets.Skip(1).Count(r => Cell(targets, r, "New This Month") == "Yes"));
        var pool = Pool("acme-marketing", "2026-10").GetProperty("newThisMonth");
        Assert.Equal("2026-09", pool.GetProperty("previousMonth").GetString());
        Assert.Equal(expected.Count, pool.GetProperty("targets").GetInt64());
    }

    [Fact]
    public void AMonthThatArrivesAfterItsSuccessorIsComparedWithTheMonthBeforeIt()
    {
        Drop("acme-marketing", "2026-09");
        Drop("acme-marketing", "2026-11");
        Run();
        Drop("acme-marketing", "2026-10");

        Run();

        Assert.Equal("2026-09", Pool("acme-marketing", "2026-10").GetProperty("newThisMonth").GetProperty("previousMonth").GetString());
    }

    [Fact]
    public async Task AMonthWaitsForAnEarlierMonthOfTheAccountThatIsBeingProcessedElsewhere()
    {
        Drop("acme-marketing", "2026-09");
        Run();
        long elsewhere;
        using (var store = PipelineStore.Open(_dir.File("icp.db")))
        {
            // Another worker, on another machine, is replacing September's export right now.
            Assert.Equal(ClaimOutcome.Claimed, store.TryClaim(new string('e', 64), "acme-marketing/2026-09-again.csv", "acme-marketing", "2026-09", "elsewhere:4242", TimeSpan.FromMinutes(10), out var claimed));
            elsewhere = claimed.Id;
        }

        Drop("acme-marketing", "2026-10");
        var october = Task.Run(() => Run());
        var waited = await Task.WhenAny(october, Task.Delay(TimeSpan.FromSeconds(3))) != october;
        using (var store = PipelineStore.Open(_dir.File("icp.db")))
        {
            store.Fail(elsewhere, "given up");
        }

        Assert.True(waited, "October did not wait for September");
        await october.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("2026-09", Pool("acme-marketing", "2026-10").GetProperty("newThisMonth").GetProperty("previousMonth").GetString());
    }

    [Fact]
    public void InAnAccountsFirstMonthEveryTargetIsNew()
    {
        Drop("northwind-sales", "2026-10");

        Run();

        var targets = Csv("northwind-sales", "2026-10", "targets.csv");
        Assert.All(targets.Skip(1), r => Assert.Equal("Yes", Cell(targets, r, "New This Month")));
        Assert.Equal(targets, Csv("northwind-sales", "2026-10", "new-targets.csv"));
        Assert.Equal(JsonValueKind.Null, Pool("northwind-sales", "2026-10").GetProperty("newThisMonth").GetProperty("previousMonth").ValueKind);
    }

    [Fact]
    public void AFullNameAloneIsSplitIntoFirstAndLastName()
    {
        _dir.Write("inbox/acme/2026-11.csv", """
            Full Name,Title,Company Name,Company Industry,Company Employee Count Range
            Ivana de la Fuente (She/Her),VP Marketing,Acme Cloud,Software Development,51-200
            "Dr. Ana Pérez, PhD",Head of Demand Generation,Beta Apps,Software Development,51-200
            Mary Ann Smith 🚀,CMO,Gamma Soft,Software Development,201-500

            """);

        Run();

        var targets = Csv("acme", "2026-11", "targets.csv");
        var names = targets.Skip(1).Select(r => $"{Cell(targets, r, "First Name")}|{Cell(targets, r, "Last Name")}").Order(StringComparer.Ordinal);
        Assert.Equal(["Ana|Pérez, PhD", "Ivana|de la Fuente", "Mary Ann|Smith"], names);
    }
}
