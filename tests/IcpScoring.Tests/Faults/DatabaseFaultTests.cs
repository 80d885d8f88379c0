using IcpScoring.Storage;
using IcpScoring.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace IcpScoring.Tests.Faults;

/// <summary><c>icp run</c> against a database another process holds locked, or one that is damaged.</summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed class DatabaseFaultTests(CleanRun clean, ITestOutputHelper output) : IClassFixture<CleanRun>, IDisposable
{
    private readonly FaultScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public void DatabaseLockedByAnotherProcessStopsTheRunWithOneLineAndTouchesNothing()
    {
        var db = _scene.Db("run");
        using (PipelineStore.Open(db))
        {
        }

        IcpProcess.Result result;
        using (var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            holder.Open();
            using var exclusive = holder.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();

            // icp waits for the lock as long as its busy timeout (30 s), then gives up.
            result = _scene.Run("run");
        }

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("locked by another process", Expect.OneLineNaming(result.Stderr, db), StringComparison.Ordinal);
        Assert.Empty(FaultScene.Reports(_scene.Out("run")));
        Assert.Empty(FaultScene.Leftovers(_scene.Out("run"), _scene.DbFolder("run")));
        Assert.Empty(DatabaseContent.Read(db).Ledger);
        Assert.Equal(_scene.InboxContent, Pipeline.MainJobTests.Snapshot(_scene.Inbox));

        Assert.Equal(0, _scene.Run("run").ExitCode);
        Expect.SameAsCleanRun(clean, _scene.Out("run"), db);
    }

    [Theory]
    [InlineData("random bytes")]
    [InlineData("text")]
    [InlineData("truncated to half")]
    [InlineData("truncated to one page")]
    [InlineData("header zeroed")]
    public void DamagedDatabaseFileIsRefusedWithOneLineNamingItAndNothingIsWrittenOrMoved(string damage)
    {
        var db = _scene.Db("run");
        Directory.CreateDirectory(_scene.DbFolder("run"));
        var built = File.ReadAllBytes(clean.DatabasePath);
        byte[] bytes = damage switch
        {
            "random bytes" => RandomBytes(64 * 1024),
            "text" => "Company,Industry\nAcme,Software\n"u8.ToArray(),
            "truncated to half" => built[..(built.Length / 2)],
            "truncated to one page" => built[..4096],
            "header zeroed" => [.. new byte[100], .. built[100..]],
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        File.WriteAllBytes(db, bytes);

        var result = _scene.Run("run");

        Assert.Equal(2, result.ExitCode);
        Expect.OneLineNaming(result.Stderr, db);
        Assert.False(Directory.Exists(_scene.Out("run")));
        Assert.Equal(bytes, File.ReadAllBytes(db));
        Assert.Empty(FaultScene.Leftovers(_scene.DbFolder("run")));
        Assert.Equal(_scene.InboxContent, Pipeline.MainJobTests.Snapshot(_scene.Inbox));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void DatabaseDamagedWhereOnlySomeReadsFindItStopsTheRunAndNoReportOutlivesItsFile(double where)
    {
        // The clean run's database and reports, then a new month for one account, and garbage over
        // pages deep in the file (snapshot rows): SQLite finds it only when a statement reads there.
        var db = _scene.Db("run");
        var outFolder = _scene.Out("run");
        Directory.CreateDirectory(_scene.DbFolder("run"));
        var bytes = File.ReadAllBytes(clean.DatabasePath);
        RandomBytes(64 * 1024).CopyTo(bytes.AsSpan((int)(bytes.Length * where) & ~4095));
        File.WriteAllBytes(db, bytes);
        foreach (var file in Directory.EnumerateFiles(clean.Out, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(outFolder, Path.GetRelativePath(clean.Out, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var lines = File.ReadAllLines(Path.Combine(_scene.Inbox, "acme-marketing", "2026-11.csv"));
        File.WriteAllLines(Path.Combine(_scene.Inbox, "acme-marketing", "2026-12.csv"), lines[..^40]);

        var result = _scene.Run("run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("database is corrupt", Expect.OneLineNaming(result.Stderr, db), StringComparison.Ordinal);
        var december = Path.Combine(outFolder, "acme-marketing", "2026-12");
        var reports = Directory.Exists(december) ? Directory.GetFiles(december).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [];
        var done = DatabaseContent.Ledger(db).Any(l => l.Contains("acme-marketing/2026-12.csv\t", StringComparison.Ordinal) && l.Split('\t')[4] == "done");
        output.WriteLine($"the new month is {(done ? "done" : "not done")}; {result.Stderr.Trim()}");
        Assert.Equal(done ? ["companies.csv", "new-targets.csv", "pool.html", "pool.json", "rejects.csv", "targets.csv"] : [], reports);
        Assert.Empty(FaultScene.Leftovers(outFolder, _scene.DbFolder("run")));
        Assert.True(File.Exists(Path.Combine(_scene.Inbox, "acme-marketing", "2026-12.csv")));
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(11).NextBytes(bytes);
        return bytes;
    }
}
