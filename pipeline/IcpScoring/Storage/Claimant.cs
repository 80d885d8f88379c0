namespace IcpScoring.Storage;

/// <summary>Who holds a file in the ledger: this machine and process, so a dead holder can be recognised.</summary>
internal static class Claimant
{
    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

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
}
