using System.CommandLine;

namespace IcpScoring.Cli.Commands;

/// <summary>The options every command takes (PRODUCT.md §7).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config") { Description = "The settings file (default: ./appsettings.json, else the one beside icp)", Recursive = true };

    public Option<string?> ModelsDir { get; } = new("--models-dir") { Description = "The models folder: one folder per ICP profile, holding its profile.json and model registry (default: Paths:ModelsDir, models/)", Recursive = true };

    public Option<string?> Db { get; } = new("--db") { Description = "The pipeline database: a SQLite file path or a PostgreSQL connection string (default: a SQLite file under Paths:DataDir)", Recursive = true };

    public Option<bool> LogJson { get; } = new("--log-json") { Description = "Write logs as compact JSON (CLEF)", Recursive = true };

    /// <summary><c>--profile NAME</c>, for the commands that score or train: it wins over the settings for that command.</summary>
    public static Option<string?> Profile(string what) => new("--profile") { Description = $"The ICP profile {what} (default: Profiles:Accounts for the account, else Profiles:Default)" };

    public void AddTo(Command root)
    {
        root.Options.Add(Config);
        root.Options.Add(ModelsDir);
        root.Options.Add(Db);
        root.Options.Add(LogJson);
    }
}
