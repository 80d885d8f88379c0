using System.Globalization;
using IcpScoring.Tests.Support;
using Xunit.Abstractions;

namespace IcpScoring.Tests.Faults;

/// <summary><c>icp run</c> killed with SIGKILL at random moments of its work, then run again.</summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed class KillTests(CleanRun clean, ITestOutputHelper output) : IClassFixture<CleanRun>, IDisposable
{
    private const int KillPoints = 20;

    private readonly FaultScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public void RunKilledAtAnyMomentLeavesNothingHalfDoneAndTheNextRunEndsWithTheOutputsOfOneCleanRun()
    {
        // Each kill point starts from an empty output folder and database, so the run killed has all
        // six files ahead of it: the moments cover start-up, hashing, claims, both passes, scoring,
        // rendering, publishing, the snapshot commits, the drift reports and the portfolio.
        // How long a run takes here and now (the machine is shared), measured the way the kills are.
        TimeSpan duration;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var timed = _scene.Start("timed"))
        {
            Assert.Equal(0, timed.Finish().ExitCode);
            duration = clock.Elapsed;
        }

        Expect.SameAsCleanRun(clean, _scene.Out("timed"), _scene.Db("timed"));
        var rng = new Random(20261126);
        var moments = Enumerable.Range(0, KillPoints).Select(_ => duration * rng.NextDouble()).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"a whole run: {duration.TotalMilliseconds:F0} ms"));

        for (var k = 0; k < moments.Count; k++)
        {
            var name = $"kill{k:00}";
            bool killed;
            using (var run = _scene.Start(name))
            {
                killed = run.KillAfter(moments[k]);
            }

            var state = DatabaseContent.Read(_scene.Db(name));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} at {moments[k].TotalMilliseconds,5:F0} ms: {(killed ? "killed" : "had ended")}, ledger {string.Join(",", state.Ledger.Select(l => l.Split('\t')[4]))}, "
                + $"{state.Snapshots.Count} snapshots, {state.DriftPending.Count} drift pending, {FaultScene.Reports(_scene.Out(name)).Count} reports, "
                + $"{FaultScene.Leftovers(_scene.Out(name), _scene.DbFolder(name)).Count} leftovers"));
            Expect.NothingHalfDone(clean, _scene.Out(name), _scene.Db(name));

            var again = _scene.Run(name);

            Assert.True(again.ExitCode == 0, $"{name}: the run after the kill exited {again.ExitCode}: {again.Stderr}");
            Expect.SameAsCleanRun(clean, _scene.Out(name), _scene.Db(name));
        }

        Assert.Equal(_scene.InboxContent, Pipeline.MainJobTests.Snapshot(_scene.Inbox));
    }

    [Fact]
    public void WhatAWriterKilledInAMomentTooShortToHitLeftIsRemovedByTheNextRun()
    {
        // A process that has ended, as a killed writer's id; and the names it would have left: a
        // snapshot spill killed between its creation and its unlinking (microseconds), a staging
        // folder and a temporary file killed before their rename.
        using var ended = System.Diagnostics.Process.Start("true")!;
        ended.WaitForExit();
        var writer = $"{IcpScoring.Storage.Claimant.Machine}-{ended.Id}";
        var month = Path.Combine(_scene.Out("run"), "acme-marketing", "2026-09");
        Directory.CreateDirectory(_scene.DbFolder("run"));
        File.WriteAllText(Path.Combine(_scene.DbFolder("run"), $".snapshot-spill-{Guid.NewGuid():N}-{writer}"), "rows");
        var staging = Path.Combine(month, $".staged.tmp-{Guid.NewGuid():N}-{writer}");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "pool.json"), "{\"half");
        File.WriteAllText(Path.Combine(month, $".pool.html.tmp-{Guid.NewGuid():N}-{writer}"), "<html");

        var result = _scene.Run("run");

        Assert.Equal(0, result.ExitCode);
        Expect.SameAsCleanRun(clean, _scene.Out("run"), _scene.Db("run"));
    }
}
