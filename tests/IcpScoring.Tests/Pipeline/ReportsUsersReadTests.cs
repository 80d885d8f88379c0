using System.Text.Json;
using System.Text.RegularExpressions;
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
/// The reports of the sample inbox read as a user reads them: every link leads somewhere, the numbers
/// that should add up do, people are whole, and a wrong upload says so before its numbers do.
/// </summary>
public sealed partial class ReportsUsersReadTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public ReportsUsersReadTests()
    {
        foreach (var file in Directory.GetFiles(Repo.Path("data-samples", "inbox"), "*", SearchOption.AllDirectories))
        {
            var target = _dir.File(Path.Combine("inbox", Path.GetRelativePath(Repo.Path("data-samples", "inbox"), file)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _dir.Dispose();

    private string Out => _dir.File("out");

    private RunSummary Run()
    {
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var models = new AccountModels(new ProfileModels(ModelsFolder.Open(Repo.Path("models"), "sample")), new ProfileRouting(new ProfilesOptions()));
        var settings = new PipelineSettings(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), new ReportsOptions(), new DriftOptions());
        return new MainJob(settings, CompanyDirectory.Load(Repo.Path("data-samples", "companies.csv")), models, store, NullLoggerFactory.Instance)
            .Run(new RunRequest(Out, Inbox: _dir.File("inbox")));
    }

    [Fact]
    public void EveryLinkOfEveryPageLeadsToAFileThatExists()
    {
        Run();

        var pages = Directory.GetFiles(Out, "*.html", SearchOption.AllDirectories);
        Assert.Equal(1 + 2 + (6 * 2), pages.Length);
        var links = 0;
        foreach (var page in pages)
        {
            foreach (Match link in Href().Matches(File.ReadAllText(page)))
            {
                if (Uri.TryCreate(link.Groups[1].Value, UriKind.Absolute, out var external) && external.Scheme is "https" or "http" or "mailto")
                {
                    // A person's LinkedIn profile: outside the reports, not a file to find.
                    Assert.Equal("https", external.Scheme);
                    continue;
                }

                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(link.Groups[1].Value.Split('#')[0])));
                Assert.True(File.Exists(target), $"{Path.GetRelativePath(Out, page)} links to {link.Groups[1].Value}, which does not exist");
                links++;
            }
        }

        Assert.True(links > 90, $"{links} links");
        var drift = File.ReadAllText(Path.Combine(Out, "acme-marketing", "2026-10", "drift.html"));
        Assert.Contains("href=\"../2026-09/drift.html\"", drift, StringComparison.Ordinal);
        Assert.Contains("href=\"../2026-11/drift.html\"", drift, StringComparison.Ordinal);
        Assert.Contains("href=\"../index.html\"", File.ReadAllText(Path.Combine(Out, "acme-marketing", "2026-10", "pool.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void ThePortfolioAddsUpItsAccountsAndShowsEachAccountsMonths()
    {
        Run();

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "portfolio.json")));
        var accounts = json.RootElement.GetProperty("accounts").EnumerateArray().ToList();
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(accounts.Sum(a => a.GetProperty("addressablePool").GetInt64()), totals.GetProperty("addressablePool").GetInt64());
        Assert.Equal(accounts.Sum(a => a.GetProperty("connections").GetInt64()), totals.GetProperty("connections").GetInt64());
        Assert.Equal(accounts.Sum(a => a.GetProperty("poolChange").GetInt64()), totals.GetProperty("poolChange").GetInt64());
        Assert.Equal(totals.GetProperty("icpMatched").GetInt64() / (double)totals.GetProperty("scored").GetInt64(), totals.GetProperty("icpMatchRate").GetDouble(), 5);
        Assert.All(accounts, a => Assert.Equal(3, a.GetProperty("history").GetArrayLength()));
        var html = File.ReadAllText(Path.Combine(Out, "index.html"));
        Assert.Contains("2 accounts · 0 failed files", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<svg class=\"chart sparkline\""));
        Assert.Contains("<a href=\"northwind-sales/2026-09/pool.html\">2026-09</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPoolReportNamesItsFileByTheLedgersSha256()
    {
        Run();

        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var ledger = store.Ledger().ToDictionary(e => e.Path, e => e.Sha256, StringComparer.Ordinal);
        foreach (var pool in Directory.GetFiles(Out, "pool.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(pool));
            var source = json.RootElement.GetProperty("source");
            var sha = source.GetProperty("sha256").GetString();
            Assert.Matches("^[0-9a-f]{64}$", sha);
            Assert.Equal(ledger[source.GetProperty("file").GetString()!], sha);
        }
    }

    [Fact]
    public void PeopleAreCountedWholeOnThePageWhileTheJsonKeepsTheExpectation()
    {
        Run();

        var folder = Path.Combine(Out, "acme-marketing", "2026-11");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "pool.json")));
        var warm = json.RootElement.GetProperty("expectedConversations").GetProperty("warm").GetDouble();
        var cold = json.RootElement.GetProperty("expectedConversations").GetProperty("cold").GetDouble();
        var html = File.ReadAllText(Path.Combine(folder, "pool.html"));
        Assert.NotEqual(Math.Round(warm), warm);
        Assert.Contains($"{Math.Round(warm, MidpointRounding.AwayFromZero):0} warm · {Math.Round(cold, MidpointRounding.AwayFromZero):0} cold", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d\.\d warm", html);
        var projection = html[html.IndexOf("id=\"projection\"", StringComparison.Ordinal)..html.IndexOf("id=\"assumptions\"", StringComparison.Ordinal)];
        Assert.DoesNotMatch(@"<td class=""num"">[0-9,]+\.[0-9]</td>", projection);
    }

    [Fact]
    public void AnotherAccountsOldExportUploadedAsThisMonthIsMarkedOnThePortfolioInsteadOfLookingLikeGoodNews()
    {
        Run();
        File.Copy(Repo.Path("data-samples", "exports", "connections-2023.csv"), _dir.File("inbox/northwind-sales/2026-12.csv"));

        Run();

        using var drift = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "northwind-sales", "2026-12", "drift.json")));
        var suspect = drift.RootElement.GetProperty("suspect").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Contains(suspect, s => s.StartsWith("most of last month's people are gone (640 of 640, 100%)", StringComparison.Ordinal));
        Assert.Contains(suspect, s => s.StartsWith("its newest connection (2023-", StringComparison.Ordinal));
        Assert.StartsWith(Plausibility.AlertPrefix, drift.RootElement.GetProperty("alerts")[0].GetString(), StringComparison.Ordinal);
        using var portfolio = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "portfolio.json")));
        var northwind = portfolio.RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == "northwind-sales");
        Assert.Equal(suspect.Count, northwind.GetProperty("suspect").GetArrayLength());
        Assert.Contains(suspect, s => s.StartsWith("the network shrank", StringComparison.Ordinal));
        var html = File.ReadAllText(Path.Combine(Out, "index.html"));
        var row = html[html.IndexOf("<tr class=\"suspect\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("check this upload", row, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"num up\"", row, StringComparison.Ordinal);
        Assert.Contains("Uploads to check</div><div class=\"value\">1</div>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
