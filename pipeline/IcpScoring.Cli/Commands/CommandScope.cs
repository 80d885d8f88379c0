using System.CommandLine;
using IcpScoring.Cli.Hosting;
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

    /// <summary>The model registry: <c>--models-dir</c>, else <c>Paths:ModelsDir</c>.</summary>
    public Model.ModelRegistry Registry(ParseResult parse, GlobalOptions globals) =>
        new(parse.GetValue(globals.ModelsDir) ?? Settings.Paths.ModelsDir);

    /// <summary>The pipeline database: <c>--db</c>, else <c>Paths:Database</c>, else <c>icp.db</c> under <c>Paths:DataDir</c>.</summary>
    public string DatabasePath(ParseResult parse, GlobalOptions globals) =>
        parse.GetValue(globals.Db) ?? Settings.Paths.Database ?? Path.Combine(Settings.Paths.DataDir, "icp.db");

    /// <summary>The pipeline database, opened (snapshot rows of a PostgreSQL store wait under <c>Paths:DataDir</c>).</summary>
    public Storage.PipelineStore OpenStore(ParseResult parse, GlobalOptions globals) =>
        Storage.PipelineStore.Open(DatabasePath(parse, globals), spillFolder: Settings.Paths.DataDir);


    /// <summary>The registry's models, each loaded once: the champion, and any version drift needs.</summary>
    public Model.ModelCache Models(ParseResult parse, GlobalOptions globals) => new(Registry(parse, globals));

    public void Dispose()
    {
        Loggers.Dispose();
        _serilog.Dispose();
    }
}
