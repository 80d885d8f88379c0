using IcpScoring.Pipeline;

namespace IcpScoring.Tests.Faults;

/// <summary>The two states a fault may leave: nothing half-done right after it, and one clean run's outputs once it is gone and icp ran again.</summary>
public static class Expect
{
    private static readonly string[] FileReports = ["pool.json", "pool.html", "targets.csv", "rejects.csv"];

    /// <summary>
    /// Right after a fault or a kill: every report present is whole and is the clean run's (none
    /// half-written, none from a half-done file), every file the ledger calls done has its snapshot
    /// and its reports, and every snapshot is the clean run's.
    /// </summary>
    public static void NothingHalfDone(CleanRun clean, string outFolder, string database)
    {
        foreach (var (file, hash) in FaultScene.Reports(outFolder))
        {
            Assert.True(clean.Reports.TryGetValue(file, out var expected), $"{file} is not an output of a clean run");
            Assert.True(expected == hash, $"{file} differs from the clean run's");
        }

        var content = DatabaseContent.Read(database);
        foreach (var snapshot in content.Snapshots)
        {
            Assert.Contains(snapshot, clean.Database.Snapshots);
        }

        foreach (var done in content.Ledger.Select(l => l.Split('\t')).Where(l => l[4] == "done"))
        {
            Assert.Contains(string.Join('\t', done), clean.Database.Ledger);
            Assert.Contains(content.Snapshots, s => s.StartsWith($"{done[2]}\t{done[3]}\t{done[0]}\t", StringComparison.Ordinal));
            foreach (var report in FileReports)
            {
                Assert.True(File.Exists(Path.Combine(outFolder, AccountNames.Slug(done[2]), done[3], report)), $"{done[1]} is done but its {report} is missing");
            }
        }
    }

    /// <summary>
    /// The outputs of one uninterrupted run: every report byte for byte, the database by content, and
    /// no temporary file, staging folder or spill left in either folder.
    /// </summary>
    public static void SameAsCleanRun(CleanRun clean, string outFolder, string database)
    {
        Assert.Equal(clean.Reports, FaultScene.Reports(outFolder));
        var content = DatabaseContent.Read(database);
        Assert.Equal(clean.Database.Ledger, content.Ledger);
        Assert.Equal(clean.Database.Snapshots, content.Snapshots);
        Assert.Equal(clean.Database.DriftPending, content.DriftPending);
        Assert.Empty(FaultScene.Leftovers(outFolder, Path.GetDirectoryName(database)!));
    }

    /// <summary>One line on standard error, the <c>icp: PATH: …</c> of the exit-code contract.</summary>
    public static string OneLineNaming(string stderr, string path)
    {
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"icp: {path}", line, StringComparison.Ordinal);
        return line;
    }
}
