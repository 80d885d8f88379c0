using IcpScoring.Model;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Model;

public sealed class RegistryAtomicFilesTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WriteReplacesTheWholeContent()
    {
        var path = _dir.Write("report.json", "old content that is longer than the new one");

        AtomicFiles.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void WriteCreatesAMissingFolder()
    {
        var path = _dir.File(Path.Combine("reports", "2025-03", "pool.json"));

        AtomicFiles.WriteAllBytes(path, [1, 2, 3]);

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }

    [Fact]
    public void FailureMidwayKeepsTheOldContentAndLeavesNoTemporaryFile()
    {
        var path = _dir.Write("model.zip", "the model that works");
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, (byte)'x');

        var error = Assert.Throws<IOException>(() => AtomicFiles.Write(path, stream =>
        {
            for (var i = 0; i < 16; i++)
            {
                stream.Write(chunk);
            }

            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", error.Message);
        Assert.Equal("the model that works", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void FailureBeforeTheFirstWriteLeavesNoTargetAndNoTemporaryFile()
    {
        var path = _dir.File("new.json");

        Assert.Throws<InvalidOperationException>(() => AtomicFiles.Write(path, _ => throw new InvalidOperationException("bug")));

        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void TextIsUtf8WithoutAByteOrderMark()
    {
        var path = _dir.File("names.txt");

        AtomicFiles.WriteAllText(path, "Müller");

        Assert.Equal("Müller"u8.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void LeftoversOfEndedWritersAreRemovedAndLiveOnesKept()
    {
        using var ended = System.Diagnostics.Process.Start("true")!;
        ended.WaitForExit();
        var machine = IcpScoring.Storage.Claimant.Machine;
        var dead = _dir.File($".pool.json.tmp-{Guid.NewGuid():N}-{machine}-{ended.Id}");
        var live = _dir.File($".pool.json.tmp-{Guid.NewGuid():N}-{machine}-{Environment.ProcessId}");
        var elsewhere = _dir.File($".pool.json.tmp-{Guid.NewGuid():N}-another-machine-{ended.Id}");
        var sameNameElsewhere = _dir.File($".pool.json.tmp-{Guid.NewGuid():N}-{Environment.MachineName}~00000000-{ended.Id}");
        var abandonedElsewhere = _dir.File($".pool.json.tmp-{Guid.NewGuid():N}-another-machine-{ended.Id + 1}");
        var abandonedStaging = _dir.File($".staged.tmp-{Guid.NewGuid():N}-another-machine-{ended.Id + 2}");
        var unknown = _dir.File($".pool.json.tmp-{Guid.NewGuid():N}");
        foreach (var f in new[] { dead, live, elsewhere, sameNameElsewhere, unknown, abandonedElsewhere })
        {
            File.WriteAllText(f, "half");
        }

        Directory.CreateDirectory(abandonedStaging);
        File.WriteAllText(Path.Combine(abandonedStaging, "pool.json"), "half");
        var longAgo = DateTime.UtcNow - AtomicFiles.AbandonedAfter - TimeSpan.FromMinutes(5);
        File.SetLastWriteTimeUtc(abandonedElsewhere, longAgo);
        Directory.SetLastWriteTimeUtc(abandonedStaging, longAgo);
        // The live writer's own file, however old: its process id says it is alive.
        File.SetLastWriteTimeUtc(live, longAgo);

        AtomicFiles.RemoveLeftovers(_dir.Path);

        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(unknown));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(elsewhere));
        Assert.True(File.Exists(sameNameElsewhere));
        Assert.False(File.Exists(abandonedElsewhere));
        Assert.False(Directory.Exists(abandonedStaging));
        Assert.Equal($"another-machine:{ended.Id}", AtomicFiles.WriterOf(Path.GetFileName(elsewhere)));
    }
}
