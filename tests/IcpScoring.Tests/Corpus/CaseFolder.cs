using System.Globalization;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Corpus;

/// <summary>
/// The folder one case runs in: its input files, a settings file (database, models and logs inside
/// the folder; one fast trainer for <c>icp train</c>), and a way to see whether anything was written.
/// </summary>
public sealed class CaseFolder : IDisposable
{
    private readonly TempFolder _dir = new();

    public CaseFolder()
    {
        Config = _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": "{{Json(File("data"))}}", "ModelsDir": "{{Json(ModelsDir)}}" },
              "Model": { "Trainers": ["LogisticRegression"], "Folds": 3 },
              "Logging": { "MinimumLevel": "Debug", "ConsoleLevel": "Warning", "File": "{{Json(File("logs/icp-.log"))}}" }
            }
            """);
    }

    public string Path => _dir.Path;

    /// <summary>The settings file the runner passes with <c>--config</c> when the case gives none.</summary>
    public string Config { get; }

    public string ModelsDir => File("models");

    public string File(string name) => _dir.File(name);

    public string Write(string name, string text) => _dir.Write(name, text);

    public string Write(string name, byte[] bytes) => _dir.Write(name, bytes);

    /// <summary>Every file under the folder with its size and time, but the log files (which any run may write).</summary>
    public IReadOnlyList<string> Snapshot(bool withLogs = false)
    {
        var logs = File("logs");
        return [.. Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
            .Where(p => withLogs || !(p == logs || p.StartsWith(logs + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(p => new FileInfo(p) is { Exists: true } f
                ? string.Create(CultureInfo.InvariantCulture, $"{p} {f.Length} {f.LastWriteTimeUtc.Ticks}")
                : p)];
    }

    public void Dispose() => _dir.Dispose();

    private static string Json(string path) => path.Replace("\\", "/", StringComparison.Ordinal);
}
