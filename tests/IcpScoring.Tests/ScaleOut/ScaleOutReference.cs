using System.Diagnostics;
using IcpScoring.Tests.Pipeline;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.ScaleOut;

/// <summary>
/// The scale-out inbox and what one <c>icp run</c> on SQLite makes of it, computed once for all
/// the scale-out tests and only when one of them runs (they are skipped without PostgreSQL).
/// </summary>
public sealed class ScaleOutReference : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly Lazy<Result> _result;

    public ScaleOutReference() => _result = new Lazy<Result>(Compute);

    public string Inbox => _result.Value.Inbox;

    /// <summary>Every export's inbox-relative path (<c>account-001/2026-01.csv</c>).</summary>
    public IReadOnlyList<string> Files => _result.Value.Files;

    /// <summary>Every output file of the reference run, by relative path: its SHA-256.</summary>
    public SortedDictionary<string, string> Outputs => _result.Value.Outputs;

    public TimeSpan RunTime => _result.Value.RunTime;

    /// <summary>A fresh copy of the inbox for one test.</summary>
    public string CopyInbox(string target)
    {
        foreach (var file in Files)
        {
            var to = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(Inbox, file), to);
        }

        return target;
    }

    public void Dispose() => _dir.Dispose();

    private Result Compute()
    {
        var inbox = _dir.File("inbox");
        var files = ScaleOutInbox.Write(inbox);
        var config = _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": {{System.Text.Json.JsonSerializer.Serialize(_dir.File("data"))}} },
              "Ingestion": { "CompanyDirectory": {{System.Text.Json.JsonSerializer.Serialize(Repo.Path("data-samples", "companies.csv"))}} },
              "Logging": { "ConsoleLevel": "Warning", "File": {{System.Text.Json.JsonSerializer.Serialize(_dir.File("logs/icp-.log"))}} }
            }
            """);

        var clock = Stopwatch.StartNew();
        var run = IcpProcess.Run(_dir.Path, null, "--config", config, "--models-dir", Repo.Path("models"), "--db", _dir.File("reference.db"), "run", "--inbox", inbox, "--out", _dir.File("out"));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the reference icp run exited with {run.ExitCode}:\n{run.Stderr}");
        }

        return new Result(inbox, files, MainJobTests.Snapshot(_dir.File("out")), clock.Elapsed);
    }

    private sealed record Result(string Inbox, IReadOnlyList<string> Files, SortedDictionary<string, string> Outputs, TimeSpan RunTime);
}
