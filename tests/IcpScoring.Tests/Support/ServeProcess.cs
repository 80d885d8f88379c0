using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IcpScoring.Tests.Support;

/// <summary>
/// A real <c>icp serve</c> on a free loopback port, killed when the test is done with it (even
/// when the test fails), with what it printed kept for the message of a failed wait.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public IEnumerable<string> Output => _output;

    /// <summary>The process id (of the wrapper, when started under one).</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>icp --config CONFIG --models-dir MODELS --db DB serve --inbox INBOX --out OUT [EXTRA...]</c> and waits until it listens.</summary>
    public static ServeProcess Start(string workingDirectory, string config, string models, string db, string inbox, string outFolder, params string[] extra) =>
        StartUnder([], workingDirectory, config, models, db, inbox, outFolder, extra);

    /// <summary>As <see cref="Start"/>, with <c>dotnet icp.dll …</c> run by another command (such as <c>unshare --pid --fork</c>).</summary>
    public static ServeProcess StartUnder(string[] wrapper, string workingDirectory, string config, string models, string db, string inbox, string outFolder, params string[] extra)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = IcpProcess.StartInfo(workingDirectory, ["--config", config, "--models-dir", models, "--db", db, "serve", "--inbox", inbox, "--out", outFolder, "--urls", address.ToString().TrimEnd('/'), .. extra], wrapper);
        var server = new ServeProcess(Process.Start(start)!, address);
        server._process.OutputDataReceived += (_, e) => server._output.Enqueue(e.Data ?? "");
        server._process.ErrorDataReceived += (_, e) => server._output.Enqueue(e.Data ?? "");
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            server.WaitUntil(() => server._output.Any(l => l.StartsWith("icp serve: ", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the server to start");
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    public void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (_process.HasExited)
            {
                // Waiting for the exit drains the redirected output: what it printed last (often why) is in the message.
                _process.WaitForExit();
                throw new TimeoutException($"the server exited with {_process.ExitCode} while waiting for {what}; it printed:\n{string.Join("\n", _output.TakeLast(40))}");
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds} s for {what}; the server printed:\n{string.Join("\n", _output.TakeLast(40))}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>SIGKILL, as a crash or an out-of-memory kill would: no shutdown, no cleanup.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
