using System.Diagnostics;
using Npgsql;

namespace IcpScoring.Tests.Support;

/// <summary>The PostgreSQL server the tests may use, as <c>.ci/postgres.sh</c> (or the developer) names it.</summary>
public static class PostgresServer
{
    /// <summary>A connection string with the right to create and drop databases; null when unset.</summary>
    public static string? AdminConnectionString => Environment.GetEnvironmentVariable("ICP_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>A shell command that restarts the server and returns once it accepts connections; null when unset.</summary>
    public static string? RestartCommand => Environment.GetEnvironmentVariable("ICP_TEST_POSTGRES_RESTART") is { Length: > 0 } s ? s : null;

    /// <summary>
    /// Restarts the server (every open connection is cut, as in a fail-over) and forgets this
    /// process's pooled connections, which would otherwise fail once each.
    /// </summary>
    public static void Restart()
    {
        var command = RestartCommand ?? throw new InvalidOperationException("ICP_TEST_POSTGRES_RESTART is not set");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the PostgreSQL restart command did not finish in 120 s: {command}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the PostgreSQL restart command exited with {process.ExitCode}: {command}\n{stdout.Result}{stderr.Result}");
        }

        NpgsqlConnection.ClearAllPools();
    }
}
