using System.CommandLine;

namespace IcpScoring.Cli.Commands;

/// <summary>The options every command takes (PRODUCT.md §7).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config") { Description = "The settings file (default: ./appsettings.json, else the one beside icp)", Recursive = true };

    public Option<string?> ModelsDir { get; } = new("--models-dir") { Description = "The model registry folder (default: Paths:ModelsDir, models/)", Recursive = true };

    public Option<string?> Db { get; } = new("--db") { Description = "The pipeline database: a SQLite file path or a PostgreSQL connection string (default: a SQLite file under Paths:DataDir)", Recursive = true };

    public Option<bool> LogJson { get; } = new("--log-json") { Description = "Write logs as compact JSON (CLEF)", Recursive = true };

    public void AddTo(Command root)
    {
        root.Options.Add(Config);
        root.Options.Add(ModelsDir);
        root.Options.Add(Db);
        root.Options.Add(LogJson);
    }
}
