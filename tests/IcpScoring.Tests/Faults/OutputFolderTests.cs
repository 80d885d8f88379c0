using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Faults;

/// <summary><c>icp run</c> with an output folder it cannot write to. Tests run as root, so permissions stop nothing: a file stands where a folder must be made, or the folder is mounted read-only.</summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed class OutputFolderTests(CleanRun clean) : IClassFixture<CleanRun>, IDisposable
{
    private readonly FaultScene _scene = new();
    private readonly Mounts _mounts = new();

    public void Dispose()
    {
        _mounts.Dispose();
        _scene.Dispose();
    }

    [Fact]
    public void OutputFolderThatIsAFileStopsTheRunBeforeAnyWorkWithOneLineNamingIt()
    {
        var outFolder = _scene.Out("run");
        Directory.CreateDirectory(Path.GetDirectoryName(outFolder)!);
        File.WriteAllText(outFolder, "not a folder");

        var result = _scene.Run("run");

        Assert.Equal(2, result.ExitCode);
        var line = Expect.OneLineNaming(result.Stderr, outFolder);
        Assert.Contains($"{outFolder} is a file, not a folder", line, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(outFolder));
        Assert.Empty(DatabaseContent.Read(_scene.Db("run")).Ledger);
        Assert.Equal(_scene.InboxContent, Pipeline.MainJobTests.Snapshot(_scene.Inbox));

        File.Delete(outFolder);
        Assert.Equal(0, _scene.Run("run").ExitCode);
        Expect.SameAsCleanRun(clean, outFolder, _scene.Db("run"));
    }

    [Fact]
    public void AccountMonthFolderThatCannotBeMadeStopsTheRunAndTheFileIsProcessedOnceItCan()
    {
        var outFolder = _scene.Out("run");
        var blocked = Path.Combine(outFolder, "acme-marketing", "2026-10");
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        File.WriteAllText(blocked, "in the way");

        var result = _scene.Run("run");

        Assert.Equal(2, result.ExitCode);
        var line = Expect.OneLineNaming(result.Stderr, outFolder);
        Assert.Contains($"{blocked} is a file, not a folder", line, StringComparison.Ordinal);
        Assert.Equal("in the way", File.ReadAllText(blocked));
        File.Delete(blocked);
        Expect.NothingHalfDone(clean, outFolder, _scene.Db("run"));
        var october = Assert.Single(DatabaseContent.Read(_scene.Db("run")).Ledger, l => l.Contains("acme-marketing/2026-10.csv", StringComparison.Ordinal));
        Assert.Equal("failed", october.Split('\t')[4]);
        Assert.Contains("processed again on the next run", october, StringComparison.Ordinal);
        Assert.DoesNotContain(FaultScene.Reports(outFolder).Keys, f => f.StartsWith(Path.Combine("acme-marketing", "2026-10"), StringComparison.Ordinal));
        Assert.Empty(FaultScene.Leftovers(outFolder, _scene.DbFolder("run")));
        Assert.Equal(_scene.InboxContent, Pipeline.MainJobTests.Snapshot(_scene.Inbox));

        Assert.Equal(0, _scene.Run("run").ExitCode);
        Expect.SameAsCleanRun(clean, outFolder, _scene.Db("run"));
    }

    [MountFact]
    public void ReadOnlyOutputFolderStopsTheRunWithOneLineAndNothingIsRecordedAsDone()
    {
        var outFolder = _scene.Out("run");
        Assert.Null(_mounts.TryReadOnly(outFolder));

        var result = _scene.Run("run");

        Assert.Equal(2, result.ExitCode);
        var line = Expect.OneLineNaming(result.Stderr, outFolder);
        Assert.Contains("read-only file system", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outFolder));
        Assert.DoesNotContain(DatabaseContent.Read(_scene.Db("run")).Ledger, l => l.Split('\t')[4] == "done");
        Assert.Equal(_scene.InboxContent, Pipeline.MainJobTests.Snapshot(_scene.Inbox));

        _mounts.Unmount(outFolder);
        Assert.Equal(0, _scene.Run("run").ExitCode);
        Expect.SameAsCleanRun(clean, outFolder, _scene.Db("run"));
    }
}
