namespace IcpScoring.Pipeline;

/// <summary>Who holds a file in the ledger: this machine and process, so a dead holder can be recognised.</summary>
internal static class Claimant
{
    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
