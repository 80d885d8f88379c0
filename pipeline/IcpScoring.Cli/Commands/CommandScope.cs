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

    /// <summary>The model registry: <c>--models-dir</c>, else <c>Paths:ModelsDir</c>.</summary>
    public Model.ModelRegistry Registry(ParseResult parse, GlobalOptions globals) =>
        new(parse.GetValue(globals.ModelsDir) ?? Settings.Paths.ModelsDir);

    public void Dispose()
    {
        Loggers.Dispose();
        _serilog.Dispose();
    }
}
