using System.Globalization;
using IcpScoring.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace IcpScoring.Tests.Faults;

/// <summary>
/// <c>icp run</c> running out of room: a small tmpfs under the output folder or the database (when
/// this machine lets the test mount one), and a file size limit (RLIMIT_FSIZE), which needs nothing.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed class DiskFullTests(CleanRun clean, ITestOutputHelper output) : IClassFixture<CleanRun>, IDisposable
{
    private const long Roomy = 64 * 1024;

    private readonly FaultScene _scene = new();
    private readonly Mounts _mounts = new();

    public void Dispose()
    {
        _mounts.Dispose();
        _scene.Dispose();
    }

    [MountTheory]
    [InlineData(0.2)]
    [InlineData(0.55)]
    [InlineData(0.9)]
    public void FullDiskUnderTheOutputFolderStopsTheRunWithNoHalfWrittenReportAndTheNextRunFinishes(double share)
    {
        var outFolder = _scene.Out("run");
        var kilobytes = (long)(clean.OutBytes * share / 1024);
        Assert.Null(_mounts.TryTmpfs(outFolder, kilobytes));

        var result = _scene.Run("run");

        Describe(kilobytes, result);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("disk full", Expect.OneLineNaming(result.Stderr, outFolder), StringComparison.Ordinal);
        Expect.NothingHalfDone(clean, outFolder, _scene.Db("run"));
        Assert.Empty(FaultScene.Leftovers(outFolder, _scene.DbFolder("run")));
        Assert.Equal(_scene.InboxContent, Pipeline.MainJobTests.Snapshot(_scene.Inbox));

        _mounts.Resize(outFolder, Roomy);
        Assert.Equal(0, _scene.Run("run").ExitCode);
        Expect.SameAsCleanRun(clean, outFolder, _scene.Db("run"));
    }

    [MountTheory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void FullDiskUnderTheDatabaseStopsTheRunWithNothingRecordedThatIsNotDoneAndTheNextRunFinishes(double share)
    {
        var kilobytes = (long)(clean.DatabaseBytes * share / 1024);
        Assert.Null(_mounts.TryTmpfs(_scene.DbFolder("run"), kilobytes));

        var result = _scene.Run("run");

        Describe(kilobytes, result);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("disk full", Expect.OneLineNaming(result.Stderr, _scene.Db("run")), StringComparison.Ordinal);
        AssertIntact(_scene.Db("run"));
        Expect.NothingHalfDone(clean, _scene.Out("run"), _scene.Db("run"));
        Assert.Empty(FaultScene.Leftovers(_scene.Out("run"), _scene.DbFolder("run")));
        Assert.Equal(_scene.InboxContent, Pipeline.MainJobTests.Snapshot(_scene.Inbox));

        _mounts.Resize(_scene.DbFolder("run"), Roomy);
        Assert.Equal(0, _scene.Run("run").ExitCode);
        Expect.SameAsCleanRun(clean, _scene.Out("run"), _scene.Db("run"));
    }

    [Theory]
    [InlineData(150)]
    [InlineData(450)]
    public void FileSizeLimitReachedByTheDatabaseStopsTheRunWithNothingRecordedThatIsNotDone(int kilobytes)
    {
        // A write past the limit fails with EFBIG instead of killing the process once SIGXFSZ is
        // ignored (an ignored signal stays ignored across exec); .NET's W^X double mapping of code
        // goes through a file that the limit would cut short too, so it is turned off.
        var result = _scene.RunThroughShell("run", $"trap '' XFSZ; ulimit -f {kilobytes}", new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0" });

        Describe(kilobytes, result);
        Assert.Equal(2, result.ExitCode);
        Expect.OneLineNaming(result.Stderr, _scene.Db("run"));
        AssertIntact(_scene.Db("run"));
        Expect.NothingHalfDone(clean, _scene.Out("run"), _scene.Db("run"));
        Assert.Empty(FaultScene.Leftovers(_scene.Out("run"), _scene.DbFolder("run")));

        Assert.Equal(0, _scene.Run("run").ExitCode);
        Expect.SameAsCleanRun(clean, _scene.Out("run"), _scene.Db("run"));
    }

    private static void AssertIntact(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
    }

    private void Describe(long kilobytes, IcpProcess.Result result)
    {
        var ledger = DatabaseContent.Read(_scene.Db("run")).Ledger.Select(l => l.Split('\t')[4]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kilobytes} KiB: exit {result.ExitCode}, ledger {string.Join(",", ledger)}, {FaultScene.Reports(_scene.Out("run")).Count} reports; {result.Stderr.Trim()}"));
    }
}
