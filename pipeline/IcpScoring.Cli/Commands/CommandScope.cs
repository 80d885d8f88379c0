using System.CommandLine;
using IcpScoring.Cli.Hosting;
using IcpScoring.Profiles;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Cli.Commands;

/// <summary>What a command runs with: validated settings and logging, disposed when it ends.</summary>
internal sealed class CommandScope : IDisposable
{
    private readonly Serilog.Core.Logger _serilog;

    private CommandScope(IcpSettings settings, Serilog.Core.Logger serilog)
    {
        Settings = settings;
        _serilog = serilog;
        Loggers = LoggingSetup.Factory(serilog);
    }

    public IcpSettings Settings { get; }

    public Serilog.Core.Logger Serilog => _serilog;

    public ILoggerFactory Loggers { get; }

    public static CommandScope Start(ParseResult parse, GlobalOptions globals)
    {
        var settings = IcpSettings.Load(parse.GetValue(globals.Config));
        return new CommandScope(settings, LoggingSetup.CreateLogger(settings.Logging, parse.GetValue(globals.LogJson)));
    }

    /// <summary>Runs a command body, logging an unexpected failure before it reaches the exit code.</summary>
    public static int Run(ParseResult parse, GlobalOptions globals, Func<CommandScope, int> body)
    {
        using var scope = Start(parse, globals);
        try
        {
            return body(scope);
        }
        catch (Exception e) when (!IcpApp.IsBadInput(e) && e is not OperationCanceledException)
        {
            scope._serilog.Error(e, "Command {Command} failed", parse.CommandResult.Command.Name);
            throw;
        }
    }

    /// <summary>Runs an asynchronous command body (the server), logging an unexpected failure.</summary>
    public static async Task<int> RunAsync(ParseResult parse, GlobalOptions globals, Func<CommandScope, Task<int>> body)
    {
        using var scope = Start(parse, globals);
        try
        {
            return await body(scope);
        }
        catch (Exception e) when (!IcpApp.IsBadInput(e) && e is not OperationCanceledException)
        {
            scope._serilog.Error(e, "Command {Command} failed", parse.CommandResult.Command.Name);
            throw;
        }
    }

    /// <summary>
    /// The models folder (<c>--models-dir</c>, else <c>Paths:ModelsDir</c>): one folder per profile. A
    /// folder from before profiles is moved into the default profile's here, and the log says so.
    /// </summary>
    public ModelsFolder ModelsFolder(ParseResult parse, GlobalOptions globals)
    {
        var folder = Profiles.ModelsFolder.Open(parse.GetValue(globals.ModelsDir) ?? Settings.Paths.ModelsDir, Settings.Profiles.Default);
        if (folder.Migrated is { } note)
        {
            Loggers.CreateLogger("IcpScoring.Cli.Models").LogWarning("Models folder from before profiles: {Note}", note);
        }

        return folder;
    }

    /// <summary>
    /// The profile a command works on: <c>--profile</c>, which must exist; else the default one, which
    /// may not exist yet (its registry is then empty, as a new models folder's was before profiles).
    /// </summary>
    public IcpProfile Profile(ParseResult parse, GlobalOptions globals, Option<string?> option)
    {
        var folder = ModelsFolder(parse, globals);
        return parse.GetValue(option) is { } named ? folder.Get(named) : folder.GetOrNew(Settings.Profiles.Default);
    }

    /// <summary>The registry of <c>--profile</c> (else the default profile).</summary>
    public Model.ModelRegistry Registry(ParseResult parse, GlobalOptions globals, Option<string?> profile) =>
        ModelsFolder(parse, globals).GetOrNew(parse.GetValue(profile) ?? Settings.Profiles.Default).Registry;

    /// <summary>The pipeline database: <c>--db</c>, else <c>Paths:Database</c>, else <c>icp.db</c> under <c>Paths:DataDir</c>.</summary>
    public string DatabasePath(ParseResult parse, GlobalOptions globals) =>
        parse.GetValue(globals.Db) ?? Settings.Paths.Database ?? Path.Combine(Settings.Paths.DataDir, "icp.db");

    /// <summary>The pipeline database, opened (snapshot rows of a PostgreSQL store wait under <c>Paths:DataDir</c>).</summary>
    public Storage.PipelineStore OpenStore(ParseResult parse, GlobalOptions globals) =>
        Storage.PipelineStore.Open(DatabasePath(parse, globals), spillFolder: Settings.Paths.DataDir);


    /// <summary>Every profile's models, each loaded once: the champions, and any version drift needs.</summary>
    public ProfileModels Models(ParseResult parse, GlobalOptions globals) => new(ModelsFolder(parse, globals));

    /// <summary>Which profile scores each account: <paramref name="forced"/> (<c>--profile</c>), the settings, the upload page's choices in the database.</summary>
    public ProfileRouting Routing(string? forced, Storage.PipelineStore? store) =>
        new(Settings.Profiles, forced, store?.AssignedProfiles());

    public void Dispose()
    {
        Loggers.Dispose();
        _serilog.Dispose();
    }
}
