using System.Text.Json;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Cli;

/// <summary>The exit codes, messages and JSON that scripts rely on (PRODUCT.md §7), on the real executable.</summary>
public sealed class CommandLineContractTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private IcpProcess.Result Icp(params string[] args) => IcpProcess.Run(_dir.Path, null, ["--config", IcpProcess.WriteConfig(_dir), .. args]);

    [Fact]
    public void InspectJsonHasExactlyTheContractKeys()
    {
        var file = _dir.Write("c.csv", Some.Export2023(Some.Row2023(), ",,,,,,21 May 2023", Some.Row2023(), Some.Row2023(first: "Bo", url: "https://www.linkedin.com/in/bo", connectedOn: "nope")));

        var result = Icp("inspect", file, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["format", "connections", "hidden", "rejected", "duplicates", "withTitle", "withIndustry", "withCompanySize", "connectedOnMin", "connectedOnMax", "rejects"], keys);
        var root = json.RootElement;
        Assert.Equal("linkedin-2023", root.GetProperty("format").GetString());
        Assert.Equal(2, root.GetProperty("connections").GetInt32());
        Assert.Equal(1, root.GetProperty("hidden").GetInt32());
        Assert.Equal(1, root.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, root.GetProperty("rejected").GetInt32());
        Assert.Equal("2023-05-21", root.GetProperty("connectedOnMin").GetString());
        var reject = root.GetProperty("rejects")[0];
        Assert.Equal(8, reject.GetProperty("line").GetInt32());
        Assert.Contains("Connected On", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InspectWithoutJsonPrintsAReadableSummary()
    {
        var file = _dir.Write("c.csv", Some.Export2023(Some.Row2023(), ",,,,,,21 May 2023"));

        var result = Icp("inspect", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("linkedin-2023", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 connections (1 hidden profiles included)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNotAnExportExitsTwoWithOneLineNamingIt()
    {
        var file = _dir.Write("notes-only.csv", "Notes:\n\"When exporting your connection data...\"\n\n");

        var result = Icp("inspect", file, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("Notes:", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("inspect", "a.csv", "--no-such-option")]
    [InlineData("no-such-command")]
    public void UsageErrorsExitTwo(params string[] args)
    {
        var result = Icp(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("icp: ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("inspect", "--help")]
    public void EveryCommandHasHelp(params string[] args)
    {
        var result = Icp(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSettingIsRefusedAtStartWithItsKey()
    {
        var config = IcpProcess.WriteConfig(_dir, ingestion: """{ "MaxFieldChars": -1 }""");
        var file = _dir.Write("c.csv", Some.Export2023(Some.Row2023()));

        var result = IcpProcess.Run(_dir.Path, null, "--config", config, "inspect", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Ingestion:MaxFieldChars", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentVariablesWithThePrefixOverrideSettings()
    {
        var file = _dir.Write("c.csv", Some.Export2023(Some.Row2023()));
        var env = new Dictionary<string, string> { ["ICP_Ingestion__MaxZipCompressionRatio"] = "1" };

        var result = IcpProcess.Run(_dir.Path, env, "--config", IcpProcess.WriteConfig(_dir), "inspect", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Ingestion:MaxZipCompressionRatio", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCompanyDirectoryIsAConfigurationErrorNamingTheFile()
    {
        var config = IcpProcess.WriteConfig(_dir, ingestion: """{ "CompanyDirectory": "no/such/companies.csv" }""");
        var file = _dir.Write("c.csv", Some.Export2023(Some.Row2023()));

        var result = IcpProcess.Run(_dir.Path, null, "--config", config, "inspect", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("companies.csv", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CompactJsonLogsOnRequest()
    {
        var log = _dir.File("logs/json.log");
        var config = IcpProcess.WriteConfig(_dir, logFile: log);
        var file = _dir.Write("c.csv", Some.Export2023(Some.Row2023()));

        var result = IcpProcess.Run(_dir.Path, null, "--config", config, "--log-json", "inspect", file);

        Assert.Equal(0, result.ExitCode);
        var lines = Directory.GetFiles(_dir.File("logs")).SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l =>
        {
            using var json = JsonDocument.Parse(l);
            Assert.True(json.RootElement.TryGetProperty("@t", out _));
        });
        Assert.Contains(lines, l => l.Contains("\"Format\":\"linkedin-2023\"", StringComparison.Ordinal));
    }

    [Fact]
    public void LogsNeverContainNamesOrEmails()
    {
        var log = _dir.File("logs/privacy.log");
        var config = IcpProcess.WriteConfig(_dir, logFile: log);
        var file = _dir.Write("c.csv", Some.Export2023(
            Some.Row2023(first: "Zebulon", last: "Quartermaine", email: "zebulon.q@example.com"),
            Some.Row2023(first: "Zebulon", last: "Quartermaine", email: "zebulon.q@example.com", connectedOn: "bad date")));

        var result = IcpProcess.Run(_dir.Path, null, "--config", config, "inspect", file);

        Assert.Equal(0, result.ExitCode);
        var logs = string.Join("\n", Directory.GetFiles(_dir.File("logs")).Select(File.ReadAllText));
        Assert.Contains("Inspected", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Zebulon", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Quartermaine", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Zebulon", result.Stderr, StringComparison.Ordinal);
    }
}
