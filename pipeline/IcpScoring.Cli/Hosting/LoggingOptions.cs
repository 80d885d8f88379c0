using Serilog.Events;

namespace IcpScoring.Cli.Hosting;

/// <summary>The <c>Logging</c> section: Serilog to the console (standard error) and a rolling file.</summary>
internal sealed record LoggingOptions
{
    /// <summary>The least level written anywhere.</summary>
    public LogEventLevel MinimumLevel { get; init; } = LogEventLevel.Information;

    /// <summary>The least level written to the console; commands print their own results.</summary>
    public LogEventLevel ConsoleLevel { get; init; } = LogEventLevel.Warning;

    /// <summary>A rolling log file (one a day, the date before the extension); empty for none.</summary>
    public string? File { get; init; } = ".data/logs/icp-.log";

    /// <summary>Compact JSON (CLEF) instead of text, for log collectors.</summary>
    public bool Json { get; init; }

    public int RetainedFileCount { get; init; } = 31;

    public IEnumerable<string> Validate()
    {
        if (RetainedFileCount < 1)
        {
            yield return "Logging:RetainedFileCount must be at least 1";
        }
    }
}
