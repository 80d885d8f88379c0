using IcpScoring.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Storage;

public sealed class LedgerTests : IDisposable
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();
    private readonly StoreUnderTest _db;
    private PipelineStore _store = null!;

    public LedgerTests() => _db = new StoreUnderTest(_dir);

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    private void Use(StoreKind kind) => _store = _db.Open(kind, _clock);

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void FirstClaimInsertsAProcessingEntry(StoreKind kind)
    {
        Use(kind);
        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", "host-a:1", StaleAfter, out var entry);

        Assert.True(claimed);
        Assert.Equal(
            new LedgerEntry(1, StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", FileStatus.Processing, null, 0, 0, 0, 0, 0, null,
                StoreClock.Start, StoreClock.Start, "host-a:1"),
            entry);
        Assert.Equal(entry, _store.FindBySha(StoreSome.Sha(1)));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void UnknownShaIsNotFound(StoreKind kind)
    {
        Use(kind);
        var entry = _store.FindBySha(StoreSome.Sha(404));

        Assert.Null(entry);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void CompletedFileIsNotClaimedAgainEvenUnderAnotherPath(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1);
        _clock.Advance(TimeSpan.FromMinutes(3));
        _store.Complete(id, "v2", StoreSome.Counts);

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/copy.csv", "acme", "2026-02", "host-b:9", StaleAfter, out var entry);

        Assert.False(claimed);
        Assert.Equal(FileStatus.Done, entry.Status);
        Assert.Equal("v2", entry.ModelVersion);
        Assert.Equal(
            (120L, 110L, 4L, 7L, 3L),
            (entry.DataRows, entry.Connections, entry.Hidden, entry.Duplicates, entry.Rejected));
        Assert.Equal("inbox/acme/1.csv", entry.Path);
        Assert.Equal(StoreClock.Start.AddMinutes(3), entry.UpdatedAt);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void FailedFileIsClaimedAgainForARetry(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1, claimant: "host-a:1");
        _store.Fail(id, "unterminated quote on line 7");
        var failed = _store.FindBySha(StoreSome.Sha(1))!;
        _clock.Advance(TimeSpan.FromMinutes(1));

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var retry);

        Assert.Equal((FileStatus.Failed, "unterminated quote on line 7"), (failed.Status, failed.Error));
        Assert.True(claimed);
        Assert.Equal(id, retry.Id);
        Assert.Equal(FileStatus.Processing, retry.Status);
        Assert.Null(retry.Error);
        Assert.Equal("host-b:2", retry.ClaimedBy);
        Assert.Equal("inbox/acme/2026-02.csv", retry.Path);
        Assert.Equal(StoreClock.Start, retry.FirstSeenAt);
        Assert.Equal(StoreClock.Start.AddMinutes(1), retry.UpdatedAt);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void FileBeingProcessedByALiveClaimantIsNotClaimed(StoreKind kind)
    {
        Use(kind);
        _store.Claim(1, claimant: "host-a:1");
        _clock.Advance(StaleAfter - TimeSpan.FromSeconds(1));

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var entry);

        Assert.False(claimed);
        Assert.Equal((FileStatus.Processing, "host-a:1"), (entry.Status, entry.ClaimedBy));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void SameClaimantDoesNotClaimItsOwnFreshEntryTwice(StoreKind kind)
    {
        Use(kind);
        _store.Claim(1, claimant: "host-a:1");

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-a:1", StaleAfter, out _);

        Assert.False(claimed);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void StaleProcessingClaimIsTakenOver(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1, claimant: "host-a:1");
        _clock.Advance(StaleAfter + TimeSpan.FromSeconds(1));

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var entry);

        Assert.True(claimed);
        Assert.Equal((id, FileStatus.Processing, "host-b:2"), (entry.Id, entry.Status, entry.ClaimedBy));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void HeartbeatKeepsALongClaimFresh(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1, claimant: "host-a:1");
        for (var minute = 0; minute < 30; minute += 5)
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            _store.Heartbeat(id, "host-a:1");
        }

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var entry);

        Assert.False(claimed);
        Assert.Equal(StoreClock.Start.AddMinutes(30), entry.UpdatedAt);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void HeartbeatOfAClaimantThatWasTakenOverTellsItToStop(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1, claimant: "host-a:1");
        _clock.Advance(StaleAfter * 2);
        _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out _);

        var error = Assert.Throws<StoreException>(() => _store.Heartbeat(id, "host-a:1"));

        Assert.Contains("claimed by host-b:2, no longer by host-a:1", error.Message, StringComparison.Ordinal);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void SkippedFileIsFinalAndKeepsItsReason(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1);
        _store.MarkSkipped(id, "not an export: no title or company column");

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var entry);

        Assert.False(claimed);
        Assert.Equal((FileStatus.Skipped, "not an export: no title or company column"), (entry.Status, entry.Error));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void LedgerListsEveryFileByIdAndUnfinishedOnlyProcessingAndFailed(StoreKind kind)
    {
        Use(kind);
        var done = _store.Claim(1);
        var failed = _store.Claim(2);
        var processing = _store.Claim(3);
        var skipped = _store.Claim(4);
        _store.Complete(done, "v1", StoreSome.Counts);
        _store.Fail(failed, "boom");
        _store.MarkSkipped(skipped, "empty");

        var ledger = _store.Ledger();
        var unfinished = _store.Unfinished();

        Assert.Equal([done, failed, processing, skipped], ledger.Select(e => e.Id));
        Assert.Equal([FileStatus.Done, FileStatus.Failed, FileStatus.Processing, FileStatus.Skipped], ledger.Select(e => e.Status));
        Assert.Equal([failed, processing], unfinished.Select(e => e.Id));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void CompletingAnUnknownEntryIsABug(StoreKind kind)
    {
        Use(kind);
        var error = Record.Exception(() => _store.Complete(77, "v1", StoreSome.Counts));

        Assert.IsType<InvalidOperationException>(error);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void TwoStoresRacingForOneFileLetExactlyOneClaimIt(StoreKind kind)
    {
        Use(kind);
        using var other = _db.Reopen(_clock);
        PipelineStore[] stores = [_store, other];

        var winners = new List<int>();
        for (var round = 0; round < 20; round++)
        {
            var sha = StoreSome.Sha(round + 1);
            using var start = new Barrier(2);
            var claimed = new bool[2];
            var threads = stores.Select((store, i) => new Thread(() =>
            {
                start.SignalAndWait();
                claimed[i] = store.TryClaim(sha, "inbox/acme/2026-02.csv", "acme", "2026-02", $"host-{i}", StaleAfter, out _);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            winners.Add(claimed.Count(c => c));
        }

        Assert.All(winners, count => Assert.Equal(1, count));
        Assert.Equal(20, _store.Ledger().Count);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void FourStoresRacingToRetryOneFailedFileLetExactlyOneTakeIt(StoreKind kind)
    {
        Use(kind);
        PipelineStore[] stores = [_store, _db.Reopen(_clock), _db.Reopen(_clock), _db.Reopen(_clock)];

        var winners = new List<int>();
        for (var round = 0; round < 10; round++)
        {
            var sha = StoreSome.Sha(round + 1);
            Assert.True(_store.TryClaim(sha, "inbox/acme/2026-02.csv", "acme", "2026-02", "host-x:1", StaleAfter, out var first));
            _store.Fail(first.Id, "locked database");
            using var start = new Barrier(stores.Length);
            var claimed = new bool[stores.Length];
            var threads = stores.Select((store, i) => new Thread(() =>
            {
                start.SignalAndWait();
                claimed[i] = store.TryClaim(sha, "inbox/acme/2026-02.csv", "acme", "2026-02", $"host-{i}:1", StaleAfter, out _);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            winners.Add(claimed.Count(c => c));
        }

        Assert.All(winners, count => Assert.Equal(1, count));
        Assert.All(_store.Ledger(), e => Assert.Equal(FileStatus.Processing, e.Status));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void AClaimThisProcessLeftBehindIsTakenBackOnlyByACallerThatKnowsNobodyHereWorksOnIt(StoreKind kind)
    {
        Use(kind);
        Assert.True(_store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", Claimant.Current, StaleAfter, out var left));

        var plain = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", Claimant.Current, StaleAfter, out _);
        var orphaned = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", Claimant.Current, StaleAfter, out var taken, orphanedHere: true);
        var byOther = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", "host-b:2", StaleAfter, out _, orphanedHere: true);

        Assert.False(plain);
        Assert.True(orphaned);
        Assert.Equal((left.Id, FileStatus.Processing, Claimant.Current), (taken.Id, taken.Status, taken.ClaimedBy));
        Assert.False(byOther);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void ASnapshotOfAClaimTakenOverIsNotCommitted(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1, "host-a:1");
        using var batch = _store.BeginSnapshots(id, "v1", claimant: "host-a:1");
        batch.Add("acme", StoreSome.Row("k1"));
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(_store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out _));

        var error = Record.Exception(() => batch.Commit([new("acme", "2026-02", 1, 0, 1, 1, 1, "{}")]));

        Assert.IsType<StoreException>(error);
        Assert.Contains("no longer by host-a:1", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Snapshots());
    }
}
