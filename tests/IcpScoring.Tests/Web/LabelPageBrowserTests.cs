using IcpScoring.Storage;
using IcpScoring.Tests.Support;
using Microsoft.Playwright;

namespace IcpScoring.Tests.Web;

/// <summary>
/// The <c>/label</c> page of <c>icp serve</c> as a user labels with it: a real server on a real
/// database, Debian's Chromium driven by Playwright, buttons and keys. Screenshots are kept under
/// <c>tests/artifacts/browser/</c>.
/// </summary>
[Trait("Category", "Browser")]
[Collection(ProcessCollection.Name)]
public sealed class LabelPageBrowserTests : IDisposable
{
    private const string Profile = "sample";

    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);

    private static readonly (string Title, string Industry, string Size)[] People =
    [
        ("VP of Marketing", "Software Development", "51-200"),
        ("Customer Support Specialist", "Real Estate", "1-10"),
        ("Head of Demand Generation", "Marketing Services", "11-50"),
        ("Software Engineer", "Software Development", "201-500"),
        ("Chief Marketing Officer", "IT Services and IT Consulting", "501-1000"),
        ("Nurse", "Hospitals and Health Care", "10001+"),
    ];

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("icp.db");

    [ChromiumFact]
    public async Task LabelsGivenByButtonAndKeyAreStoredWithWhoWhenAndProfileAndSurviveARestart()
    {
        SeedQueue(People.Length);
        using (var server = Serve())
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Launch(playwright);
            var page = await Page(browser, server);

            await page.GotoAsync("/");
            await page.ClickAsync("nav a[href='/label']");
            Assert.StartsWith("0 of 6", await page.InnerTextAsync("#progress"), StringComparison.Ordinal);
            Assert.Equal(People[0].Title, await page.InnerTextAsync("#title"));
            Assert.NotEmpty(await page.Locator("#reasons li").AllInnerTextsAsync());
            Assert.Contains("I ICP, N not ICP, S skip", await page.InnerTextAsync("#keys"), StringComparison.Ordinal);
            await Shot(page, "label-first");

            await page.ClickAsync("#icp");
            Assert.Equal(People[1].Title, await page.InnerTextAsync("#title"));
            await page.ClickAsync("#not-icp");
            await page.Keyboard.PressAsync("i");
            await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync(People[3].Title);
            await page.Keyboard.PressAsync("n");
            await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync(People[4].Title);
            await page.Keyboard.PressAsync("s");
            await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync(People[5].Title);

            Assert.Equal("5 of 6 answered (4 labeled, 1 skipped), 1 to go", await page.InnerTextAsync("#progress"));
            await Shot(page, "label-after-five");
        }

        var stored = Labels();
        Assert.Equal(["person-1", "person-2", "person-3", "person-4"], stored.Select(l => l.Key).Order(StringComparer.Ordinal));
        Assert.Equal([true, false, true, false], stored.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.IsIcp));
        Assert.All(stored, l => Assert.Equal((Profile, "local", LabelSource.Page), (l.Profile, l.By, l.Source)));
        Assert.All(stored, l => Assert.InRange(l.At, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1)));

        using (var again = Serve())
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Launch(playwright);
            var page = await Page(browser, again);

            await page.GotoAsync("/label");

            Assert.Equal("5 of 6 answered (4 labeled, 1 skipped), 1 to go", await page.InnerTextAsync("#progress"));
            Assert.Equal(People[5].Title, await page.InnerTextAsync("#title"));
            Assert.Equal(4, await page.Locator("#recent tbody tr").CountAsync());
        }
    }

    [ChromiumFact]
    public async Task APersonLabeledAgainKeepsTheLatestLabelOnly()
    {
        SeedQueue(3);
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);
        await page.GotoAsync("/label");
        await page.ClickAsync("#icp");

        await page.ClickAsync("#recent .relabel");

        await Shot(page, "label-relabeled");
        var stored = Assert.Single(Labels());
        Assert.Equal(("person-1", false), (stored.Key, stored.IsIcp));
        Assert.Equal("Not ICP", await page.InnerTextAsync("#recent td.label"));
        Assert.StartsWith("1 of 3", await page.InnerTextAsync("#progress"), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task RetrainNowAppearsOnceTheLabelsCanTrainAndRetrainsTheProfileOnThem()
    {
        SeedQueue(2);
        // Five of each class from a file; with three folds a model needs six of each.
        using (var store = PipelineStore.Open(Db))
        {
            store.Labels.Record(Profile, [.. Enumerable.Range(0, 10).Select(i => new PersonLabel($"file-{i}", People[i % 6].Title, $"File Co {i}", People[i % 6].Industry, People[i % 6].Size, i % 2 == 0))], LabelSource.File, "local");
        }

        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);
        await page.GotoAsync("/label");
        Assert.Contains("5 ICP and 5 non-ICP rows, at least 6 of each needed", await page.InnerTextAsync("#retrain-later"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#retrain-now").CountAsync());

        await page.ClickAsync("#icp");
        await page.ClickAsync("#not-icp");
        Assert.Equal("sample has 12 labels (6 ICP, 6 not ICP), counting those from this page, labels files, icp train and the CRM.", await page.InnerTextAsync("#label-counts"));
        await Shot(page, "label-queue-done");
        await page.ClickAsync("#retrain-now");

        Assert.Contains("/jobs/", page.Url, StringComparison.Ordinal);
        await page.Locator("#outcome").WaitForAsync(new() { Timeout = (float)JobTimeout.TotalMilliseconds });
        await Shot(page, "label-retrained");
        Assert.Matches("^profile sample, v[0-9]+: ", await page.InnerTextAsync("#result"));
        Assert.Equal("sample", await page.InnerTextAsync("#retrained-profile"));
        Assert.All(Labels().Where(l => l.Key.StartsWith("person-", StringComparison.Ordinal)), l => Assert.Equal(LabelSource.Page, l.Source));
        Assert.Equal(12, Labels().Count);
    }

    [ChromiumFact]
    public async Task AnEmptyQueueSaysHowToMakeOneAndItsButtonBuildsIt()
    {
        using var server = Serve();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);

        await page.GotoAsync("/label");

        await Shot(page, "label-no-queue");
        Assert.Contains("icp label-queue --profile sample", await page.InnerTextAsync("#no-queue"), StringComparison.Ordinal);
        await page.ClickAsync("#build-queue");
        Assert.Contains("no connections of its accounts", await page.InnerTextAsync("#error"), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task WithSeveralProfilesThePageOpensTheOneWithAQueueAndOffersTheOthers()
    {
        SeedQueue(2);
        using var server = Serve();
        _dir.Write("models/finance/profile.json", File.ReadAllText(Repo.Path("models", "sample", "profile.json")));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Page(browser, server);
        await page.GotoAsync("/label");
        Assert.Equal("Label connections for sample", await page.InnerTextAsync("h1"));
        await Shot(page, "label-profiles");

        await page.ClickAsync("#profiles a.profile-choice");

        Assert.Equal("Label connections for finance", await page.InnerTextAsync("h1"));
        Assert.Contains("icp label-queue --profile finance", await page.InnerTextAsync("#no-queue"), StringComparison.Ordinal);
        Assert.Contains("sample (2 to go)", await page.InnerTextAsync("#profiles"), StringComparison.Ordinal);
    }

    private void SeedQueue(int count)
    {
        using var store = PipelineStore.Open(Db);
        store.Labels.ReplaceQueue(Profile, [.. Enumerable.Range(1, count).Select(i => new QueuedPerson(i, $"person-{i}", People[(i - 1) % People.Length].Title, $"Company {i}", People[(i - 1) % People.Length].Industry, People[(i - 1) % People.Length].Size, 0.5))]);
    }

    private List<StoredLabel> Labels()
    {
        using var store = PipelineStore.Open(Db);
        return [.. store.Labels.List(Profile)];
    }

    private ServeProcess Serve()
    {
        var inbox = _dir.File("inbox");
        Directory.CreateDirectory(inbox);
        var models = _dir.File("models");
        if (!Directory.Exists(models))
        {
            foreach (var file in Directory.EnumerateFiles(Repo.Path("models"), "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')))
            {
                var target = Path.Combine(models, Path.GetRelativePath(Repo.Path("models"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        var config = _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": "{{_dir.File("data")}}" },
              "Ingestion": { "CompanyDirectory": "{{Repo.Path("data-samples", "companies.csv")}}" },
              "Model": { "Folds": 3 },
              "Jobs": { "InboxScanCron": "0 0 1 1 *" },
              "Logging": { "ConsoleLevel": "Warning", "File": "{{_dir.File("logs/icp-.log")}}" }
            }
            """);
        return ServeProcess.Start(_dir.Path, config, models, Db, inbox, _dir.File("out"));
    }

    private static async Task<IPage> Page(IBrowser browser, ServeProcess server)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = server.Address.ToString() });
        return await context.NewPageAsync();
    }

    private static async Task Shot(IPage page, string name)
    {
        var folder = Repo.Path("tests", "artifacts", "browser");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static Task<IBrowser> Launch(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
}
