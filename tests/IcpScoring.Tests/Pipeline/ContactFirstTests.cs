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

/// <summary>Whom to contact first, and whom to enrich, on the pool page: the main job on the shipped inbox.</summary>
public sealed class ContactFirstTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly CompanyDirectory _directory = CompanyDirectory.Load(Repo.Path("data-samples", "companies.csv"));
    private readonly IcpModel _model = IcpModel.Load(new ModelRegistry(Repo.Path("models", "sample")).Champion()!, "sample");

    public ContactFirstTests()
    {
        foreach (var month in new[] { "2026-09", "2026-10" })
        {
            File.Copy(Repo.Path("data-samples", "inbox", "acme-marketing", month + ".csv"), _dir.Write($"inbox/acme-marketing/{month}.csv", ""), overwrite: true);
        }
    }

    public void Dispose() => _dir.Dispose();

    private string Out => _dir.File("out");

    private string Folder => Path.Combine(Out, "acme-marketing", "2026-10");

    private void Run(ReportsOptions reports)
    {
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var models = new AccountModels(new ProfileModels(ModelsFolder.Open(Repo.Path("models"), "sample")), new ProfileRouting(new ProfilesOptions()));
        var settings = new PipelineSettings(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), reports, new DriftOptions());
        new MainJob(settings, _directory, models, store, NullLoggerFactory.Instance).Run(new RunRequest(Out, Inbox: _dir.File("inbox")));
    }

    private JsonElement Pool() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "pool.json"))).RootElement;

    [Fact]
    public void ThePoolPageListsTheBestTargetsToContactFirstWithTheirReasonsAndTheNewMark()
    {
        Run(new ReportsOptions { ContactFirst = 5 });

        var targets = CsvText.Records(Path.Combine(Folder, "targets.csv"));
        var first = Pool().GetProperty("contactFirst").EnumerateArray().ToList();
        Assert.Equal(5, first.Count);
        Assert.Equal(targets.Skip(1).Take(5).Select(r => $"{r[0]} {r[1]}|{r[3]}|{r[10]}|{(r[11] == "Yes" ? "new" : "")}"),
            first.Select(c => $"{c.GetProperty("name").GetString()}|{c.GetProperty("title").GetString()}|{string.Join("; ", c.GetProperty("reasons").EnumerateArray().Select(Reason))}|{(c.GetProperty("newThisMonth").GetBoolean() ? "new" : "")}"));
        var html = File.ReadAllText(Path.Combine(Folder, "pool.html"));
        var section = html[html.IndexOf("<section id=\"contact-first\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Equal(5, section.Split("<tr><td>").Length - 1);
        Assert.Contains("<a href=\"targets.csv\">targets.csv</a>", section, StringComparison.Ordinal);
        Assert.Contains(" pts</span> ", section, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNewMarkOnThePageAgreesWithNewTargetsCsv()
    {
        Run(new ReportsOptions { ContactFirst = 1000 });

        var newTargets = CsvText.Records(Path.Combine(Folder, "new-targets.csv")).Skip(1).Select(r => r[4]).ToHashSet(StringComparer.Ordinal);
        var marked = Pool().GetProperty("contactFirst").EnumerateArray().Where(c => c.GetProperty("newThisMonth").GetBoolean()).Select(c => c.GetProperty("profileUrl").GetString()!);
        Assert.NotEmpty(newTargets);
        Assert.Equal(newTargets.Order(StringComparer.Ordinal), marked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NeedsEnrichmentListsConnectionsThatDoNotMatchAndWouldWithTheBestValueForWhatIsUnknown()
    {
        Run(new ReportsOptions { NeedsEnrichment = 3 });

        var needs = Pool().GetProperty("needsEnrichment");
        var listed = needs.GetProperty("listed").EnumerateArray().ToList();
        var industry = IndustryCatalog.Default.Find(needs.GetProperty("bestIndustry").GetString());
        var size = CompanySizes.Parse(needs.GetProperty("bestCompanySize").GetString());
        Assert.True(needs.GetProperty("count").GetInt64() > 3);
        Assert.Equal(3, listed.Count);
        Assert.All(listed, e =>
        {
            var unknown = e.GetProperty("unknown").EnumerateArray().Select(u => u.GetString()).ToList();
            var known = (Industry: IndustryCatalog.Default.Find(e.GetProperty("industry").GetString()), Size: CompanySizes.Parse(e.GetProperty("companySize").GetString()));
            Assert.NotEmpty(unknown);
            Assert.Equal(unknown.Contains("industry"), known.Industry is null);
            Assert.Equal(unknown.Contains("company size"), known.Size is null);
            // Measured again with the model: no match now, a match with the best values in the unknown parts.
            var title = TitleCleaner.Clean(e.GetProperty("title").GetString());
            var p = _model.Probabilities([ModelFeatures.From(title, known.Industry, known.Size), ModelFeatures.From(title, known.Industry ?? industry, known.Size ?? size)]);
            Assert.False(_model.IsMatch(p[0]), e.GetProperty("name").GetString());
            Assert.True(_model.IsMatch(p[1]), e.GetProperty("name").GetString());
            Assert.Equal(p[0], e.GetProperty("score").GetDouble(), 5);
            Assert.Equal(p[1], e.GetProperty("scoreIfEnriched").GetDouble(), 5);
            Assert.Contains("unknown: as ", e.GetProperty("why").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(listed.Select(e => e.GetProperty("scoreIfEnriched").GetDouble()).OrderDescending(), listed.Select(e => e.GetProperty("scoreIfEnriched").GetDouble()));
        var html = File.ReadAllText(Path.Combine(Folder, "pool.html"));
        Assert.Contains("<section id=\"needs-enrichment\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBestValuesForAnUnknownIndustryAndSizeAreTheOnesThatRaiseTheScoreMost()
    {
        Run(new ReportsOptions());

        var needs = Pool().GetProperty("needsEnrichment");
        var listed = needs.GetProperty("listed")[0];
        var title = TitleCleaner.Clean(listed.GetProperty("title").GetString());
        var size = CompanySizes.Parse(needs.GetProperty("bestCompanySize").GetString());
        var byIndustry = _model.Probabilities([.. IndustryCatalog.Default.All.Select(i => ModelFeatures.From(title, i, size))]);
        var best = IndustryCatalog.Default.All[Array.IndexOf(byIndustry, byIndustry.Max())];
        Assert.Equal(best.Label, needs.GetProperty("bestIndustry").GetString());
    }

    private static string Reason(JsonElement r) => new ScoreReason(r.GetProperty("text").GetString()!, r.GetProperty("points").GetDouble()).ToString();
}
