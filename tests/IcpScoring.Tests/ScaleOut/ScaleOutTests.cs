using System.Diagnostics;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Pipeline;
using IcpScoring.Storage;
using IcpScoring.Tests.Pipeline;
using IcpScoring.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace IcpScoring.Tests.ScaleOut;

/// <summary>
/// Three <c>icp serve --worker</c> processes on one PostgreSQL database share an inbox of 200
/// exports: each file is processed exactly once, whatever happens to a worker or to the database,
/// and the reports are those of one <c>icp run</c> on SQLite.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed class ScaleOutTests(ScaleOutReference reference, ITestOutputHelper output) : IClassFixture<ScaleOutReference>, IDisposable
{
    private const int Workers = 3;

    private static readonly TimeSpan AllDoneWithin = TimeSpan.FromMinutes(10);

    // No file finished for this long while some are left: something is stuck, say so now rather than
    // at the deadline. The slowest legitimate wait is a file of a killed worker of another machine:
    // its claim goes stale after a minute, the next inbox scan (a minute apart, its turn perhaps
    // held by the dead worker for the 60 s lock timeout) queues it again.
    private static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(4);

    private readonly TempFolder _dir = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastPhase;
    private Exception? _lastLedgerError;

    public void Dispose() => _dir.Dispose();

    [PostgresFact]
    public void ThreeWorkersProcessEveryFileOnceAndMatchOneSqliteRun()
    {
        var expected = Reference();
        using var database = new TestDatabase();
        var inbox = reference.CopyInbox(_dir.File("inbox"));
        var outFolder = _dir.File("out");

        using var fleet = StartWorkers(database, inbox, outFolder);
        WaitUntilEveryFileIsDone(fleet, database);
        WaitUntilSettled(fleet, expected, outFolder);

        AssertEveryFileProcessedOnce(fleet, inbox, Ledger(database.ConnectionString), killed: null);
        var sharing = fleet.FileJobResults().Where(r => r.Status == FileRunResult.Processed).GroupBy(r => r.Worker).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"files processed per worker: {string.Join(", ", sharing.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"))}");
        Assert.True(sharing.Count >= 2, $"one worker did all the work: {string.Join(", ", sharing.Keys)}");
        AssertNoLeftovers(fleet, inbox, outFolder);
    }

    [PostgresFact]
    public void AWorkerKilledMidBatchLeavesItsFilesToTheOthers()
    {
        var expected = Reference();
        using var database = new TestDatabase();
        var inbox = reference.CopyInbox(_dir.File("inbox"));
        var outFolder = _dir.File("out");

        using var fleet = StartWorkers(database, inbox, outFolder);
        LedgerEntry? held = null;
        fleet.WaitUntil(
            () => Ledger(database.ConnectionString) is var l && l.Count(e => e.Status == FileStatus.Done) >= 20
                && (held = l.FirstOrDefault(e => e.Status == FileStatus.Processing && fleet.ByClaimant(e.ClaimedBy) is not null)) is not null,
            TimeSpan.FromMinutes(5), "20 files done and one being processed", LedgerState(database));
        var victim = fleet.ByClaimant(held!.ClaimedBy)!;
        victim.Kill();
        Phase($"killed {victim.Name} ({victim.Claimant}) while it held {held.Path}");
        WaitUntilEveryFileIsDone(fleet, database);
        WaitUntilSettled(fleet, expected, outFolder);

        var ledger = Ledger(database.ConnectionString);
        AssertEveryFileProcessedOnce(fleet, inbox, ledger, killed: victim);
        AssertNoLeftovers(fleet, inbox, outFolder);
    }

    /// <summary>
    /// The worker killed runs as on another machine (its own process-id namespace): its claim cannot
    /// be judged dead by its process id, so the file waits until the claim is stale
    /// (<c>Jobs:StaleClaimMinutes</c>, 1 here) and is then taken over, once.
    /// </summary>
    [PostgresOtherMachineFact]
    public void AWorkerOnAnotherMachineKilledMidBatchHasItsFileTakenOverOnceItsClaimIsStale()
    {
        var expected = Reference();
        using var database = new TestDatabase();
        var inbox = reference.CopyInbox(_dir.File("inbox"));
        var outFolder = _dir.File("out");

        using var fleet = StartWorkers(database, inbox, outFolder, elsewhere: 1);
        var remote = fleet.Workers[^1];
        Assert.NotEqual(Claimant.Machine, remote.Claimant[..remote.Claimant.LastIndexOf(':')]);
        LedgerEntry? held = null;
        fleet.WaitUntil(
            () => Ledger(database.ConnectionString) is var l && l.Count(e => e.Status == FileStatus.Done) >= 20
                && (held = l.FirstOrDefault(e => e.Status == FileStatus.Processing && e.ClaimedBy == remote.Claimant)) is not null,
            TimeSpan.FromMinutes(5), $"20 files done and one being processed by {remote.Claimant}", LedgerState(database));
        remote.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        Phase($"killed {remote.Name} ({remote.Claimant}, another machine) while it held {held!.Path}");
        WaitUntilEveryFileIsDone(fleet, database);
        WaitUntilSettled(fleet, expected, outFolder, LeftBy(remote));

        var ledger = Ledger(database.ConnectionString);
        AssertEveryFileProcessedOnce(fleet, inbox, ledger, killed: remote);
        var after = ledger.Single(e => e.Sha256 == held.Sha256);
        if (after.ClaimedBy != remote.Claimant)
        {
            // Taken over: not before the claim had gone a minute without a heartbeat (the file takes under a second).
            Assert.True(after.UpdatedAt - killedAt > TimeSpan.FromSeconds(50), $"{held.Path} was finished by {after.ClaimedBy} {(after.UpdatedAt - killedAt).TotalSeconds:F0} s after the kill: its claim was not left to go stale");
            output.WriteLine($"{held.Path}: taken over by {after.ClaimedBy}, done {(after.UpdatedAt - killedAt).TotalSeconds:F0} s after the kill");
        }

        // A worker of another machine killed mid-write leaves its temporary file: not ours to judge by
        // process id, it is removed once an hour old (RegistryAtomicFilesTests); any other is a leftover.
        AssertNoLeftovers(fleet, inbox, outFolder, except: remote);
    }

    [PostgresRestartFact]
    public void TheDatabaseRestartedMidBatchWorkersReconnectAndFinish()
    {
        var expected = Reference();
        using var database = new TestDatabase();
        var inbox = reference.CopyInbox(_dir.File("inbox"));
        var outFolder = _dir.File("out");

        using var fleet = StartWorkers(database, inbox, outFolder);
        fleet.WaitUntil(() => Ledger(database.ConnectionString).Count(e => e.Status == FileStatus.Done) >= 20, TimeSpan.FromMinutes(5), "20 files done", LedgerState(database));
        PostgresServer.Restart();
        Phase("restarted PostgreSQL");
        var planted = LeaveLocksAsARestartCan(database);
        Phase($"left {planted} of Hangfire's lock rows behind, as a restart does to a lock held at that moment ({QueueState(database)})");
        WaitUntilEveryFileIsDone(fleet, database);
        WaitUntilSettled(fleet, expected, outFolder);

        AssertEveryFileProcessedOnce(fleet, inbox, Ledger(database.ConnectionString), killed: null);
        AssertNoLeftovers(fleet, inbox, outFolder);
    }

    // Hangfire.PostgreSql's distributed locks are rows, deleted by their holder when done: a restart
    // that cuts the holder's connection leaves the row behind until the lock times out. Whether the
    // restart hits one is timing; this makes it certain for the locks that files make progress
    // through: the state change of each job being processed, the scheduler that re-queues retried
    // jobs, the recurring scans and the inbox scan's turn (Hangfire.PostgreSql prefixes each
    // resource with its schema).
    private static int LeaveLocksAsARestartCan(TestDatabase database)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO hangfire.lock (resource, updatecount, acquired)
            SELECT r, 0, now() AT TIME ZONE 'UTC'
            FROM (SELECT unnest(@resources) AS r
                  UNION SELECT 'hangfire:job:' || jobid || ':state-lock' FROM hangfire.jobqueue WHERE fetchedat IS NOT NULL) locks
            ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("resources", new[] { "hangfire:locks:schedulepoller", "hangfire:recurring-jobs:lock", "hangfire:icp:inbox-scan" });
        return command.ExecuteNonQuery();
    }

    private SortedDictionary<string, string> Reference()
    {
        var outputs = reference.Outputs;
        output.WriteLine($"reference: {reference.Files.Count} exports, one icp run on SQLite took {reference.RunTime.TotalSeconds:F1} s (once for the class)");
        _clock.Restart();
        _lastPhase = TimeSpan.Zero;
        return outputs;
    }

    private WorkerFleet StartWorkers(TestDatabase database, string inbox, string outFolder, int elsewhere = 0)
    {
        var fleet = WorkerFleet.Start(_dir, database.ConnectionString, inbox, outFolder, Workers, elsewhere);
        Phase($"{Workers} workers started ({string.Join(", ", fleet.Workers.Select(w => w.Claimant))})");
        return fleet;
    }

    private void WaitUntilEveryFileIsDone(WorkerFleet fleet, TestDatabase database)
    {
        var total = reference.Files.Count;
        var done = -1;
        var lastProgress = DateTime.UtcNow;
        fleet.WaitUntil(
            () =>
            {
                var now = Ledger(database.ConnectionString).Count(e => e.Status == FileStatus.Done);
                if (now != done)
                {
                    (done, lastProgress) = (now, DateTime.UtcNow);
                }
                else if (DateTime.UtcNow - lastProgress > StalledAfter)
                {
                    throw new TimeoutException($"no file finished for {StalledAfter.TotalMinutes} min, {done} of {total} done{LedgerState(database)()}\n{fleet.Tails()}");
                }

                return done == total;
            },
            AllDoneWithin,
            $"all {total} files done",
            LedgerState(database));
        Phase($"all {total} files done");
    }

    private void WaitUntilSettled(WorkerFleet fleet, SortedDictionary<string, string> expected, string outFolder, Func<string, bool>? ignore = null)
    {
        fleet.WaitUntil(() => MainJobTests.SettledEqual(expected, outFolder, ignore), TimeSpan.FromMinutes(2), "the reports to settle equal to the reference run's", () => Difference(expected, outFolder, ignore));
        Phase("reports equal to the reference run's");
    }

    private void AssertEveryFileProcessedOnce(WorkerFleet fleet, string inbox, IReadOnlyList<LedgerEntry> ledger, WorkerFleet.Worker? killed)
    {
        var files = reference.Files;
        Assert.Equal(files.Count, ledger.Count);
        Assert.All(ledger, e => Assert.Equal(FileStatus.Done, e.Status));
        Assert.Equal(files.Count, ledger.Select(e => e.Sha256).Distinct(StringComparer.Ordinal).Count());

        var results = fleet.FileJobResults();
        output.WriteLine($"file jobs: {string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}; jobs failed and retried: {fleet.Retries()}");
        var processed = results.Where(r => r.Status == FileRunResult.Processed).ToLookup(r => r.File, StringComparer.Ordinal);
        Assert.Empty(processed.Select(g => g.Key).Except(files, StringComparer.Ordinal));
        foreach (var file in files)
        {
            var by = processed[file].Select(r => r.Worker).ToList();
            if (by.Count == 0 && killed is not null)
            {
                // Killed after the ledger marked the file done and before it logged so: done once, by the dead worker.
                var entry = ledger.Single(e => e.Sha256 == FileHashes.Sha256(Path.Combine(inbox, file)));
                Assert.True(entry.ClaimedBy == killed.Claimant, $"{file} was processed by nobody, and the ledger says {entry.ClaimedBy} finished it");
                continue;
            }

            Assert.True(by.Count == 1, $"{file} was processed {by.Count} times: by {string.Join(", ", by)}");
        }
    }

    private static void AssertNoLeftovers(WorkerFleet fleet, string inbox, string outFolder, WorkerFleet.Worker? except = null)
    {
        Assert.False(Directory.Exists(Path.Combine(inbox, "failed")), "a file was moved to failed/");

        // A live worker may still be rewriting a report (with the same content) through a temporary
        // file; only one that stays is a leftover.
        fleet.WaitUntil(() => TempFiles(outFolder, except).Count == 0, TimeSpan.FromSeconds(30), "no temporary file left in the out folder", () => $" ({string.Join(", ", TempFiles(outFolder, except))})");
    }

    private static List<string> TempFiles(string outFolder, WorkerFleet.Worker? except = null) =>
        [.. Directory.EnumerateFileSystemEntries(outFolder, "*.tmp-*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outFolder, f))
            .Where(f => except is null || !LeftBy(except)(f))];

    // Whether a path (relative to the out folder) is, or is inside, a temporary file or staging folder the worker wrote.
    private static Func<string, bool> LeftBy(WorkerFleet.Worker worker) => relative =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => AtomicFiles.IsTemporaryName(part) && AtomicFiles.WriterOf(part) == worker.Claimant);

    // A database restart or a worker opening it for the first time may fail a read: the next poll tries again.
    private IReadOnlyList<LedgerEntry> Ledger(string database)
    {
        try
        {
            using var store = PipelineStore.Open(database);
            return store.Ledger();
        }
        catch (Exception e) when (e is NpgsqlException or StoreException or InvalidOperationException)
        {
            _lastLedgerError = e;
            return [];
        }
    }

    private Func<string> LedgerState(TestDatabase database) => () =>
    {
        var byStatus = Ledger(database.ConnectionString).GroupBy(e => e.Status).Select(g => $"{g.Key} {g.Count()}");
        return $" (ledger: {string.Join(", ", byStatus)}; last ledger read error: {_lastLedgerError?.Message ?? "none"}; {QueueState(database)})";
    };

    // What Hangfire's tables say when something is stuck: jobs by state, locks held, jobs fetched.
    private static string QueueState(TestDatabase database)
    {
        try
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT 'jobs ' || coalesce((SELECT string_agg(statename || ' ' || n, ', ') FROM (SELECT coalesce(statename, '-') AS statename, count(*) AS n FROM hangfire.job GROUP BY 1 ORDER BY 1) j), 'none')
                    || '; locks ' || coalesce((SELECT string_agg(resource || ' since ' || to_char(acquired, 'HH24:MI:SS'), ', ') FROM hangfire.lock), 'none')
                    || '; fetched ' || coalesce((SELECT string_agg(queue || ':' || jobid || ' at ' || to_char(fetchedat, 'HH24:MI:SS'), ', ') FROM hangfire.jobqueue WHERE fetchedat IS NOT NULL), 'none')
                    || '; now ' || to_char(now() AT TIME ZONE 'UTC', 'HH24:MI:SS')
                """;
            return (string)command.ExecuteScalar()!;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return $"Hangfire's tables unreadable: {e.Message}";
        }
    }


    private static string Difference(SortedDictionary<string, string> expected, string folder, Func<string, bool>? ignore)
    {
        try
        {
            var actual = Directory.Exists(folder) ? new SortedDictionary<string, string>(MainJobTests.Snapshot(folder).Where(kv => ignore?.Invoke(kv.Key) != true).ToDictionary(), StringComparer.Ordinal) : [];
            var missing = expected.Keys.Except(actual.Keys, StringComparer.Ordinal).ToList();
            var extra = actual.Keys.Except(expected.Keys, StringComparer.Ordinal).ToList();
            var differ = expected.Keys.Intersect(actual.Keys, StringComparer.Ordinal).Where(k => expected[k] != actual[k]).ToList();
            return $" ({missing.Count} missing: {string.Join(", ", missing.Take(5))}; {extra.Count} extra: {string.Join(", ", extra.Take(5))}; {differ.Count} differ: {string.Join(", ", differ.Take(5))})";
        }
        catch (IOException e)
        {
            return $" ({e.Message})";
        }
    }

    // How long since the previous phase, and since the test started (after the shared reference run).
    private void Phase(string what)
    {
        var now = _clock.Elapsed;
        output.WriteLine($"+{(now - _lastPhase).TotalSeconds,6:F1} s (at {now.TotalSeconds,6:F1} s)  {what}");
        _lastPhase = now;
    }
}
