using System.Diagnostics;

namespace IcpScoring.Tests.Faults;

/// <summary>
/// Small file systems and read-only folders made for a test with mount(8), which needs root and
/// CAP_SYS_ADMIN (a container may refuse it). Every mount made is undone when disposed.
/// </summary>
public sealed class Mounts : IDisposable
{
    private static readonly Lazy<string?> Probe = new(() =>
    {
        // A real attempt: a container may have the capability and still refuse mount.
        var folder = Path.Combine(Path.GetTempPath(), "icp-tests", "mount-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var mounts = new Mounts();
            return mounts.TryTmpfs(folder, 64) is { } refused ? $"this machine does not let the tests mount a file system: {refused}" : null;
        }
        finally
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                // Still mounted (lazily unmounting); temp is cleaned by the OS.
            }
        }
    });

    private readonly Stack<string> _mounted = new();

    /// <summary>Why no test can mount here, or null when they can.</summary>
    public static string? WhyNot => Probe.Value;

    /// <summary>
    /// A tmpfs of <paramref name="kilobytes"/> KiB at <paramref name="folder"/> (created if missing);
    /// null when made, else why not, for the test to say why it did not run.
    /// </summary>
    public string? TryTmpfs(string folder, long kilobytes)
    {
        Directory.CreateDirectory(folder);
        return TryMount(folder, "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", folder);
    }

    /// <summary>Gives a tmpfs made here a new size (a full disk freed).</summary>
    public void Resize(string folder, long kilobytes) =>
        Assert.Null(Mount("-o", $"remount,size={kilobytes}k", folder));

    /// <summary>The folder made read-only in place (a bind mount of itself, remounted read-only): even root cannot write to it.</summary>
    public string? TryReadOnly(string folder)
    {
        Directory.CreateDirectory(folder);
        if (TryMount(folder, "--bind", folder, folder) is { } refused)
        {
            return refused;
        }

        return Mount("-o", "remount,ro,bind", folder);
    }

    /// <summary>Undoes the last mount made at <paramref name="folder"/>.</summary>
    public void Unmount(string folder)
    {
        Assert.Equal(folder, _mounted.Peek());
        _mounted.Pop();
        Assert.Null(Run("umount", folder));
    }

    public void Dispose()
    {
        while (_mounted.TryPop(out var folder))
        {
            // Lazily, so a process still holding a file there does not keep the mount (and the test's folder) alive.
            Run("umount", "-l", folder);
        }
    }

    private string? TryMount(string folder, params string[] args)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return $"mount needs Linux and root (this is {Environment.OSVersion.Platform} as {Environment.UserName})";
        }

        var refused = Mount(args);
        if (refused is null)
        {
            _mounted.Push(folder);
        }

        return refused;
    }

    private static string? Mount(params string[] args) => Run("mount", args);

    // Null on success, else what the command said.
    private static string? Run(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            var stderr = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : $"{program} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{program} cannot be started: {e.Message}";
        }
    }
}
