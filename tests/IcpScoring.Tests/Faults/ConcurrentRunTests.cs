using System.Globalization;
using System.Text.RegularExpressions;
using IcpScoring.Tests.Support;
using Xunit.Abstractions;

namespace IcpScoring.Tests.Faults;

/// <summary>Two <c>icp run</c> processes on the same inbox, output folder and database at once.</summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed partial class ConcurrentRunTests(CleanRun clean, ITestOutputHelper output) : IClassFixture<CleanRun>, IDisposable
{
    private readonly FaultScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [GeneratedRegex(@"^(\d+) processed, (\d+) skipped, (\d+) failed", RegexOptions.Multiline)]
    private static partial Regex Totals();

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    public void TwoRunsAtOnceShareTheFilesBetweenThemAndEndWithTheOutputsOfOneCleanRun(double secondStartsAt)
    {
        // Both on the same names: the same inbox, output folder and database.
        using var first = _scene.Start("shared");
        Thread.Sleep(clean.Duration * secondStartsAt);
        using var second = _scene.Start("shared");

        var results = new[] { first.Finish(), second.Finish() };

        foreach (var r in results)
        {
            output.WriteLine(string.Join(" | ", r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith(' '))));
            Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
            Assert.Equal("", r.Stderr);
        }

        // Each file processed by exactly one of them; the other skipped it as done or as in progress elsewhere.
        var totals = results.Select(r => Totals().Match(r.Stdout)).Select(m => (Processed: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Skipped: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(6, totals.Sum(t => t.Processed));
        Assert.All(totals, t => Assert.Equal(6, t.Processed + t.Skipped));
        Expect.SameAsCleanRun(clean, _scene.Out("shared"), _scene.Db("shared"));
        Assert.Equal(_scene.InboxContent, Pipeline.MainJobTests.Snapshot(_scene.Inbox));
    }
}
