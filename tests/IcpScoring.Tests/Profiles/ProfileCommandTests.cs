using System.Text.Json;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Profiles;

/// <summary>Profiles through the real executable: routing accounts, a model from the first day, icp profile, train with criteria.</summary>
[Trait("Category", "Slow")]
public sealed class ProfileCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public ProfileCommandTests()
    {
        // The shipped sample profile, and a finance profile with criteria and no model yet.
        CopyFolder(Repo.Path("models", "sample"), _dir.File("models/sample"));
        _dir.Write("models/finance-leaders/profile.json", KnownIcpPopulation.Profile);
        File.Copy(Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"), _dir.Write("inbox/acme-marketing/2026-11.csv", ""), overwrite: true);
        _dir.Write("inbox/northwind-finance/2026-11.csv", KnownIcpPopulation.Csv(KnownIcpPopulation.People(1500, seed: 3)));
    }

    public void Dispose() => _dir.Dispose();

    private string Config(string accounts = """{ "northwind-finance": "finance-leaders" }""") =>
        _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": "{{_dir.File("data")}}", "Inbox": "{{_dir.File("inbox")}}", "Out": "{{_dir.File("out")}}", "ModelsDir": "{{_dir.File("models")}}" },
              "Profiles": { "Default": "sample", "Accounts": {{accounts}} },
              "Ingestion": { "CompanyDirectory": "" },
              "Logging": { "MinimumLevel": "Debug", "ConsoleLevel": "Warning", "File": "{{_dir.File("logs/icp-.log")}}" }
            }
            """);

    private IcpProcess.Result Icp(params string[] args) => IcpProcess.Run(_dir.Path, null, ["--config", Config(), .. args]);

    private JsonElement Pool(string account) => JsonDocument.Parse(File.ReadAllText(_dir.File($"out/{account}/2026-11/pool.json"))).RootElement;

    [Fact]
    public void EachAccountIsScoredByItsOwnProfileAndAProfileWithoutModelGetsOneFromItsCriteria()
    {
        var run = Icp("run");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("profile sample model v1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("profile finance-leaders model v1", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("sample", Pool("acme-marketing").GetProperty("profile").GetString());
        var finance = Pool("northwind-finance");
        Assert.Equal("finance-leaders", finance.GetProperty("profile").GetString());
        Assert.Equal("Finance leaders at mid-size financial firms", finance.GetProperty("profileDescription").GetString());
        Assert.StartsWith("from criteria, no labeled prospects yet", finance.GetProperty("modelOrigin").GetString(), StringComparison.Ordinal);
        using var model = JsonDocument.Parse(File.ReadAllText(_dir.File("models/finance-leaders/v1/model.json")));
        Assert.Equal("criteria", model.RootElement.GetProperty("trainedFrom").GetString());
        Assert.Equal(1500, model.RootElement.GetProperty("criteriaRows").GetInt32());
        Assert.InRange(model.RootElement.GetProperty("criteriaPositives").GetInt32(), 20, 200);
        Assert.Contains("Finance leaders at mid-size financial firms", File.ReadAllText(_dir.File("out/northwind-finance/2026-11/pool.html")), StringComparison.Ordinal);
        using var portfolio = JsonDocument.Parse(File.ReadAllText(_dir.File("out/portfolio.json")));
        Assert.Equal(["finance-leaders", "sample"], portfolio.RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("profile").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ProfileOnTheCommandLineWinsOverTheSettings()
    {
        var run = Icp("run", "--profile", "sample");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("sample", Pool("northwind-finance").GetProperty("profile").GetString());
        Assert.False(Directory.Exists(_dir.File("models/finance-leaders/v1")));
    }

    [Fact]
    public void AnUnknownProfileIsExitTwoWithOneLineNamingItsFile()
    {
        var run = Icp("run", "--profile", "nope");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.Combine(_dir.File("models"), "nope", "profile.json") + ": no such profile", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAccountRoutedToABrokenProfileFailsItsFilesAndLeavesThemWhileTheOthersGoOn()
    {
        _dir.Write("models/finance-leaders/profile.json", """{ "functions": ["Treasury"] }""");

        var run = Icp("run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("failed            northwind-finance/2026-11.csv: not scored:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("functions: \"Treasury\" is not understood", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("out/acme-marketing/2026-11/pool.json")));
        Assert.True(File.Exists(_dir.File("inbox/northwind-finance/2026-11.csv")));
        _dir.Write("models/finance-leaders/profile.json", KnownIcpPopulation.Profile);
        var again = Icp("run");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("finance-leaders", Pool("northwind-finance").GetProperty("profile").GetString());
    }

    [Fact]
    public void ChangedCriteriaTrainTheModelAgainOnTheNextRun()
    {
        Icp("run");
        File.WriteAllText(_dir.File("models/finance-leaders/profile.json"), KnownIcpPopulation.Profile.Replace("\"controller\"", "\"controller\", \"treasurer\"", StringComparison.Ordinal));
        File.AppendAllText(_dir.File("inbox/northwind-finance/2026-11.csv"), "New,Person,https://www.linkedin.com/in/new-1,,Bank X,Treasurer,06 Jan 2025,Banking,201-500\n");

        var run = Icp("run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("profile finance-leaders model v2", run.Stdout, StringComparison.Ordinal);
        using var registry = JsonDocument.Parse(File.ReadAllText(_dir.File("models/finance-leaders/registry.json")));
        Assert.Equal("v2", registry.RootElement.GetProperty("champion").GetString());
        Assert.Contains("changed criteria", registry.RootElement.GetProperty("promotions")[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileListShowCheckAndTrain()
    {
        var train = Icp("profile", "train", "finance-leaders");
        var list = Icp("profile", "list");
        var show = Icp("profile", "show", "finance-leaders");
        var check = Icp("profile", "check", "finance-leaders");

        Assert.True(train.ExitCode == 0, train.Stderr);
        Assert.Contains("profile finance-leaders, model v1", train.Stdout, StringComparison.Ordinal);
        Assert.Contains("from criteria, no labeled prospects yet (1,500 connections", train.Stdout, StringComparison.Ordinal);
        Assert.Contains("champion: v1", train.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("finance-leaders: Finance leaders at mid-size financial firms; champion v1, from criteria", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("northwind-finance (Profiles:Accounts)", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("sample (default):", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("accounts: acme-marketing", list.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("A connection is in this ICP when:", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("title words raising the score", show.Stdout, StringComparison.Ordinal);
        Assert.Matches("title words raising the score +[^\\n]*(cfo|finance)", show.Stdout);
        Assert.Matches("industries raising it +[^\\n]*(Bank|Insurance|Financial|Capital|Invest)", show.Stdout);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("profile.json: OK: 3 title keywords, 2 exclusions, 4 seniorities, 1 functions, 20 industries, 3 company sizes", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckRefusesABrokenProfileWithOneLine()
    {
        _dir.Write("models/finance-leaders/profile.json", """{ "companySizes": ["huge"] }""");

        var check = Icp("profile", "check", "finance-leaders");

        Assert.Equal(2, check.ExitCode);
        var line = Assert.Single(check.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("finance-leaders/profile.json: companySizes: \"huge\" is not one of LinkedIn's company-size buckets; accepted values: Self-employed, 1-10", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingAProfileOnLabelsCombinesThemWithTheCriteriaAndTheLabelWins()
    {
        Icp("run");
        // People say treasurers at banks are ICP, which the criteria do not say, and finance managers are not, which they do.
        var labels = string.Join('\n', ["Title,Industry,Company Size,IsIcp",
            .. Enumerable.Range(0, 30).Select(_ => "Treasurer,Banking,201-500,true"),
            .. Enumerable.Range(0, 30).Select(_ => "Finance Manager,Banking,201-500,false"),
            .. Enumerable.Range(0, 30).Select(_ => "CFO,Insurance,501-1000,true"),
            .. Enumerable.Range(0, 30).Select(_ => "Nurse,Retail,11-50,false")]) + "\n";

        var train = Icp("train", _dir.Write("labels.csv", labels), "--profile", "finance-leaders", "--promote", "always", "--json");

        Assert.True(train.ExitCode == 0, train.Stderr);
        using var result = JsonDocument.Parse(train.Stdout);
        Assert.Equal("finance-leaders", result.RootElement.GetProperty("profile").GetString());
        Assert.Equal("labels+criteria", result.RootElement.GetProperty("trainedFrom").GetString());
        // The model from criteria kept its rows; 24 held-out labels are too few to judge, and the output says so.
        Assert.True(File.Exists(_dir.File("models/finance-leaders/v1/rows.json")));
        Assert.Equal("too-few-rows", result.RootElement.GetProperty("comparison").GetProperty("verdict").GetString());
        using var model = JsonDocument.Parse(File.ReadAllText(_dir.File("models/finance-leaders/v2/model.json")));
        Assert.Equal(120, model.RootElement.GetProperty("labeledRows").GetInt32());
        Assert.Equal(IcpScoring.Profiles.CriteriaPrior.MaxRows, model.RootElement.GetProperty("criteriaRows").GetInt32());
        var score = Icp("score", _dir.Write("list.csv", "Title,Industry,Company Size\nTreasurer,Banking,201-500\nFinance Manager,Banking,201-500\n"), "--profile", "finance-leaders", "--out", _dir.File("scored.csv"));
        Assert.Equal(0, score.ExitCode);
        var rows = File.ReadAllLines(_dir.File("scored.csv"));
        Assert.Contains(",true,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",false,", rows[2], StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
