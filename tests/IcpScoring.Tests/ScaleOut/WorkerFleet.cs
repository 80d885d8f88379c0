using System.Text.Json;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.ScaleOut;

/// <summary>
/// Several real <c>icp serve --worker</c> processes sharing one database, inbox and out folder,
/// as replicas on several machines would; each has its own settings, data folder and JSON log.
/// </summary>
internal sealed class WorkerFleet : IDisposable
{
    private const string FileJobFinished = "File job finished: {Status}: {Detail}";

    private readonly Worker[] _workers;

    private WorkerFleet(Worker[] workers) => _workers = workers;

    public IReadOnlyList<Worker> Workers => _workers;

    /// <summary>
    /// Starts the workers side by side (replicas start together; the first to open the database
    /// creates its tables). The last <paramref name="elsewhere"/> of them run as on another machine:
    /// each in a process-id namespace of its own (<c>unshare --pid --fork</c>, as a container would),
    /// where this machine's process ids mean nothing and its own are not ours to look up.
    /// </summary>
    public static WorkerFleet Start(TempFolder dir, string database, string inbox, string outFolder, int count, int elsewhere = 0)
    {
        var workers = new Worker?[count];
        try
        {
            Parallel.For(0, count, i => workers[i] = Worker.Start(dir, $"worker-{i + 1}", database, inbox, outFolder, otherMachine: i >= count - elsewhere));
        }
        catch
        {
            foreach (var w in workers)
            {
                w?.Dispose();
            }

            throw;
        }

        return new WorkerFleet([.. workers.Select(w => w!)]);
    }

    /// <summary>The worker whose claimant (<c>MACHINE:PID</c>, as the ledger records it) this is, if any.</summary>
    public Worker? ByClaimant(string? claimant) => _workers.FirstOrDefault(w => w.Claimant == claimant);

    /// <summary>Every file job that finished, from every worker's log.</summary>
    public IReadOnlyList<FileJobResult> FileJobResults() => [.. _workers.SelectMany(w => w.FileJobResults())];

    /// <summary>How many times a job failed and was put back for a retry, over every worker.</summary>
    public int Retries() => _workers.Sum(w => w.Retries());

    /// <summary>Polls until the condition holds; fails when it times out or when a worker not killed on purpose has exited.</summary>
    public void WaitUntil(Func<bool> condition, TimeSpan timeout, string what, Func<string>? state = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (_workers.FirstOrDefault(w => w.Process.HasExited && !w.Killed) is { } dead)
            {
                // Already dead: this only reaps it, so that what it printed last is all in the message.
                dead.Process.Kill();
                throw new InvalidOperationException($"{dead.Name} exited while waiting for {what}{state?.Invoke()}\n{Tails()}");
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds} s for {what}{state?.Invoke()}\n{Tails()}");
            }

            Thread.Sleep(250);
        }
    }

    public string Tails() => string.Join("\n", _workers.Select(w => $"{w.Name} (pid {w.Process.Id}) printed:\n{string.Join("\n", w.Process.Output.TakeLast(20))}"));

    public void Dispose()
    {
        foreach (var w in _workers)
        {
            w.Dispose();
        }
    }

    /// <summary>What one worker's log says a file job ended with (<see cref="IcpScoring.Pipeline.FileRunResult"/>'s status).</summary>
    internal sealed record FileJobResult(string Worker, string File, string Status);

    internal sealed class Worker : IDisposable
    {
        private Worker(string name, ServeProcess process, string logs, string claimant)
        {
            Name = name;
            Process = process;
            Logs = logs;
            Claimant = claimant;
        }

        public string Name { get; }

        public ServeProcess Process { get; }

        public string Logs { get; }

        /// <summary>Who the worker is in the ledger and in Hangfire, as its start line says (<c>MACHINE:PID</c>).</summary>
        public string Claimant { get; }

        public bool Killed { get; private set; }

        public static Worker Start(TempFolder dir, string name, string database, string inbox, string outFolder, bool otherMachine = false)
        {
            var home = dir.File(name);
            var logs = Path.Combine(home, "logs");
            var config = dir.Write($"{name}/appsettings.json", $$"""
                {
                  "Paths": { "DataDir": {{Json(Path.Combine(home, "data"))}} },
                  "Ingestion": { "CompanyDirectory": {{Json(Repo.Path("data-samples", "companies.csv"))}} },
                  "Jobs": {
                    "WorkerCount": 2,
                    "InboxScanCron": "* * * * *",
                    "InvisibilityTimeoutSeconds": 30,
                    "StaleClaimMinutes": 1,
                    "QueuePollSeconds": 1
                  },
                  "Logging": { "MinimumLevel": "Information", "ConsoleLevel": "Warning", "Json": true, "File": {{Json(Path.Combine(logs, "icp-.log"))}} }
                }
                """);
            // Killing unshare (SIGKILL) kills the worker it forked too, as killing a container does.
            string[] under = otherMachine ? [.. OtherPidNamespaceFactAttribute.Command, "--kill-child=SIGKILL"] : [];
            var process = ServeProcess.StartUnder(under, home, config, Repo.Path("models"), database, inbox, outFolder, "--worker");
            const string Named = "; this server is ";
            var started = process.Output.FirstOrDefault(l => l.StartsWith("icp serve: worker", StringComparison.Ordinal));
            if (started is null || started.IndexOf(Named, StringComparison.Ordinal) is var at && at < 0)
            {
                process.Dispose();
                throw new InvalidOperationException($"{name} did not start as a worker; it printed:\n{string.Join("\n", process.Output)}");
            }

            var claimant = started[(at + Named.Length)..].Split(' ')[0];
            return new Worker(name, process, logs, claimant);
        }

        /// <summary>SIGKILL: the worker dies with whatever it holds (a claimed file, a fetched job).</summary>
        public void Kill()
        {
            Killed = true;
            Process.Kill();
        }

        public IEnumerable<FileJobResult> FileJobResults() =>
            LogEvents(e => e.TryGetProperty("@mt", out var template) && template.GetString() == FileJobFinished)
                .Select(e => new FileJobResult(Name, e.GetProperty("File").GetString()!, e.GetProperty("Status").GetString()!));

        /// <summary>How many times a job of this worker failed and was put back for a retry.</summary>
        public int Retries() =>
            LogEvents(e => e.TryGetProperty("SourceContext", out var source) && source.GetString() == "Hangfire.AutomaticRetryAttribute").Count();

        private IEnumerable<JsonElement> LogEvents(Func<JsonElement, bool> wanted)
        {
            if (!Directory.Exists(Logs))
            {
                yield break;
            }

            foreach (var file in Directory.EnumerateFiles(Logs, "icp-*.log").Order(StringComparer.Ordinal))
            {
                string text;
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                using (var reader = new StreamReader(stream))
                {
                    text = reader.ReadToEnd();
                }

                // A worker killed in the middle of a write leaves a partial last line: only whole lines count.
                foreach (var line in text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    using var json = JsonDocument.Parse(line);
                    if (wanted(json.RootElement))
                    {
                        yield return json.RootElement.Clone();
                    }
                }
            }
        }

        public void Dispose() => Process.Dispose();

        private static string Json(string value) => JsonSerializer.Serialize(value);
    }
}
