using System.Diagnostics;
using IcpScoring.Cli;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Corpus;

/// <summary>Runs a case's command: in this process through <see cref="IcpApp.Run"/>, or as the real executable.</summary>
public static class CorpusRun
{
    /// <summary>The user an <see cref="Runner.Unprivileged"/> case runs as when the tests run as root (nobody).</summary>
    private const string Nobody = "65534";

    /// <summary>Why an unprivileged run is impossible here, or null.</summary>
    public static string? UnprivilegedUnavailable { get; } = FindUnprivilegedProblem();

    public static IcpProcess.Result Run(CorpusCase c, CaseFolder dir, Invocation invocation)
    {
        string[] args = invocation.Args.Contains("--config") ? invocation.Args : ["--config", dir.Config, .. invocation.Args];
        return c.Runner switch
        {
            Runner.InProcess => InProcess(args),
            Runner.Unprivileged when Environment.UserName == "root" => Executable(dir, args, c.Environment, invocation.Stdin, asNobody: true),
            _ => Executable(dir, args, c.Environment, invocation.Stdin, asNobody: false),
        };
    }

    private static IcpProcess.Result InProcess(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = IcpApp.Run(args, stdout, stderr);
        return new IcpProcess.Result(code, stdout.ToString(), stderr.ToString());
    }

    private static IcpProcess.Result Executable(CaseFolder dir, string[] args, IReadOnlyDictionary<string, string>? environment, string? stdin, bool asNobody)
    {
        if (stdin is null && !asNobody)
        {
            return IcpProcess.Run(dir.Path, environment, args);
        }

        var start = new ProcessStartInfo(asNobody ? "setpriv" : "dotnet")
        {
            WorkingDirectory = dir.Path,
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asNobody)
        {
            foreach (var a in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet" })
            {
                start.ArgumentList.Add(a);
            }

            // The unprivileged user writes its log where it may.
            Directory.CreateDirectory(dir.File("logs"));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir.File("logs"), (UnixFileMode)0b111_111_111);
            }
        }

        start.ArgumentList.Add(Path.Combine(asNobody ? NobodysCopy.Value : AppContext.BaseDirectory, "icp.dll"));
        if (asNobody)
        {
            // dotnet wants a home for its first-run files; nobody's is not writable.
            start.Environment["DOTNET_CLI_HOME"] = NobodysHome.Value;
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                using var input = File.OpenRead(stdin);
                input.CopyTo(p.StandardInput.BaseStream);
                p.StandardInput.Close();
            }
            catch (IOException)
            {
                // icp may stop reading early (a zip from a pipe is refused at its first bytes).
            }
        }

        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("icp did not finish in 120 s");
        }

        return new IcpProcess.Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    // The executable as nobody can reach it. A clone in a private folder (mode 700, as a home
    // directory often is) keeps nobody out of the build output: the files are then linked (or, on
    // another file system, copied) into a folder of the temporary directory that everyone may read.
    private static readonly Lazy<string> NobodysCopy = new(() =>
    {
        var bin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        if (RunsAsNobody("test", "-r", Path.Combine(bin, "icp.dll")))
        {
            return bin;
        }

        var copy = Path.Combine(Path.GetTempPath(), "icp-tests", "nobodys-bin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        if (!Succeeds("cp", "-al", bin, copy) && !Succeeds("cp", "-a", bin, copy))
        {
            throw new InvalidOperationException($"could not copy {bin} to {copy} for the unprivileged run");
        }

        Succeeds("chmod", "-R", "a+rX", copy);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Succeeds("rm", "-rf", copy);
        return copy;
    });

    private static readonly Lazy<string> NobodysHome = new(() =>
    {
        var home = Path.Combine(Path.GetTempPath(), "icp-tests", "nobodys-home");
        Directory.CreateDirectory(home);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(home, (UnixFileMode)0b111_111_111);
        }

        return home;
    });

    private static bool RunsAsNobody(params string[] command) => Succeeds("setpriv", [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", .. command]);

    private static bool Succeeds(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    private static string? FindUnprivilegedProblem()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "file permissions are tested on Linux only";
        }

        if (Environment.UserName != "root")
        {
            return null;
        }

        var setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);
        return setpriv is null ? "the tests run as root, for whom permissions do not apply, and setpriv (util-linux) is not installed to run icp as nobody" : null;
    }
}
