using System.Diagnostics;
using System.Security.Cryptography;
using IcpScoring.Tests.Pipeline;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Faults;

/// <summary>
/// A work folder for a fault test: a copy of the shipped inbox (six exports over two accounts), a
/// settings file, and <c>icp run</c> as a real process over it, each run with its own output folder
/// and database (<c>&lt;name&gt;/out</c>, <c>&lt;name&gt;/db/icp.db</c>).
/// </summary>
public sealed class FaultScene : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly string _config;

    public FaultScene()
    {
        var shipped = Repo.Path("data-samples", "inbox");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Inbox, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        _config = IcpProcess.WriteConfig(_dir, ingestion: $$"""{ "CompanyDirectory": "{{Repo.Path("data-samples", "companies.csv")}}" }""");
        InboxContent = MainJobTests.Snapshot(Inbox);
    }

    public string Folder => _dir.Path;

    public string Inbox => _dir.File("inbox");

    /// <summary>Every inbox file's SHA-256 when the scene was made: a fault must not move, change or lose one.</summary>
    public SortedDictionary<string, string> InboxContent { get; }

    public string Out(string name) => _dir.File(Path.Combine(name, "out"));

    public string DbFolder(string name) => _dir.File(Path.Combine(name, "db"));

    public string Db(string name) => Path.Combine(DbFolder(name), "icp.db");

    public string[] RunArgs(string name) =>
        ["--config", _config, "--models-dir", Repo.Path("models"), "--db", Db(name), "run", "--inbox", Inbox, "--out", Out(name)];

    /// <summary><c>icp run</c> for the named run, to its end.</summary>
    public IcpProcess.Result Run(string name) => IcpProcess.Run(Folder, null, RunArgs(name));

    /// <summary><c>icp run</c> for the named run, started and left running.</summary>
    public Running Start(string name) => Running.Start(Folder, "dotnet", [Path.Combine(AppContext.BaseDirectory, "icp.dll"), .. RunArgs(name)], null);

    /// <summary>
    /// <c>icp run</c> through bash, after <paramref name="shell"/> (a <c>ulimit</c>, a <c>trap</c>).
    /// </summary>
    public IcpProcess.Result RunThroughShell(string name, string shell, IReadOnlyDictionary<string, string> environment)
    {
        var command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "icp.dll") }.Concat(RunArgs(name)).Select(Quote));
        using var run = Running.Start(Folder, "bash", ["-c", $"{shell}; exec {command}"], environment);
        return run.Finish();
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Files and folders a writer left half-done: atomic writes' temporary files, staging folders, snapshot spills.</summary>
    public static IReadOnlyList<string> Leftovers(params string[] folders) =>
        [.. folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFileSystemEntries(f, "*", SearchOption.AllDirectories))
            .Where(p => IsLeftover(Path.GetFileName(p)))];

    /// <summary>A path (relative or not) with a part named like a leftover.</summary>
    public static bool HasLeftoverPart(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(IsLeftover);

    /// <summary>The output folder as relative path → SHA-256, leaving out what is inside a leftover.</summary>
    public static SortedDictionary<string, string> Reports(string folder) =>
        !Directory.Exists(folder)
            ? new(StringComparer.Ordinal)
            : new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f))
                .Where(f => !HasLeftoverPart(f))
                .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, f))))), StringComparer.Ordinal);

    private static bool IsLeftover(string name) =>
        name.Contains(".tmp-", StringComparison.Ordinal) || name.Contains(".snapshot-spill-", StringComparison.Ordinal);

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A started process whose output is collected, killed when disposed if still running.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _stdout = new();
        private readonly System.Text.StringBuilder _stderr = new();

        private Running(Process process)
        {
            _process = process;
        }

        public static Running Start(string workingDirectory, string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
        {
            var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            foreach (var (k, v) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[k] = v;
            }

            var running = new Running(Process.Start(start)!);
            running._process.OutputDataReceived += (_, e) => Append(running._stdout, e.Data);
            running._process.ErrorDataReceived += (_, e) => Append(running._stderr, e.Data);
            running._process.BeginOutputReadLine();
            running._process.BeginErrorReadLine();
            return running;
        }

        /// <summary>Waits up to <paramref name="delay"/>; SIGKILL if it is still running then. True when it was killed.</summary>
        public bool KillAfter(TimeSpan delay)
        {
            if (_process.WaitForExit(delay))
            {
                return false;
            }

            // Process.Kill is SIGKILL on Unix: no handler, no finally block, no flush runs.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            return true;
        }

        /// <summary>Waits for the end (two minutes at most, a safety net) and gives the exit code and output.</summary>
        public IcpProcess.Result Finish()
        {
            if (!_process.WaitForExit(120_000))
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException("icp did not finish in 120 s");
            }

            // The parameterless wait also waits for the output readers to reach the end of the streams.
            _process.WaitForExit();
            lock (_stdout)
            {
                lock (_stderr)
                {
                    return new IcpProcess.Result(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
                }
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static void Append(System.Text.StringBuilder to, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (to)
            {
                to.Append(line).Append('\n');
            }
        }
    }
}
