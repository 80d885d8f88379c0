using System.Text.Json;
using IcpScoring.Tests.Profiles;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Labeling;

/// <summary><c>icp label-queue</c>, <c>icp labels export</c> and <c>icp labels import</c> on the real executable.</summary>
public sealed class LabelsCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly string _config;

    public LabelsCommandTests()
    {
        _config = _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": "{{_dir.File("data").Replace("\\", "/", StringComparison.Ordinal)}}", "Inbox": "{{_dir.File("inbox").Replace("\\", "/", StringComparison.Ordinal)}}" },
              "Profiles": { "Accounts": { "acme": "finance-leaders" } },
              "Logging": { "MinimumLevel": "Debug", "ConsoleLevel": "Warning", "File": "{{_dir.File("logs/icp-.log").Replace("\\", "/", StringComparison.Ordinal)}}" }
            }
            """);
    }

    public void Dispose() => _dir.Dispose();

    private IcpProcess.Result Icp(params string[] args) =>
        IcpProcess.Run(_dir.Path, null, ["--config", _config, "--models-dir", _dir.File("models"), .. args]);

    private static List<string[]> Rows(string path) =>
        [.. File.ReadAllLines(path).Skip(1).Select(l => l.Split(','))];

    [Fact]
    public void ExportedLabelsRoundTripThroughIcpTrain()
    {
        var labeled = _dir.Write("labeled.csv", Labeled.Csv(300, seed: 2));
        Assert.Equal(0, Icp("train", labeled).ExitCode);

        var export = Icp("labels", "export", "--out", _dir.File("exported.csv"));
        var train = Icp("train", _dir.File("exported.csv"), "--json");
        var again = Icp("labels", "export", "--out", _dir.File("again.csv"));

        Assert.Equal(0, export.ExitCode);
        Assert.Equal(0, train.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(["Title", "Company", "Industry", "Company Size", "IsIcp"], File.ReadLines(_dir.File("exported.csv")).First().TrimStart('\uFEFF').Split(','));
        Assert.True(Rows(_dir.File("exported.csv")).Count > 20);
        Assert.Equal(Rows(_dir.File("exported.csv")).Select(r => string.Join(',', r)).Order(), Rows(_dir.File("again.csv")).Select(r => string.Join(',', r)).Order());
    }

    [Fact]
    public void TheQueueIsAcceptedByTrainOnceFilledAndNeverOffersALabeledPersonAgain()
    {
        _dir.Write("models/finance-leaders/profile.json", KnownIcpPopulation.Profile);
        var people = KnownIcpPopulation.People(600, seed: 5);
        _dir.Write("inbox/acme/2025-01.csv", KnownIcpPopulation.Csv(people));

        var first = Icp("label-queue", "--profile", "finance-leaders", "--count", "20", "--out", _dir.File("queue.csv"));
        Assert.Equal(0, first.ExitCode);
        var lines = File.ReadAllLines(_dir.File("queue.csv"));
        Assert.Equal("Title,Company,Industry,Company Size,Profile URL,Score,IsIcp", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(21, lines.Length);
        var byUrl = people.Select((p, i) => (Url: $"https://www.linkedin.com/in/known-{i}", p.IsIcp)).ToDictionary(x => x.Url, x => x.IsIcp);
        var labeledUrls = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= 10; i++)
        {
            var url = lines[i].Split(',').First(c => c.StartsWith("https://", StringComparison.Ordinal));
            labeledUrls.Add(url);
            lines[i] += byUrl[url] ? "yes" : "no";
        }

        File.WriteAllLines(_dir.File("queue.csv"), lines);

        var train = Icp("train", _dir.File("queue.csv"), "--profile", "finance-leaders", "--json");
        var second = Icp("label-queue", "--profile", "finance-leaders", "--count", "20", "--out", _dir.File("queue2.csv"));

        Assert.Equal(0, train.ExitCode);
        using var json = JsonDocument.Parse(train.Stdout);
        Assert.Equal(10, json.RootElement.GetProperty("unlabeled").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("rejected").GetInt64());
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain(File.ReadAllLines(_dir.File("queue2.csv")), l => labeledUrls.Any(u => l.Contains(u + ",", StringComparison.Ordinal)));
    }

    [Fact]
    public void ACrmFileWithoutAStatusColumnExitsTwoWithOneLineNamingTheFile()
    {
        var crm = _dir.Write("contacts.csv", "First Name,Last Name,Company Name,Job Title\nAnn,Lee,Initech,CFO\n");

        var result = Icp("labels", "import", crm);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("contacts.csv: has no status column", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ACrmImportSaysHowManyWereMatchedAndLabeled()
    {
        var crm = _dir.Write("contacts.csv", "First Name,Last Name,Company Name,Job Title,Lifecycle Stage\nAnn,Lee,Initech,CFO,customer\nBo,Ek,Initech,CTO,Unqualified\nCy,Ma,Initech,CEO,lead\n");

        var result = Icp("labels", "import", crm);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 contacts: 2 labeled for profile sample (1 ICP, 1 not ICP; 0 matched to its connections, 2 kept as prospects by their own title), 1 unlabeled", result.Stdout, StringComparison.Ordinal);
    }
}
