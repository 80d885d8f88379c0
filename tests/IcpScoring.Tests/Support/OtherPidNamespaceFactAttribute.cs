using System.Diagnostics;

namespace IcpScoring.Tests.Support;

/// <summary>
/// A test that runs a process in a process-id namespace of its own (<c>unshare --pid --fork
/// --mount-proc</c>, as root), like a container on this host; skipped, saying why, where that is not allowed.
/// </summary>
public sealed class OtherPidNamespaceFactAttribute : FactAttribute
{
    public static readonly string[] Command = ["unshare", "--pid", "--fork", "--mount-proc"];

    private static readonly Lazy<string?> Refusal = new(WhyNot);

    public OtherPidNamespaceFactAttribute()
    {
        Skip = Refusal.Value;
    }

    private static string? WhyNot()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "process-id namespaces are Linux's";
        }

        try
        {
            var start = new ProcessStartInfo(Command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in Command.Skip(1).Append("true"))
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(10_000))
            {
                p.Kill();
                return "unshare did not finish in 10 s";
            }

            return p.ExitCode == 0 ? null : $"unshare --pid --fork --mount-proc is not allowed here (needs root): {stderr.Result.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"no unshare command: {e.Message}";
        }
    }
}
