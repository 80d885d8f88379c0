using IcpScoring.Cli.Commands;
using IcpScoring.Pipeline;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Cli;

public sealed class ConsoleProgressTests
{
    [Fact]
    public void InteractiveRunsDrawABarPerFile()
    {
        var stderr = new StringWriter();
        var logs = new CollectingLoggerFactory();

        using (var progress = new ConsoleProgress(stderr, interactive: true, logs.CreateLogger("p")))
        {
            progress.Report(new FileProgress("acme/2026-11.csv", "scoring", 50, 100));
            progress.Report(new FileProgress("acme/2026-11.csv", "writing", 100, 100));
            progress.Report(new FileProgress("beta/2026-11.csv", "reading", 20_000, null));
        }

        var text = stderr.ToString();
        Assert.Contains("[###############---------------]  50%", text, StringComparison.Ordinal);
        Assert.Contains("[##############################] 100%", text, StringComparison.Ordinal);
        Assert.Contains("20,000 rows", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(logs.Messages);
    }

    [Fact]
    public void RedirectedRunsLogProgressInstead()
    {
        var stderr = new StringWriter();
        var logs = new CollectingLoggerFactory();

        using (var progress = new ConsoleProgress(stderr, interactive: false, logs.CreateLogger("p")))
        {
            progress.Report(new FileProgress("acme/2026-11.csv", "scoring", 50, 100));
        }

        Assert.Equal("", stderr.ToString());
        Assert.Contains(logs.Messages, m => m.Contains("acme/2026-11.csv: scoring 50 of 100 rows", StringComparison.Ordinal));
    }
}
