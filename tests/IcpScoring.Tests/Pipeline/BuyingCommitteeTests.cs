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

/// <summary>Companies where an account has two or more ICP connections, through the main job on a real export.</summary>
public sealed class BuyingCommitteeTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Folder => _dir.File("out/acme/2026-11");

    private void Run(string export)
    {
        _dir.Write("inbox/acme/2026-11.csv", export);
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var models = new AccountModels(new ProfileModels(ModelsFolder.Open(Repo.Path("models"), "sample")), new ProfileRouting(new ProfilesOptions()));
        var settings = new PipelineSettings(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), new ReportsOptions(), new DriftOptions());
        new MainJob(settings, CompanyDirectory.Empty, models, store, NullLoggerFactory.Instance).Run(new RunRequest(_dir.File("out"), Inbox: _dir.File("inbox")));
    }

    [Fact]
    public void CompaniesWithTwoOrMoreIcpConnectionsAreListedGroupedOnTheirNormalizedName()
    {
        Run("""
            Full Name,Title,Company Name,Company Industry,Company Employee Count Range,Linkedin
            Ana Nair,VP Marketing,"Acme, Inc.",Software Development,51-200,https://www.linkedin.com/in/ana
            Bo Li,Head of Demand Generation,ACME,Software Development,51-200,https://www.linkedin.com/in/bo
            Cy Dee,Chief Marketing Officer,Acme Inc,Software Development,51-200,https://www.linkedin.com/in/cy
            Di Eve,Director of Marketing,Beta Apps,Software Development,51-200,https://www.linkedin.com/in/di
            Ed Fox,Registered Nurse,Beta Apps,Software Development,51-200,https://www.linkedin.com/in/ed
            Fa Go,VP Marketing,Gamma Cloud GmbH,IT Services and IT Consulting,201-500,https://www.linkedin.com/in/fa
            Gu Ha,Head of Growth Marketing,Gamma Cloud,IT Services and IT Consulting,201-500,https://www.linkedin.com/in/gu

            """);

        var companies = CsvText.Records(Path.Combine(Folder, "companies.csv"));
        var targets = CsvText.Records(Path.Combine(Folder, "targets.csv"));
        Assert.Equal(["Company", "ICP Connections", "Best Score", "Names", "Titles"], companies[0]);
        var acme = targets.Skip(1).Where(t => t[2] is "Acme, Inc." or "ACME" or "Acme Inc").OrderByDescending(t => t[8], StringComparer.Ordinal).ToList();
        var gamma = targets.Skip(1).Where(t => t[2].StartsWith("Gamma", StringComparison.Ordinal)).OrderByDescending(t => t[8], StringComparer.Ordinal).ToList();
        // Every spelling is written once: the company goes by its best-scored person's.
        Assert.Equal([$"{acme[0][2]}|3", $"{gamma[0][2]}|2"], companies.Skip(1).Select(r => $"{r[0]}|{r[1]}"));
        Assert.Equal(acme[0][8], companies[1][2]);
        Assert.Equal(string.Join("; ", acme.Select(t => t[0] + " " + t[1])), companies[1][3]);
        Assert.Equal(string.Join("; ", acme.Select(t => t[3])), companies[1][4]);
        using var pool = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "pool.json")));
        var listed = pool.RootElement.GetProperty("companies");
        Assert.Equal(2, listed.GetProperty("count").GetInt64());
        Assert.Equal([acme[0][2], gamma[0][2]], listed.GetProperty("listed").EnumerateArray().Select(c => c.GetProperty("company").GetString()));
        Assert.Contains("<section id=\"companies\">", File.ReadAllText(Path.Combine(Folder, "pool.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void ACompanyOfManyPeopleShowsItsTenBestOnThePageAndEveryOneInCompaniesCsv()
    {
        var rows = Enumerable.Range(1, 12).Select(i => $"Person {i},VP Marketing,Acme Cloud,Software Development,51-200,https://www.linkedin.com/in/p{i}");
        Run("Full Name,Title,Company Name,Company Industry,Company Employee Count Range,Linkedin\n" + string.Join("\n", rows) + "\n");

        using var pool = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "pool.json")));
        var acme = pool.RootElement.GetProperty("companies").GetProperty("listed")[0];
        Assert.Equal(12, acme.GetProperty("icpConnections").GetInt64());
        Assert.Equal(10, acme.GetProperty("people").GetArrayLength());
        Assert.Contains("and 2 more in companies.csv", File.ReadAllText(Path.Combine(Folder, "pool.html")), StringComparison.Ordinal);
        Assert.Equal(12, CsvText.Records(Path.Combine(Folder, "companies.csv"))[1][3].Split("; ").Length);
    }
}
