using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace IcpScoring.Cli.Hosting;

/// <summary>Serilog from <see cref="LoggingOptions"/>, handed to the library as <see cref="ILoggerFactory"/>.</summary>
internal static class LoggingSetup
{
    public static Serilog.Core.Logger CreateLogger(LoggingOptions options, bool forceJson)
    {
        var json = options.Json || forceJson;
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(options.MinimumLevel)
            .Enrich.FromLogContext();

        // The console is standard error, so `--json` output on standard output stays clean.
        config = json
            ? config.WriteTo.Console(new CompactJsonFormatter(), restrictedToMinimumLevel: options.ConsoleLevel, standardErrorFromLevel: LogEventLevel.Verbose)
            : config.WriteTo.Console(restrictedToMinimumLevel: options.ConsoleLevel, outputTemplate: "[{Level:u3}] {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Verbose);

        if (!string.IsNullOrWhiteSpace(options.File))
        {
            config = json
                ? config.WriteTo.File(new CompactJsonFormatter(), options.File, rollingInterval: RollingInterval.Day, retainedFileCountLimit: options.RetainedFileCount)
                : config.WriteTo.File(options.File, rollingInterval: RollingInterval.Day, retainedFileCountLimit: options.RetainedFileCount, formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] job={JobId} file={File} {Message:lj}{NewLine}{Exception}");
        }

        return config.CreateLogger();
    }

    public static ILoggerFactory Factory(Serilog.Core.Logger logger) => LoggerFactory.Create(b => b.AddSerilog(logger, dispose: false));
}
