using System.Globalization;
using IcpScoring.Pipeline;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Cli.Commands;

/// <summary>
/// A progress bar per file on an interactive terminal (standard error), or progress in the log when
/// standard error is redirected (CI, cron, Hangfire).
/// </summary>
internal sealed partial class ConsoleProgress(TextWriter stderr, bool interactive, ILogger logger) : IProgress<FileProgress>, IDisposable
{
    private const int Width = 30;
    private string? _file;

    public void Report(FileProgress value)
    {
        if (!interactive)
        {
            LogProgress(value.File, value.Stage, value.Rows, value.TotalRows);
            return;
        }

        if (_file is not null && _file != value.File)
        {
            stderr.WriteLine();
        }

        _file = value.File;
        var share = value.TotalRows is > 0 ? Math.Clamp(value.Rows / (double)value.TotalRows.Value, 0, 1) : 0;
        var done = (int)(share * Width);
        var bar = value.TotalRows is null ? new string('.', Width) : new string('#', done) + new string('-', Width - done);
        var counts = value.TotalRows is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{value.Rows:N0}/{total:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"{value.Rows:N0} rows");
        stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{bar}] {share * 100,3:0}% {value.Stage,-8} {counts,-20} {value.File}"));
    }

    public void Dispose()
    {
        if (interactive && _file is not null)
        {
            stderr.WriteLine();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: {Stage} {Rows} of {Total} rows")]
    private partial void LogProgress(string file, string stage, long rows, long? total);
}
