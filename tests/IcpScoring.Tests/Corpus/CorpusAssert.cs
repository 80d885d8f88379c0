using System.Text.Json;

namespace IcpScoring.Tests.Corpus;

/// <summary>Runs one case of the corpus and checks its outcome.</summary>
public static class CorpusAssert
{
    public static void Outcome(CorpusCase c)
    {
        using var dir = new CaseFolder();
        var invocation = c.Arrange(dir);

        // A settings case must not even start its logger: its log file would show in the folder.
        var settings = invocation.Args.Contains("--config");
        var before = dir.Snapshot(withLogs: settings);

        var result = CorpusRun.Run(c, dir, invocation);

        switch (c.Expected)
        {
            case Refused refused:
                Assert.True(result.ExitCode == 2, $"{c.Name}: exit {result.ExitCode}, expected 2; stderr: {result.Stderr}");
                Assert.Equal("", result.Stdout);
                var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith("icp: ", line, StringComparison.Ordinal);
                foreach (var phrase in refused.Phrases.Prepend(invocation.Names))
                {
                    Assert.True(line.Contains(phrase, StringComparison.Ordinal), $"{c.Name}: “{phrase}” not in: {line}");
                }

                Assert.Equal(before, dir.Snapshot(withLogs: settings));
                break;

            case Read read:
                Assert.True(result.ExitCode == 0, $"{c.Name}: exit {result.ExitCode}, expected 0; stderr: {result.Stderr}");
                Assert.Equal("", result.Stderr);
                var train = invocation.Args.Contains("train");
                AssertCounts(read, result.Stdout, train);
                if (!train)
                {
                    Assert.Equal(before, dir.Snapshot());
                }

                break;

            default:
                throw new InvalidOperationException($"{c.Name}: unknown outcome {c.Expected}");
        }
    }

    private static void AssertCounts(Read read, string stdout, bool train)
    {
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var connections = root.GetProperty(train ? "rows" : "connections").GetInt64();
        var duplicates = train ? 0 : root.GetProperty("duplicates").GetInt64();
        var rejected = root.GetProperty("rejected").GetInt64();
        var rejects = root.GetProperty("rejects").EnumerateArray().Select(r => (Line: r.GetProperty("line").GetInt64(), Reason: r.GetProperty("reason").GetString()!)).ToList();

        Assert.Equal(read.Rejects.Select(r => r.Line), rejects.Select(r => r.Line));
        foreach (var (expected, actual) in read.Rejects.Zip(rejects))
        {
            Assert.True(actual.Reason.Contains(expected.Phrase, StringComparison.Ordinal), $"line {actual.Line}: “{expected.Phrase}” not in: {actual.Reason}");
        }

        Assert.Equal(read.Connections, connections);
        Assert.Equal(read.Duplicates, duplicates);
        Assert.Equal(read.Rejects.Length, rejected);
        if (!train)
        {
            Assert.Equal(read.Hidden, root.GetProperty("hidden").GetInt64());
        }

        // Every row the builder wrote is accounted for: none lost, none counted twice.
        Assert.Equal(read.RowsRead, connections + duplicates + rejected);
    }
}
