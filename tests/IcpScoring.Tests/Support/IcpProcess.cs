using System.Diagnostics;

namespace IcpScoring.Tests.Support;

/// <summary>The real <c>icp</c> executable, run as a process the way users and scripts run it.</summary>
public static class IcpProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunUnder([], workingDirectory, environment, args);

    /// <summary>As <see cref="Run"/>, with <c>dotnet icp.dll …</c> run by another command (such as <c>unshare --pid --fork</c>).</summary>
    public static Result RunUnder(string[] wrapper, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = StartInfo(workingDirectory, args, wrapper);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("icp did not finish in 120 s");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// <c>dotnet icp.dll ARGS</c> in <paramref name="workingDirectory"/>, its output redirected; run by
    /// <paramref name="wrapper"/> (<c>COMMAND [OPTIONS...]</c>) when one is given.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, string[]? wrapper = null)
    {
        var command = (string[])[.. wrapper ?? [], "dotnet", Path.Combine(AppContext.BaseDirectory, "icp.dll"), .. args];
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Skip(1))
        {
            start.ArgumentList.Add(a);
        }

        return start;
    }

    /// <summary>A settings file for tests: no company directory, logs in the test's folder.</summary>
    public static string WriteConfig(TempFolder dir, string ingestion = "{}", string? logFile = null) =>
        dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": "{{dir.File("data").Replace("\\", "/", StringComparison.Ordinal)}}" },
              "Ingestion": {{ingestion}},
              "Logging": { "MinimumLevel": "Debug", "ConsoleLevel": "Warning", "File": "{{(logFile ?? dir.File("logs/icp-.log")).Replace("\\", "/", StringComparison.Ordinal)}}" }
            }
            """);
}
