namespace IcpScoring.Storage;

/// <summary>Who holds a file in the ledger: this machine and process, so a dead holder can be recognised.</summary>
internal static class Claimant
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Database, string File), bool> Working = new();

    /// <summary>
    /// This machine, as claims and temporary file names record it: the host name and, on Linux, a
    /// tag of the boot and of the process-id namespace (<c>vm~1a2b3c4d</c>). The host name alone
    /// does not tell machines apart: cloned VMs keep the same one, and containers on one host can
    /// share it (host networking) while each has its own process ids, so one would judge the other's
    /// live process dead and take its file. Two processes have the same machine exactly when their
    /// process ids mean the same processes.
    /// </summary>
    public static string Machine { get; } = MachineIdentity();

    public static string Current { get; } = $"{Machine}:{Environment.ProcessId}";

    /// <summary>The tag of a boot (<c>/proc/sys/kernel/random/boot_id</c>) and a process-id namespace (<c>pid:[inode]</c>).</summary>
    internal static string Tag(string bootId, string pidNamespace) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{bootId.Trim()}\n{pidNamespace}")))[..8];

    private static string MachineIdentity()
    {
        var host = Environment.MachineName;
        if (!OperatingSystem.IsLinux())
        {
            return host;
        }

        try
        {
            var boot = File.ReadAllText("/proc/sys/kernel/random/boot_id");
            var pidNamespace = new FileInfo("/proc/self/ns/pid").LinkTarget;
            return boot.Trim().Length > 0 && pidNamespace is { Length: > 0 } ? $"{host}~{Tag(boot, pidNamespace)}" : host;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return host;
        }
    }

    /// <summary>
    /// Marks a file (its <see cref="LedgerIdentity"/>) as worked on by the calling thread until
    /// disposed; null when another thread of this process already works on it.
    /// </summary>
    public static IDisposable? WorkOn(string database, string identity)
    {
        var key = (database, identity);
        return Working.TryAdd(key, true) ? new WorkingOn(key) : null;
    }

    /// <summary>Whether a claimant (<c>MACHINE:PID</c>) is a process of this machine, alive or not.</summary>
    public static bool IsLocal(string claimant) => claimant.Split(':') is [var host, _] && IsThisMachine(host);

    // A bare host name is a claim or file of a version before the tag.
    private static bool IsThisMachine(string host) => host == Machine || host == Environment.MachineName;

    /// <summary>
    /// Whether a claimant is a process of this machine (<see cref="Machine"/>) that has ended
    /// (killed, crashed): its claim need not wait to go stale. Claimants of other machines are never
    /// judged dead here. A bare host name (a claim or file of a version before the tag) is this
    /// machine when it is this host's name, as it was then.
    /// </summary>
    public static bool IsDeadLocalProcess(string? claimant)
    {
        if (claimant?.Split(':') is not [var host, var pidText] || !IsThisMachine(host) || !int.TryParse(pidText, System.Globalization.CultureInfo.InvariantCulture, out var pid))
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
