using System.Diagnostics;
using IcpScoring.Tests.Pipeline;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Cli;

/// <summary><c>icp run</c> and <c>icp ingest</c> as processes: exit codes, messages, and crashes.</summary>
[Collection(ProcessCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public RunCommandTests()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path("data-samples", "inbox"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Inbox, Path.GetRelativePath(Repo.Path("data-samples", "inbox"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Inbox => _dir.File("inbox");

    public void Dispose() => _dir.Dispose();

    private string[] Common(string db, string models) =>
    [
        "--config", IcpProcess.WriteConfig(_dir, ingestion: $$"""{ "CompanyDirectory": "{{Repo.Path("data-samples", "companies.csv")}}" }"""),
        "--db", db, "--models-dir", models,
    ];

    private IcpProcess.Result Icp(string db, string outFolder, params string[] args) =>
        IcpProcess.Run(_dir.Path, null, [.. Common(db, Repo.Path("models")), .. args, "--out", outFolder]);

    [Fact]
    public void RunReportsEveryFileAndPrintsWhereThePortfolioIs()
    {
        var result = Icp(_dir.File("icp.db"), _dir.File("out"), "run", "--inbox", Inbox);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("6 processed, 0 skipped, 0 failed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"portfolio: {_dir.File("out/index.html")}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RunExitsNonZeroWhenAFileFailedAndStillReportsTheOthers()
    {
        File.WriteAllText(Path.Combine(Inbox, "acme-marketing", "2026-12.csv"), "");

        var result = Icp(_dir.File("icp.db"), _dir.File("out"), "run", "--inbox", Inbox);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("6 processed, 0 skipped, 1 failed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("is empty", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RunFailsAFileNamedAMonthThatDoesNotExistAndExitsTwo()
    {
        Directory.CreateDirectory(Path.Combine(Inbox, "beta"));
        File.Copy(Repo.Path("data-samples", "exports", "connections-2022.csv"), Path.Combine(Inbox, "beta", "2026-13.csv"));

        var result = Icp(_dir.File("icp.db"), _dir.File("out"), "run", "--inbox", Inbox);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("6 processed, 0 skipped, 1 failed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "beta/2026-13.csv: the file name says month 2026-13, which is not a month (YYYY-MM, months 01 to 12); rename it to the month the export stands for (moved to failed/beta/2026-13.csv)",
            result.Stdout,
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out/beta")));
    }

    [Fact]
    public void RunSaysWhichMonthsItReadFromAnotherSpellingAndWhichItTookFromTheData()
    {
        Directory.CreateDirectory(Path.Combine(Inbox, "gamma"));
        File.Copy(Repo.Path("data-samples", "exports", "connections-2020.csv"), Path.Combine(Inbox, "gamma", "2026_11.csv"));
        Directory.CreateDirectory(Path.Combine(Inbox, "delta"));
        File.Copy(Repo.Path("data-samples", "exports", "connections-2022.csv"), Path.Combine(Inbox, "delta", "Connections.csv"));

        var result = Icp(_dir.File("icp.db"), _dir.File("out"), "run", "--inbox", Inbox);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("gamma 2026-11: ICP match", StringComparison.Ordinal) && l.EndsWith("; month 2026-11 read from the name 2026_11", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("delta 2022-06: ICP match", StringComparison.Ordinal)
            && l.EndsWith("; month 2022-06 taken from the newest Connected On date: name the file <account>/<YYYY-MM>.csv to choose it", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("acme-marketing 2026-11: ICP match", StringComparison.Ordinal) && l.Contains("; month", StringComparison.Ordinal));
    }

    [Fact]
    public void IngestWithoutAMonthSaysItTookTheMonthFromTheData()
    {
        var result = Icp(_dir.File("icp.db"), _dir.File("out"), "ingest", Repo.Path("data-samples", "exports", "connections-2020.csv"), "--account", "gamma");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("gamma 2020-02: ICP match", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("; month 2020-02 taken from the newest Connected On date: pass --month YYYY-MM to choose it", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RunProcessesAQuietMonthAndRefusesAnotherAccountsCopyExitingTwo()
    {
        File.Copy(Path.Combine(Inbox, "acme-marketing", "2026-11.csv"), Path.Combine(Inbox, "acme-marketing", "2026-12.csv"));
        Directory.CreateDirectory(Path.Combine(Inbox, "zeta"));
        File.Copy(Path.Combine(Inbox, "northwind-sales", "2026-11.csv"), Path.Combine(Inbox, "zeta", "2026-11.csv"));

        var result = Icp(_dir.File("icp.db"), _dir.File("out"), "run", "--inbox", Inbox);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("7 processed, 0 skipped, 1 failed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("processed         acme-marketing/2026-12.csv: ", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("out/acme-marketing/2026-12/pool.json")));
        Assert.Contains(
            "failed            zeta/2026-11.csv: same content as northwind-sales/2026-11.csv of account northwind-sales: probably uploaded to the wrong account (moved to failed/zeta/2026-11.csv)",
            result.Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAModelRunExitsTwoNamingThePathAndTheCommandThatTrainsOne()
    {
        var models = _dir.File("no-models");

        var result = IcpProcess.Run(_dir.Path, null, [.. Common(_dir.File("icp.db"), models), "run", "--inbox", Inbox, "--out", _dir.File("out")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(models, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("icp train", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void IngestWritesOneAccountsReportWithTheMonthGiven()
    {
        var file = Repo.Path("data-samples", "exports", "connections-2022.csv");

        var result = Icp(_dir.File("icp.db"), _dir.File("out"), "ingest", file, "--account", "Jane's Agency / EU", "--month", "2026-10");

        Assert.Equal(0, result.ExitCode);
        // The folder is the name made safe, with a fingerprint of the exact name (it is not already a safe name).
        var folder = Assert.Single(Directory.GetDirectories(_dir.File("out"), "jane-s-agency-eu-*"));
        Assert.True(File.Exists(Path.Combine(folder, "2026-10", "pool.json")));
    }

    [Theory]
    [InlineData("--month", "2026-13")]
    [InlineData("--month", "October")]
    public void IngestRefusesAMonthThatIsNotYearDashMonth(string option, string value)
    {
        var result = Icp(_dir.File("icp.db"), _dir.File("out"), "ingest", Repo.Path("data-samples", "exports", "connections-2022.csv"), "--account", "a", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("YYYY-MM", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void KillingTheRunAtAnyMomentAndRunningAgainGivesTheOutputsOfOneCleanRun()
    {
        Assert.Equal(0, Icp(_dir.File("clean.db"), _dir.File("clean"), "run", "--inbox", Inbox).ExitCode);
        var clean = MainJobTests.Snapshot(_dir.File("clean"));
        var rng = new Random(5);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            KillAfter(TimeSpan.FromMilliseconds(rng.Next(800, 4_000)), [.. Common(_dir.File("killed.db"), Repo.Path("models")), "run", "--inbox", Inbox, "--out", _dir.File("killed")]);
        }

        var final = Icp(_dir.File("killed.db"), _dir.File("killed"), "run", "--inbox", Inbox);

        Assert.Equal(0, final.ExitCode);
        Assert.Equal(clean, MainJobTests.Snapshot(_dir.File("killed")));
        Assert.Empty(Directory.EnumerateFiles(_dir.File("killed"), "*tmp*", SearchOption.AllDirectories));
    }

    private void KillAfter(TimeSpan delay, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "icp.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(delay))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }
}
