using System.Diagnostics;

namespace IcpScoring.Tests.Faults;

/// <summary>
/// One uninterrupted <c>icp run</c> over the shipped inbox, the answer every faulty run must end
/// with once the fault is gone: its output folder (file by file), its database (by content), how
/// long it took and how much room it used.
/// </summary>
public sealed class CleanRun : IDisposable
{
    private readonly FaultScene _scene = new();

    public CleanRun()
    {
        var clock = Stopwatch.StartNew();
        var result = _scene.Run("clean");
        Duration = clock.Elapsed;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"the clean run failed ({result.ExitCode}): {result.Stderr}");
        }

        Reports = FaultScene.Reports(_scene.Out("clean"));
        Database = DatabaseContent.Read(_scene.Db("clean"));
        OutBytes = Directory.EnumerateFiles(_scene.Out("clean"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        DatabaseBytes = new FileInfo(_scene.Db("clean")).Length;
    }

    public TimeSpan Duration { get; }

    public SortedDictionary<string, string> Reports { get; }

    public DatabaseContent.Content Database { get; }

    public long OutBytes { get; }

    public long DatabaseBytes { get; }

    public string Out => _scene.Out("clean");

    public string DatabasePath => _scene.Db("clean");

    public void Dispose() => _scene.Dispose();
}
