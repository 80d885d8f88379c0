using System.Globalization;
using System.Text;
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

namespace IcpScoring.Tests.Drift;

/// <summary>Account histories whose drift is known in advance, through the real pipeline, database and model.</summary>
public sealed class DriftScenarioTests : IDisposable
{
    private static readonly IcpModel Shipped = IcpModel.Load(new ModelRegistry(Repo.Path("models", "sample")).Champion()!, "sample");

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed record Person(string Url, string First, string Last, string Company, string Title, string Industry, string Size)
    {
        public string Row(bool withUrl) =>
            string.Join(",", First, Last, withUrl ? Url : "", "", Company, Title, "05 Jan 2024", Industry, Size);
    }

    private static List<Person> Network(int n, int seed = 1)
    {
        string[] titles = ["VP Marketing", "Head of Demand Generation", "Software Engineer", "Account Executive", "Nurse", "Teacher", "Financial Analyst", "Recruiter"];
        string[] industries = ["Software Development", "IT Services and IT Consulting", "Hospitals and Health Care", "Retail", "Banking"];
        string[] sizes = ["51-200", "201-500", "10001+", "11-50"];
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(i => new Person($"https://www.linkedin.com/in/p{seed}-{i}", $"First{i}", $"Last{i}", $"Company {i % 40}",
            titles[rng.Next(titles.Length)], industries[rng.Next(industries.Length)], sizes[rng.Next(sizes.Length)]))];
    }

    private static string Csv(IEnumerable<Person> people, bool withUrl = true, string tail = "")
    {
        var sb = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On,Industry,Company Size\n");
        foreach (var p in people)
        {
            sb.Append(p.Row(withUrl)).Append('\n');
        }

        return sb.Append(tail).ToString();
    }

    private void Drop(string account, string month, string csv) => _dir.Write($"inbox/{account}/{month}.csv", csv);

    private DriftReport Run(string account = "acme", AccountModels? models = null)
    {
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var settings = new PipelineSettings(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), new ReportsOptions(), new DriftOptions());
        var used = models ?? AccountModels.Single(Shipped);
        new MainJob(settings, CompanyDirectory.Empty, used, store, NullLoggerFactory.Instance).Run(new RunRequest(_dir.File("out"), Inbox: _dir.File("inbox")));
        return new DriftJob(store, used.Get, used.Routing.Default, new DriftOptions(), NullLogger<DriftJob>.Instance).Refresh(_dir.File("out"), [account])[account];
    }

    // The profiles of this test's own models folder, as icp run reads them.
    private AccountModels Profiles(string profile = "sample") =>
        new(new ProfileModels(ModelsFolder.Open(_dir.File("models"), "sample")), ProfileRouting.Only(profile));

    [Fact]
    public void AnUnchangedNetworkRaisesNoAlertAndSaysItIsIdentical()
    {
        var people = Network(400);
        Drop("acme", "2026-09", Csv(people));
        Drop("acme", "2026-10", Csv(people, tail: "\n"));

        var drift = Run();

        Assert.Equal("2026-09", drift.PreviousMonth);
        Assert.True(drift.Identical);
        Assert.All(drift.Alerts, a => Assert.StartsWith("Pool too shallow", a, StringComparison.Ordinal));
        Assert.Equal(0, drift.ScorePsi!.Value, 9);
        Assert.Equal(0, drift.IcpMatchRate!.Delta, 9);
        Assert.Contains("Identical to 2026-09", drift.Summary, StringComparison.Ordinal);
        Assert.All(drift.Features.Values, f => Assert.Equal(0, f.Psi, 9));
    }

    [Fact]
    public void NNewIcpConnectionsGiveTheExactNewRateAndAddedCount()
    {
        const int N = 30;
        var people = Network(400);
        var newcomers = Enumerable.Range(0, N).Select(i => new Person($"https://www.linkedin.com/in/new-{i}", $"New{i}", "Person", "Northwind", "VP Marketing", "Software Development", "51-200"));
        Drop("acme", "2026-09", Csv(people));
        Drop("acme", "2026-10", Csv(people.Concat(newcomers)));

        var drift = Run();

        var before = drift.IcpMatchRate!;
        var matchedBefore = (long)Math.Round(before.Previous * before.PreviousScored);
        Assert.Equal(N, drift.Network!.Added);
        Assert.Equal(N, drift.Network.AddedIntoIcp);
        Assert.Equal(0, drift.Network.Removed);
        Assert.Equal((matchedBefore + N) / (double)(before.PreviousScored + N), before.Current, 12);
        Assert.Equal(N, drift.Pool!.Delta);
    }

    [Fact]
    public void AnIndustryMixShiftedTowardANewIndustryIsNamedAndAlerted()
    {
        var people = Network(300);
        var oil = Enumerable.Range(0, 200).Select(i => new Person($"https://www.linkedin.com/in/oil-{i}", $"Oil{i}", "Worker", "Petro", "Engineer", "Oil and Gas", "10001+"));
        Drop("acme", "2026-09", Csv(people));
        Drop("acme", "2026-10", Csv(people.Concat(oil)));

        var drift = Run();

        var industry = drift.Features["industry"];
        Assert.True(industry.Psi > 0.25, $"industry PSI {industry.Psi}");
        var named = Assert.Single(industry.NewCategories);
        Assert.Equal("Oil and Gas", named.Name);
        Assert.Equal(200 / 500.0, named.Share, 9);
        Assert.True(double.IsFinite(industry.Psi) && double.IsFinite(industry.Js));
        Assert.Contains(drift.Alerts, a => a.Contains("Oil and Gas", StringComparison.Ordinal));
        Assert.Contains(drift.Alerts, a => a.StartsWith("Industry mix shifted", StringComparison.Ordinal));
        Assert.Contains("New industry: Oil and Gas", File.ReadAllText(_dir.File("out/portfolio.json")), StringComparison.Ordinal);
        Assert.Contains("New industry: Oil and Gas", File.ReadAllText(_dir.File("out/index.html")), StringComparison.Ordinal);
        Assert.Contains("New industry: Oil and Gas", File.ReadAllText(_dir.File("out/acme/2026-10/drift.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void PeopleChangingJobsAreChangedNotAddedAndRemoved()
    {
        var people = Network(300);
        var moved = people.Select((p, i) => i < 12 ? p with { Company = "New Employer", Title = "VP Marketing", Industry = "Software Development", Size = "51-200" } : p).ToList();
        Drop("acme", "2026-09", Csv(people));
        Drop("acme", "2026-10", Csv(moved));

        var drift = Run();

        Assert.Equal(12, drift.Network!.Changed);
        Assert.Equal(0, drift.Network.Added);
        Assert.Equal(0, drift.Network.Removed);
        Assert.True(drift.Network.ChangedIntoIcp > 0);
    }

    [Fact]
    public void ProfileKeysWorkForExportsWithoutAUrlColumn()
    {
        var people = Network(200);
        var moved = people.Select((p, i) => i < 7 ? p with { Company = "Other Co", Title = "Head of Growth" } : p).ToList();
        Drop("acme", "2026-09", Csv(people, withUrl: false));
        Drop("acme", "2026-10", Csv(moved, withUrl: false));

        var drift = Run();

        Assert.Equal(7, drift.Network!.Changed);
        Assert.Equal(0, drift.Network.Added);
        Assert.Equal(0, drift.Network.Removed);
    }

    [Fact]
    public void ANewModelOnTheSameNetworkTakesTheWholeChange()
    {
        var registry = new ModelRegistry(_dir.File("models/sample"));
        var retraining = new Retraining(new ModelOptions { Folds = 3 }, new IngestionOptions(), CompanyDirectory.Empty, NullLoggerFactory.Instance);
        retraining.Train(_dir.Write("a.csv", Labeled.Csv(600, seed: 1)), registry, PromotionPolicy.Always);
        var people = Network(400);
        Drop("acme", "2026-09", Csv(people));
        Run(models: Profiles());
        // The second model learns a different ICP: anyone in software, whatever the title.
        retraining.Train(_dir.Write("b.csv", Labeled.Csv(600, seed: 2).Replace("Software Development,51-200,false", "Software Development,51-200,true", StringComparison.Ordinal)), registry, PromotionPolicy.Always);
        Drop("acme", "2026-10", Csv(people, tail: "\n"));

        var drift = Run(models: Profiles());

        Assert.True(drift.ModelChanged);
        Assert.Equal(("v1", "v2"), (drift.PreviousModelVersion, drift.ModelVersion));
        Assert.False(drift.ProfileChanged);
        var attribution = drift.Attribution!;
        Assert.Equal(0, attribution.Network, 9);
        Assert.Equal(attribution.Total, attribution.Model, 9);
        Assert.NotEqual(0, attribution.Total);
        Assert.Equal(attribution.Total, attribution.Network + attribution.Model, 9);
    }

    [Fact]
    public void AMonthArrivingOutOfOrderSlotsIntoTheHistory()
    {
        var people = Network(300);
        Drop("acme", "2026-03", Csv(people));
        Drop("acme", "2026-05", Csv(people.Take(250)));
        Run();
        Drop("acme", "2026-04", Csv(people.Take(280)));

        var drift = Run();

        Assert.Equal("2026-05", drift.Month);
        Assert.Equal("2026-04", drift.PreviousMonth);
        Assert.Equal(30, drift.Network!.Removed);
        Assert.Equal(["2026-03", "2026-04", "2026-05"], drift.Trend.Select(t => t.Month));
    }

    [Fact]
    public void TheFirstMonthSaysThereIsNothingToCompareYet()
    {
        Drop("acme", "2026-09", Csv(Network(100)));

        var drift = Run();

        Assert.Null(drift.PreviousMonth);
        Assert.Null(drift.IcpMatchRate);
        Assert.All(drift.Alerts, a => Assert.StartsWith("Pool too shallow", a, StringComparison.Ordinal));
        Assert.Contains("nothing to compare yet", drift.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AFallingMatchRateIsAlertedWithItsSignificance()
    {
        var people = Network(600);
        var worse = people.Select(p => p.Title is "VP Marketing" or "Head of Demand Generation" ? p with { Title = "Nurse", Industry = "Hospitals and Health Care" } : p);
        Drop("acme", "2026-09", Csv(people));
        Drop("acme", "2026-10", Csv(worse));

        var drift = Run();

        Assert.True(drift.IcpMatchRate!.Delta < -0.02);
        Assert.True(drift.IcpMatchRate.PValue < 0.05);
        Assert.Contains(drift.Alerts, a => a.StartsWith("ICP match rate fell", StringComparison.Ordinal));
        Assert.Contains(drift.Alerts, a => a.StartsWith("Addressable pool shrank", StringComparison.Ordinal));
        Assert.Equal(drift.IcpMatchRate.Current - drift.IcpMatchRate.Previous, drift.IcpMatchRate.Delta, 12);
    }

    [Fact]
    public void RatesAndTheirChangesAreFractionsOfOneInDriftJson()
    {
        var people = Network(600);
        Drop("acme", "2026-09", Csv(people));
        Drop("acme", "2026-10", Csv(people.Select(p => p.Title == "Nurse" ? p with { Title = "VP Marketing", Industry = "Software Development", Size = "51-200" } : p)));

        Run();

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_dir.File("out/acme/2026-10/drift.json")));
        var rate = json.RootElement.GetProperty("icpMatchRate");
        var (before, now, delta) = (rate.GetProperty("previous").GetDouble(), rate.GetProperty("current").GetDouble(), rate.GetProperty("delta").GetDouble());
        Assert.Equal(now - before, delta, 5);
        Assert.InRange(delta, 0.01, 1);
        Assert.All(rate.GetProperty("ci95").EnumerateArray(), b => Assert.InRange(b.GetDouble(), -1, 1));
        var attribution = json.RootElement.GetProperty("attribution");
        Assert.Equal(delta, attribution.GetProperty("total").GetDouble(), 5);
        Assert.Equal(delta, attribution.GetProperty("network").GetDouble() + attribution.GetProperty("model").GetDouble(), 5);
    }

    [Fact]
    public void EveryMovementOfThePoolIsItemizedAndTheyAddUpToItsChange()
    {
        var people = Network(500, seed: 3);
        var next = people
            .Where((_, i) => i % 17 != 0)
            .Select((p, i) => i % 23 == 0 ? p with { Title = p.Title == "VP Marketing" ? "Nurse" : "VP Marketing" }
                : i % 29 == 0 ? p with { Industry = p.Industry == "Software Development" ? "Retail" : "Software Development" }
                : p)
            .Concat(Network(40, seed: 4))
            .ToList();
        Drop("acme", "2026-09", Csv(people));
        Drop("acme", "2026-10", Csv(next));

        var drift = Run();

        var n = drift.Network!;
        Assert.Equal(drift.Pool!.Delta, n.PoolChange);
        Assert.True(n.RemovedFromIcp > 0 && n.ChangedIntoIcp + n.ChangedOutOfIcp > 0 && n.RescoredIntoIcp + n.RescoredOutOfIcp > 0, $"{n}");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"pool {drift.Pool.Previous:N0} → {drift.Pool.Current:N0}"), drift.Summary, StringComparison.Ordinal);
        foreach (var part in new[] { "new ICP connections", "ICP connections removed", "changed job into the ICP", "changed job out of it", "with the same title and company scored differently" })
        {
            Assert.Contains(part, drift.Summary, StringComparison.Ordinal);
        }

        var html = File.ReadAllText(_dir.File("out/acme/2026-10/drift.html"));
        Assert.Contains("Pool change</th><td></td><td></td><td></td><td class=\"num\"><strong>" + ReportFormat.Change(drift.Pool.Delta), html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherAccountsOlderExportIsCalledAWrongUploadFirstOfAll()
    {
        Drop("acme", "2026-09", Csv(Network(300, seed: 1)));
        // Another network, and older: all its people connected in 2024.
        Drop("acme", "2026-10", Csv(Network(300, seed: 9).Select(p => p with { Url = p.Url.Replace("p9-", "q9-", StringComparison.Ordinal) })).Replace("05 Jan 2024", "05 Jan 2023", StringComparison.Ordinal));

        var drift = Run();

        Assert.Equal(2, drift.Suspect.Count);
        Assert.StartsWith("most of last month's people are gone (300 of 300, 100%)", drift.Suspect[0], StringComparison.Ordinal);
        Assert.StartsWith("its newest connection (2023-01-05) is older than last month's newest (2024-01-05)", drift.Suspect[1], StringComparison.Ordinal);
        Assert.StartsWith(Plausibility.AlertPrefix + "most of last month's people", drift.Alerts[0], StringComparison.Ordinal);
        Assert.Contains("Check this upload before trusting this month", File.ReadAllText(_dir.File("out/acme/2026-10/drift.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void ANetworkShrinkingByMoreThanTheSettingIsSuspect()
    {
        var people = Network(400);
        Drop("acme", "2026-09", Csv(people));
        Drop("acme", "2026-10", Csv(people.Take(250)));

        var drift = Run();

        Assert.Single(drift.Suspect);
        Assert.Contains("the network shrank 38% (400 → 250 connections)", drift.Suspect[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AnOrdinaryMonthIsNotSuspect()
    {
        var people = Network(400);
        Drop("acme", "2026-09", Csv(people));
        Drop("acme", "2026-10", Csv(people.Skip(20).Concat(Network(30, seed: 5))));

        Assert.Empty(Run().Suspect);
    }

    [Fact]
    public void AMatchRateFallingMonthAfterMonthIsAnAlert()
    {
        var people = Network(600);
        Drop("acme", "2026-08", Csv(people));
        Drop("acme", "2026-09", Csv(people.Select((p, i) => i % 5 == 0 && p.Title == "VP Marketing" ? p with { Title = "Nurse" } : p)));
        Drop("acme", "2026-10", Csv(people.Select((p, i) => i % 5 < 2 && p.Title == "VP Marketing" ? p with { Title = "Nurse" } : p)));

        var drift = Run();

        Assert.Contains(drift.Alerts, a => a.StartsWith("Match rate fell 2 months in a row (", StringComparison.Ordinal) && a.Contains("Drift:DecliningMonths", StringComparison.Ordinal));
    }

    [Fact]
    public void AShallowPoolIsAnAlertEvenInAFirstMonth()
    {
        Drop("acme", "2026-09", Csv(Network(100)));

        var drift = Run();

        Assert.Contains(drift.Alerts, a => a.StartsWith("Pool too shallow for campaigns:", StringComparison.Ordinal) && a.Contains("below the 100 a campaign needs", StringComparison.Ordinal));
    }
}
