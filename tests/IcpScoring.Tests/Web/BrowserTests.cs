using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using IcpScoring.Tests.Support;
using Microsoft.Playwright;

namespace IcpScoring.Tests.Web;

/// <summary>
/// The pages of <c>icp serve</c> used the way a user uses them: a real server process, Debian's
/// Chromium driven by Playwright, real files uploaded. Screenshots of every step are kept under
/// <c>tests/artifacts/browser/</c>. Every request the browser makes must stay on the server: the
/// pages fetch nothing from the internet.
/// </summary>
[Trait("Category", "Browser")]
[Collection(ProcessCollection.Name)]
public sealed class BrowserTests : IDisposable
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);

    private readonly TempFolder _dir = new();
    private readonly List<string> _elsewhere = [];

    public void Dispose() => _dir.Dispose();

    private string Inbox => _dir.File("inbox");

    private string Out => _dir.File("out");

    [ChromiumFact]
    public async Task AnUploadedNativeExportIsScoredAndItsReportShowsTheSameNumbers()
    {
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        await page.GotoAsync("/upload");
        // Exports are taken early in the month for the one before: the previous month is suggested.
        var today = DateTime.Now;
        Assert.Equal(new DateTime(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), await page.InputValueAsync("#month"));
        Assert.Contains("last month by default", await page.InnerTextAsync("#month-note"), StringComparison.Ordinal);
        await page.FillAsync("#account", "Acme Marketing");
        await page.FillAsync("#month", "2026-11");
        await page.SetInputFilesAsync("#file", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));
        await Shot(page, "upload-form");
        await page.ClickAsync("#submit");

        // The job's page shows the check at once and reloads itself until the report is written.
        Assert.Equal("linkedin-2023", await page.InnerTextAsync("#format"));
        Assert.Equal("1,322", await page.InnerTextAsync("#connections"));
        await page.Locator("#reports").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await Shot(page, "upload-done");
        using var pool = JsonDocument.Parse(File.ReadAllBytes(Directory.GetFiles(Out, "pool.json", SearchOption.AllDirectories).Single()));
        var rate = (pool.RootElement.GetProperty("icpMatchRate").GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        var size = pool.RootElement.GetProperty("addressablePool").GetInt64().ToString("#,0", CultureInfo.InvariantCulture);
        Assert.Equal(rate, await page.InnerTextAsync("#reports td.match-rate"));
        Assert.Equal(size, await page.InnerTextAsync("#reports td.pool"));

        await page.ClickAsync("#reports a.pool-report");
        await Shot(page, "pool-report");
        var headline = await page.Locator(".card .value").AllInnerTextsAsync();
        Assert.Contains(rate, headline);
        Assert.Contains(size, headline);

        // The portfolio lists the account with the same numbers and links to its reports.
        await page.GotoAsync("/");
        await Shot(page, "portfolio");
        var row = page.Locator("#accounts tbody tr").Filter(new() { HasText = "Acme Marketing" });
        Assert.Contains(rate, await row.InnerTextAsync());
        await row.Locator("a", new() { HasText = "pool" }).First.ClickAsync();
        Assert.Contains(rate, await page.Locator(".card .value").AllInnerTextsAsync());
        Assert.Empty(_elsewhere);
    }

    [ChromiumFact]
    public async Task LinkedInsExportZipIsAcceptedAsItIs()
    {
        var zip = _dir.File("Basic_LinkedInDataExport_11-26-2026.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Repo.Path("data-samples", "inbox", "northwind-sales", "2026-10.csv"), "Connections.csv");
            archive.CreateEntry("Profile.csv");
        }

        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        await page.GotoAsync("/upload");
        await page.FillAsync("#account", "Northwind Sales");
        await page.FillAsync("#month", "2026-10");
        await page.SetInputFilesAsync("#file", zip);
        await page.ClickAsync("#submit");

        await page.Locator("#reports").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await Shot(page, "zip-upload-done");
        Assert.True(File.Exists(Path.Combine(Inbox, "Northwind Sales", "2026-10.zip")));
        Assert.Equal("2026-10", Path.GetFileName(Path.GetDirectoryName(Directory.GetFiles(Out, "pool.html", SearchOption.AllDirectories).Single())));
        Assert.Equal("0", await page.InnerTextAsync("#rejected"));
    }

    [ChromiumFact]
    public async Task AQuietMonthUploadedAsTheSameFileGetsItsReportsAndAnotherAccountsCopyIsRefusedNamingIt()
    {
        var export = Repo.Path("data-samples", "inbox", "acme-marketing", "2026-09.csv");
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        foreach (var month in new[] { "2026-09", "2026-10" })
        {
            await page.GotoAsync("/upload");
            await page.FillAsync("#account", "Acme Marketing");
            await page.FillAsync("#month", month);
            await page.SetInputFilesAsync("#file", export);
            await page.ClickAsync("#submit");
            await page.Locator("#reports").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        }

        await Shot(page, "upload-quiet-month");
        Assert.Equal("2026-10", await page.InnerTextAsync("#reports tbody tr td:nth-child(2)"));
        Assert.StartsWith("processed: ", await page.InnerTextAsync("#result"), StringComparison.Ordinal);

        await page.GotoAsync("/upload");
        await page.FillAsync("#account", "Globex");
        await page.FillAsync("#month", "2026-10");
        await page.SetInputFilesAsync("#file", export);
        await page.ClickAsync("#submit");
        await page.Locator("#error").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });

        await Shot(page, "upload-other-accounts-copy");
        Assert.Equal("same content as Acme Marketing/2026-09.csv of account Acme Marketing: probably uploaded to the wrong account", await page.InnerTextAsync("#error"));
        Assert.True(File.Exists(Path.Combine(Inbox, "failed", "Globex", "2026-10.csv.reason.txt")));
        Assert.Empty(_elsewhere);
    }

    [ChromiumFact]
    public async Task ABrokenFileIsRefusedWithItsReasonAndNeverReachesTheInbox()
    {
        var broken = _dir.Write("broken.csv", "this is not,an export\nat,all\n");
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        await page.GotoAsync("/upload");
        await page.FillAsync("#account", "Acme Marketing");
        await page.SetInputFilesAsync("#file", broken);
        await page.ClickAsync("#submit");

        await Shot(page, "broken-upload");
        var error = await page.InnerTextAsync("#error");
        Assert.StartsWith("broken.csv: ", error, StringComparison.Ordinal);
        Assert.Contains("expected a connections export", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Inbox, "*", SearchOption.AllDirectories));
        Assert.Empty(_elsewhere);
    }

    [ChromiumFact]
    public async Task NothingFromAnUploadedFileRunsInThePage()
    {
        var payload = "<img src=x onerror=alert(1)>";
        var export = Some.Export2023(
            Some.Row2023(first: "<script>alert(2)</script>", company: payload, position: "VP Marketing"),
            Some.Row2023(first: "Bo", url: "https://www.linkedin.com/in/bo-1", position: "\"><svg onload=alert(3)>", connectedOn: "not a date <b>x</b>"));
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);
        var dialogs = new List<string>();
        page.Dialog += (_, d) =>
        {
            dialogs.Add(d.Message);
            _ = d.DismissAsync();
        };

        await page.GotoAsync("/upload");
        await page.FillAsync("#account", "Acme Marketing");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = payload + ".csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(export) });
        await page.ClickAsync("#submit");
        await page.Locator("#outcome").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await Shot(page, "hostile-upload");
        Assert.Contains(payload + ".csv", await page.InnerTextAsync("#check"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("img, script, svg").CountAsync());
        var hrefs = await page.Locator("#reports a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        foreach (var href in hrefs.Where(h => h.EndsWith(".html", StringComparison.Ordinal)))
        {
            await page.GotoAsync(href);
            Assert.Equal(0, await page.Locator("img, script").CountAsync());
        }

        await page.GotoAsync("/");
        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("img, script, svg[onload]").CountAsync());
        Assert.Empty(_elsewhere);
    }

    [ChromiumFact]
    public async Task AnAccountNameThatIsNotAFolderNameIsRefused()
    {
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        await page.GotoAsync("/upload");
        await page.FillAsync("#account", "../../etc");
        await page.SetInputFilesAsync("#file", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));
        await page.ClickAsync("#submit");

        Assert.Contains("An account name has letters, digits", await page.InnerTextAsync("#error"), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_dir.Path, "2026-*", SearchOption.AllDirectories));
    }

    [ChromiumFact]
    public async Task RetrainingShowsTheChallengerNextToTheChampionAndWhetherItWasPromoted()
    {
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        await page.GotoAsync("/retrain");
        await page.SetInputFilesAsync("#file", Repo.Path("data-samples", "labeled", "prospects-small.csv"));
        await Shot(page, "retrain-form");
        await page.ClickAsync("#submit");

        await page.Locator("#metrics").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await Shot(page, "retrain-done");
        Assert.Contains("challenger v2", await page.InnerTextAsync("#challenger"), StringComparison.Ordinal);
        Assert.Contains("champion v1", await page.InnerTextAsync("#champion"), StringComparison.Ordinal);
        var promoted = await page.InnerTextAsync("#promoted");
        Assert.Equal("sample", await page.InnerTextAsync("#retrained-profile"));
        var registry = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir.Path, "models", "sample", "registry.json")));
        var champion = registry.RootElement.GetProperty("champion").GetString();
        Assert.Equal(champion == "v2" ? "Promoted: v2 is the champion now." : "Not promoted: v2 is kept as a challenger.", promoted);
        // 300 labels leave 60 held-out rows: too few to tell, and the page says so rather than decide.
        Assert.Contains("v1's recipe", await page.InnerTextAsync("#comparison-rows"), StringComparison.Ordinal);
        Assert.Contains("too few rows to tell", await page.InnerTextAsync("#verdict"), StringComparison.Ordinal);
        Assert.Equal("v1", champion);
        Assert.Empty(_elsewhere);
    }

    [ChromiumFact]
    public async Task AnUploadScoresTheAccountAgainstTheProfileChosenAndTheProfilesPageShowsIt()
    {
        _dir.Write("models/finance-leaders/profile.json", Profiles.KnownIcpPopulation.Profile);
        var export = _dir.Write("bank.csv", Profiles.KnownIcpPopulation.Csv(Profiles.KnownIcpPopulation.People(1200, seed: 9)));
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        await page.GotoAsync("/upload");
        await page.FillAsync("#account", "First Bank");
        await page.FillAsync("#month", "2026-11");
        await page.SelectOptionAsync("#profile", "finance-leaders");
        await page.SetInputFilesAsync("#file", export);
        await Shot(page, "upload-profile-form");
        await page.ClickAsync("#submit");

        Assert.Equal("finance-leaders (assigned on the upload page)", await page.InnerTextAsync("#profile"));
        await page.Locator("#reports").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await page.ClickAsync("#reports a.pool-report");
        await Shot(page, "pool-report-finance-profile");
        Assert.Contains("Scored against the ICP profile finance-leaders: Finance leaders at mid-size financial firms", await page.InnerTextAsync("#icp"), StringComparison.Ordinal);
        Assert.Contains("from criteria, no labeled prospects yet", await page.InnerTextAsync("#icp"), StringComparison.Ordinal);

        // The portfolio names the account's profile and links to the profiles page.
        await page.GotoAsync("/");
        Assert.Contains("finance-leaders", await page.Locator("#accounts tbody tr").Filter(new() { HasText = "First Bank" }).InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("nav a[href='/profiles']");
        await Shot(page, "profiles");
        var finance = page.Locator("#profile-finance-leaders");
        Assert.Contains("Finance leaders at mid-size financial firms", await finance.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("its industry is one of: Financial Services (group of 20 industries), Banking, Insurance", await finance.Locator(".rule").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("v1, from criteria, no labeled prospects yet", await finance.Locator(".champion").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("First Bank (assigned on the upload page)", await finance.Locator(".accounts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("v1, from 3,000 labeled prospects", await page.Locator("#profile-sample .champion").InnerTextAsync(), StringComparison.Ordinal);

        // The account keeps its profile for the next upload, which the upload page says.
        await page.GotoAsync("/upload");
        Assert.Contains("First Bank finance-leaders assigned on the upload page", (await page.InnerTextAsync("#account-profiles")).Replace('\t', ' '), StringComparison.Ordinal);
        Assert.Empty(_elsewhere);
    }

    [ChromiumFact]
    public async Task AnUploadThatLooksLikeAnotherAccountsExportIsHeldUntilTheUserSaysQueueItAnyway()
    {
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);
        await Upload(page, "Northwind Sales", "2026-11", Repo.Path("data-samples", "inbox", "northwind-sales", "2026-11.csv"));
        await page.Locator("#reports").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });

        // Another account's export, two years older, uploaded as this account's next month.
        await Upload(page, "Northwind Sales", "2026-12", Repo.Path("data-samples", "exports", "connections-2023.csv"));

        await Shot(page, "upload-suspect");
        var warning = await page.InnerTextAsync("#suspect");
        Assert.Contains("Most of last month's people are gone (640 of 640, 100%)", warning, StringComparison.Ordinal);
        Assert.Contains("Its newest connection (2023-", warning, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Inbox, "Northwind Sales", "2026-12.csv")));
        await page.ClickAsync("#queue-anyway");
        await page.Locator("#reports").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        Assert.True(File.Exists(Path.Combine(Inbox, "Northwind Sales", "2026-12.csv")));
        Assert.Empty(_elsewhere);
    }

    [ChromiumFact]
    public async Task AHeldUploadTheUserDoesNotWantIsDroppedAndNeverReachesTheInbox()
    {
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);
        await Upload(page, "Northwind Sales", "2026-11", Repo.Path("data-samples", "inbox", "northwind-sales", "2026-11.csv"));
        await page.Locator("#reports").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await Upload(page, "Northwind Sales", "2026-12", Repo.Path("data-samples", "exports", "connections-2023.csv"));

        await page.ClickAsync("#cancel");

        Assert.EndsWith("/upload", page.Url, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Inbox, "Northwind Sales", "2026-12.csv")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Inbox, ".uploads")));
    }

    private static async Task Upload(IPage page, string account, string month, string file)
    {
        await page.GotoAsync("/upload");
        await page.FillAsync("#account", account);
        await page.FillAsync("#month", month);
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#submit");
    }

    [ChromiumFact]
    public async Task AnUploadNamingAProfileTheSettingsDoNotAllowIsRefused()
    {
        _dir.Write("models/finance-leaders/profile.json", Profiles.KnownIcpPopulation.Profile);
        using var server = Serve(accounts: """{ "Acme Marketing": "sample" }""");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        await page.GotoAsync("/upload");
        await page.FillAsync("#account", "Acme Marketing");
        await page.FillAsync("#month", "2026-11");
        await page.SelectOptionAsync("#profile", "finance-leaders");
        await page.SetInputFilesAsync("#file", Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"));
        await page.ClickAsync("#submit");

        Assert.Contains("Acme Marketing is scored against sample by the settings (Profiles:Accounts", await page.InnerTextAsync("#error"), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Inbox, "*", SearchOption.AllDirectories));
    }

    [ChromiumFact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefused()
    {
        using var server = Serve();
        using var http = new HttpClient { BaseAddress = server.Address };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Acme Marketing"), "account" },
            { new StringContent("2026-11"), "month" },
            { new ByteArrayContent(File.ReadAllBytes(Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"))), "file", "2026-11.csv" },
        };

        using var response = await http.PostAsync(new Uri("/upload", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Form expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Inbox, "*", SearchOption.AllDirectories));
    }

    [ChromiumFact]
    public async Task AnUploadOverTheConfiguredLimitIsRefusedBeforeItIsStored()
    {
        var big = _dir.Write("big.csv", Some.Export2023([.. Enumerable.Range(0, 20_000).Select(i => Some.Row2023(first: $"Ana{i}", url: $"https://www.linkedin.com/in/ana-{i}"))]));
        Assert.True(new FileInfo(big).Length > 1024 * 1024);
        using var server = Serve(maxUploadMegabytes: 1);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        await page.GotoAsync("/upload");
        await page.FillAsync("#account", "Acme Marketing");
        await page.SetInputFilesAsync("#file", big);
        await page.ClickAsync("#submit");

        Assert.Contains("limited to 1 MB", await page.InnerTextAsync("#error"), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Inbox, "*", SearchOption.AllDirectories));
    }

    private ServeProcess Serve(int maxUploadMegabytes = 50, string accounts = "{}")
    {
        Directory.CreateDirectory(Inbox);
        var models = _dir.File("models");
        foreach (var file in Directory.EnumerateFiles(Repo.Path("models"), "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            var target = Path.Combine(models, Path.GetRelativePath(Repo.Path("models"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var config = _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": "{{_dir.File("data")}}" },
              "Ingestion": { "CompanyDirectory": "{{Repo.Path("data-samples", "companies.csv")}}" },
              "Model": { "Folds": 3 },
              "Profiles": { "Accounts": {{accounts}} },
              "Jobs": { "InboxScanCron": "0 0 1 1 *" },
              "Web": { "MaxUploadMegabytes": {{maxUploadMegabytes}} },
              "Logging": { "ConsoleLevel": "Warning", "File": "{{_dir.File("logs/icp-.log")}}" }
            }
            """);
        return ServeProcess.Start(_dir.Path, config, models, _dir.File("icp.db"), Inbox, Out);
    }

    private async Task<IPage> Page(IBrowser browser, ServeProcess server)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = server.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host != server.Address.Host)
            {
                lock (_elsewhere)
                {
                    _elsewhere.Add(route.Request.Url);
                }

                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        return page;
    }

    private static async Task Shot(IPage page, string name)
    {
        var folder = Repo.Path("tests", "artifacts", "browser");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Debian's Chromium, headless, as the machine allows it (no sandbox in a container).</summary>
    private static Task<IBrowser> Launch(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
}
