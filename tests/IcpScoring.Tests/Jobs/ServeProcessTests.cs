using System.Diagnostics;
using System.Text;
using IcpScoring.Storage;
using IcpScoring.Tests.Pipeline;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Jobs;

/// <summary>A real <c>icp serve</c> process, killed and stopped in the middle of its work.</summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed class ServeProcessTests : IDisposable
{
    private readonly TempFolder _dir = new();

    // What the servers printed, for the message of a failed wait.
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    public void Dispose() => _dir.Dispose();

    private string Config(int workers) => _dir.Write("appsettings.json", $$"""
        {
          "Paths": { "DataDir": "{{_dir.File("data")}}" },
          "Ingestion": { "CompanyDirectory": "{{Repo.Path("data-samples", "companies.csv")}}" },
          "Jobs": { "WorkerCount": {{workers}}, "InboxScanCron": "0 0 1 1 *" },
          "Logging": { "ConsoleLevel": "Warning", "File": "{{_dir.File("logs/icp-.log")}}" }
        }
        """);

    /// <summary>A server process that is killed when the test is done with it, even when the test fails.</summary>
    private sealed class Server(Process process) : IDisposable
    {
        public int ExitCode => process.ExitCode;

        public bool WaitForExit(int milliseconds) => process.WaitForExit(milliseconds);

        /// <summary>SIGTERM, and the wait for a graceful stop.</summary>
        public bool Stop(int milliseconds)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                term.WaitForExit();
            }

            return process.WaitForExit(milliseconds);
        }

        public void Kill()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            process.Dispose();
        }
    }

    private Server Serve(string config, string inbox, string outFolder, string db)
    {
        var start = IcpProcess.StartInfo(_dir.Path, ["--config", config, "--models-dir", Repo.Path("models"), "--db", db, "serve", "--inbox", inbox, "--out", outFolder, "--urls", $"http://127.0.0.1:{ServeProcess.FreePort()}"]);
        var p = Process.Start(start)!;
        p.OutputDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        p.ErrorDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        // The server has opened (and, the first time, created) the database once it says where the dashboard is.
        var server = new Server(p);
        try
        {
            WaitUntil(() => _output.Any(l => l.StartsWith("icp serve: dashboard", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the server to start");
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    private static IReadOnlyList<LedgerEntry> Ledger(string db)
    {
        if (!File.Exists(db))
        {
            return [];
        }

        using var store = PipelineStore.Open(db);
        return store.Ledger();
    }

    private void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds} s for {what}; the server printed:\n{string.Join("\n", _output.TakeLast(40))}");
            }

            Thread.Sleep(20);
        }
    }

    private string CopyInbox(string name, int copies)
    {
        var inbox = _dir.File(name);
        foreach (var file in Directory.EnumerateFiles(Repo.Path("data-samples", "inbox"), "*.csv", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Path("data-samples", "inbox"), file);
            for (var c = 0; c < copies; c++)
            {
                // Each copy is another account, with its own content (an extra newline), so nothing is a duplicate.
                var target = Path.Combine(inbox, $"copy{c}-{relative}");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, File.ReadAllText(file) + new string('\n', c));
            }
        }

        return inbox;
    }


    [Fact]
    public void AServerKilledMidBatchAndStartedAgainEndsWithTheOutputsOfOneRun()
    {
        var inbox = CopyInbox("inbox", copies: 2);
        var run = IcpProcess.Run(_dir.Path, null, "--config", Config(1), "--models-dir", Repo.Path("models"), "--db", _dir.File("run.db"), "run", "--inbox", inbox, "--out", _dir.File("run-out"));
        Assert.Equal(0, run.ExitCode);
        var db = _dir.File("serve.db");

        using (var first = Serve(Config(1), inbox, _dir.File("serve-out"), db))
        {
            WaitUntil(() => Ledger(db).Count(e => e.Status == FileStatus.Done) >= 2, TimeSpan.FromSeconds(90), "two files done");
            first.Kill();
        }

        var doneWhenKilled = Ledger(db).Count(e => e.Status == FileStatus.Done);
        using (var second = Serve(Config(2), inbox, _dir.File("serve-out"), db))
        {
            WaitUntil(() => Ledger(db) is { Count: 12 } l && l.All(e => e.Status == FileStatus.Done), TimeSpan.FromSeconds(120), "every file done");
            var expected = MainJobTests.Snapshot(_dir.File("run-out"));
            WaitUntil(() => MainJobTests.SettledEqual(expected, _dir.File("serve-out")), TimeSpan.FromSeconds(30), "the reports to settle");
            Assert.True(second.Stop(60_000), "icp serve did not stop within 60 s of SIGTERM");
        }

        Assert.InRange(doneWhenKilled, 2, 11);
        Assert.Equal(12, Ledger(db).Select(e => e.Sha256).Distinct().Count());
        Assert.Empty(Directory.EnumerateFiles(_dir.File("serve-out"), "*.tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public void AGracefulStopCancelsTheJobAndTheFileIsProcessedAfterRestart()
    {
        var inbox = _dir.File("big-inbox");
        var big = new StringBuilder(Some.NotesPreamble + Some.Header2023);
        for (var i = 0; i < 300_000; i++)
        {
            big.Append('\n').Append(Some.Row2023(first: $"F{i}", url: $"https://www.linkedin.com/in/p-{i}", position: i % 7 == 0 ? "VP Marketing" : "Engineer"));
        }

        _dir.Write("big-inbox/acme/2026-11.csv", big.ToString());
        var db = _dir.File("serve.db");

        using (var server = Serve(Config(1), inbox, _dir.File("out"), db))
        {
            WaitUntil(() => Ledger(db) is [{ Status: FileStatus.Processing }], TimeSpan.FromSeconds(120), "the file to be processing");
            Assert.True(server.Stop(90_000), "icp serve did not stop within 90 s of SIGTERM");
            Assert.Equal(0, server.ExitCode);
        }

        var stopped = Assert.Single(Ledger(db));
        Assert.Equal(FileStatus.Failed, stopped.Status);
        Assert.Contains("cancelled", stopped.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("out/acme/2026-11/pool.json")));
        Assert.True(!Directory.Exists(_dir.File("out")) || !Directory.EnumerateFiles(_dir.File("out"), "*.tmp-*", SearchOption.AllDirectories).Any());

        using (var again = Serve(Config(1), inbox, _dir.File("out"), db))
        {
            WaitUntil(() => Ledger(db) is [{ Status: FileStatus.Done }], TimeSpan.FromSeconds(180), "the file done after restart");
            again.Kill();
        }

        Assert.True(File.Exists(_dir.File("out/acme/2026-11/pool.json")));
    }
}
