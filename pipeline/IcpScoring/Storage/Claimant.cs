namespace IcpScoring.Storage;

/// <summary>Who holds a file in the ledger: this machine and process, so a dead holder can be recognised.</summary>
internal static class Claimant
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Database, string Sha256), bool> Working = new();

    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// Marks a file as worked on by the calling thread until disposed; null when another thread of
    /// this process already works on it.
    /// </summary>
    public static IDisposable? WorkOn(string database, string sha256)
    {
        var key = (database, sha256);
        return Working.TryAdd(key, true) ? new WorkingOn(key) : null;
    }

    /// <summary>
    /// Whether a claimant is a process of this machine that has ended (killed, crashed): its claim
    /// need not wait to go stale. Claimants of other machines are never judged dead here.
    /// </summary>
    public static bool IsDeadLocalProcess(string? claimant)
    {
        var parts = claimant?.Split(':');
        if (parts is not [var host, var pidText] || host != Environment.MachineName || !int.TryParse(pidText, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return false;
        }

        // A killed process whose parent went too may linger as a zombie that nobody reaps: it holds no claim.
        var stat = $"/proc/{pid}/stat";
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..].FirstOrDefault();
                return state is 'Z' or 'X';
            }
            catch (IOException)
            {
                return true;
            }
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private sealed class WorkingOn((string, string) key) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Working.TryRemove(key, out _);
            }
        }
    }
}
