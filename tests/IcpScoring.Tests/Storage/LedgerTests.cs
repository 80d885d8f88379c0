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

        Assert.Equal(ClaimOutcome.Claimed, claimed);
        Assert.Equal(
            new LedgerEntry(1, StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", FileStatus.Processing, null, 0, 0, 0, 0, 0, null,
                StoreClock.Start, StoreClock.Start, "host-a:1"),
            entry);
        Assert.Equal(entry, _store.Find(StoreSome.Sha(1), "acme", "2026-02"));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void UnknownShaIsNotFound(StoreKind kind)
    {
        Use(kind);
        var entry = _store.Find(StoreSome.Sha(404), "acme", "2026-02");

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

        Assert.Equal(ClaimOutcome.AlreadyDone, claimed);
        Assert.Equal(FileStatus.Done, entry.Status);
        Assert.Equal("v2", entry.ModelVersion);
        Assert.Equal(
            (120L, 110L, 4L, 7L, 3L),
            (entry.DataRows, entry.Connections, entry.Hidden, entry.Duplicates, entry.Rejected));
        Assert.Equal("inbox/acme/1.csv", entry.Path);
        Assert.Equal(StoreClock.Start.AddMinutes(3), entry.UpdatedAt);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void TheSameContentForANewMonthOfTheSameAccountIsThatMonthsOwnFile(StoreKind kind)
    {
        Use(kind);
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(1), "acme/2026-09.csv", "acme", "2026-09", "host-a:1", StaleAfter, out var september));
        _store.Complete(september.Id, "v1", StoreSome.Counts);

        var claimed = _store.TryClaim(StoreSome.Sha(1), "acme/2026-10.csv", "acme", "2026-10", "host-b:2", StaleAfter, out var october);

        Assert.Equal(ClaimOutcome.Claimed, claimed);
        Assert.Equal((2L, "acme/2026-10.csv", "acme", "2026-10", FileStatus.Processing), (october.Id, october.Path, october.Account, october.Month, october.Status));
        Assert.Equal(FileStatus.Done, _store.Find(StoreSome.Sha(1), "acme", "2026-09")!.Status);
        Assert.Null(_store.AlreadyIngested(StoreSome.Sha(1), "acme", "2026-10"));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void TheSameContentForAnotherAccountIsRefusedNamingTheOtherAccountsFile(StoreKind kind)
    {
        Use(kind);
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(1), "acme/2026-09.csv", "acme", "2026-09", "host-a:1", StaleAfter, out var acme));
        _store.Complete(acme.Id, "v1", StoreSome.Counts);

        var claimed = _store.TryClaim(StoreSome.Sha(1), "beta/2026-09.csv", "beta", "2026-09", "host-b:2", StaleAfter, out var beta);

        Assert.Equal(ClaimOutcome.Refused, claimed);
        Assert.Equal((FileStatus.Failed, "beta/2026-09.csv", "beta"), (beta.Status, beta.Path, beta.Account));
        Assert.Equal("same content as acme/2026-09.csv of account acme: probably uploaded to the wrong account", beta.Error);
        Assert.Equal(beta, _store.Find(StoreSome.Sha(1), "beta", "2026-09"));
        Assert.Null(_store.AlreadyIngested(StoreSome.Sha(1), "beta", "2026-09"));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void AnotherAccountsContentIsRefusedWhileItIsStillBeingProcessedAndAgainOnARetry(StoreKind kind)
    {
        Use(kind);
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(1), "acme/2026-09.csv", "acme", "2026-09", "host-a:1", StaleAfter, out _));

        var first = _store.TryClaim(StoreSome.Sha(1), "beta/2026-09.csv", "beta", "2026-09", "host-b:2", StaleAfter, out _);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var again = _store.TryClaim(StoreSome.Sha(1), "beta/2026-09.csv", "beta", "2026-09", "host-b:2", StaleAfter, out var beta);

        Assert.Equal(ClaimOutcome.Refused, first);
        Assert.Equal(ClaimOutcome.Refused, again);
        Assert.Equal(FileStatus.Failed, beta.Status);
        Assert.Equal(2, _store.Ledger().Count);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void ACopyWhoseAccountOrMonthIsNotKnownIsTheSameFile(StoreKind kind)
    {
        Use(kind);
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(1), "acme/2026-09.csv", "acme", "2026-09", "host-a:1", StaleAfter, out var september));
        _store.Complete(september.Id, "v1", StoreSome.Counts);
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(2), "acme/Connections.csv", "acme", null, "host-a:1", StaleAfter, out var unnamed));
        _store.Complete(unnamed.Id, "v1", StoreSome.Counts);

        var namedWithoutMonth = _store.TryClaim(StoreSome.Sha(1), "acme/copy.csv", "acme", null, "host-b:2", StaleAfter, out var asSeptember);
        var atTheTop = _store.TryClaim(StoreSome.Sha(1), "agency.csv", null, null, "host-b:2", StaleAfter, out var atTop);
        var laterNamed = _store.TryClaim(StoreSome.Sha(2), "acme/2026-10.csv", "acme", "2026-10", "host-b:2", StaleAfter, out var asUnnamed);

        Assert.Equal((ClaimOutcome.AlreadyDone, september.Id), (namedWithoutMonth, asSeptember.Id));
        Assert.Equal((ClaimOutcome.AlreadyDone, september.Id), (atTheTop, atTop.Id));
        Assert.Equal((ClaimOutcome.AlreadyDone, unnamed.Id), (laterNamed, asUnnamed.Id));
        Assert.Equal(september.Id, _store.AlreadyIngested(StoreSome.Sha(1), null, null)!.Id);
        Assert.Equal(2, _store.Ledger().Count);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void ACopyBeingProcessedHoldsTheFilesItCannotBeToldApartFromButNotAQuietMonth(StoreKind kind)
    {
        Use(kind);
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(1), "acme/2026-09.csv", "acme", "2026-09", "host-a:1", StaleAfter, out var september));

        var unnamed = _store.TryClaim(StoreSome.Sha(1), "acme/copy.csv", "acme", null, "host-b:2", StaleAfter, out var holder);
        var october = _store.TryClaim(StoreSome.Sha(1), "acme/2026-10.csv", "acme", "2026-10", "host-b:2", StaleAfter, out _);
        _clock.Advance(StaleAfter * 2);
        var unnamedOnceStale = _store.TryClaim(StoreSome.Sha(1), "acme/copy.csv", "acme", null, "host-b:2", StaleAfter, out _);

        Assert.Equal((ClaimOutcome.Busy, september.Id, "host-a:1"), (unnamed, holder.Id, holder.ClaimedBy));
        Assert.Equal(ClaimOutcome.Claimed, october);
        Assert.Equal(ClaimOutcome.Claimed, unnamedOnceStale);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void FailedFileIsClaimedAgainForARetry(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1, claimant: "host-a:1");
        _store.Fail(id, "unterminated quote on line 7");
        var failed = _store.Find(StoreSome.Sha(1), "acme", "2026-02")!;
        _clock.Advance(TimeSpan.FromMinutes(1));

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var retry);

        Assert.Equal((FileStatus.Failed, "unterminated quote on line 7"), (failed.Status, failed.Error));
        Assert.Equal(ClaimOutcome.Claimed, claimed);
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

        Assert.Equal(ClaimOutcome.Busy, claimed);
        Assert.Equal((FileStatus.Processing, "host-a:1"), (entry.Status, entry.ClaimedBy));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void SameClaimantDoesNotClaimItsOwnFreshEntryTwice(StoreKind kind)
    {
        Use(kind);
        _store.Claim(1, claimant: "host-a:1");

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-a:1", StaleAfter, out _);

        Assert.Equal(ClaimOutcome.Busy, claimed);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void StaleProcessingClaimIsTakenOver(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1, claimant: "host-a:1");
        _clock.Advance(StaleAfter + TimeSpan.FromSeconds(1));

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var entry);

        Assert.Equal(ClaimOutcome.Claimed, claimed);
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

        Assert.Equal(ClaimOutcome.Busy, claimed);
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

        Assert.Equal(ClaimOutcome.AlreadyDone, claimed);
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
                claimed[i] = store.TryClaim(sha, "inbox/acme/2026-02.csv", "acme", "2026-02", $"host-{i}", StaleAfter, out _) == ClaimOutcome.Claimed;
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
            Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(sha, "inbox/acme/2026-02.csv", "acme", "2026-02", "host-x:1", StaleAfter, out var first));
            _store.Fail(first.Id, "locked database");
            using var start = new Barrier(stores.Length);
            var claimed = new bool[stores.Length];
            var threads = stores.Select((store, i) => new Thread(() =>
            {
                start.SignalAndWait();
                claimed[i] = store.TryClaim(sha, "inbox/acme/2026-02.csv", "acme", "2026-02", $"host-{i}:1", StaleAfter, out _) == ClaimOutcome.Claimed;
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            winners.Add(claimed.Count(c => c));
        }

        Assert.All(winners, count => Assert.Equal(1, count));
        Assert.All(_store.Ledger(), e => Assert.Equal(FileStatus.Processing, e.Status));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void FourStoresRacingForOneContentUnderTwoAccountsLetOneClaimItAndRefuseTheOther(StoreKind kind)
    {
        Use(kind);
        PipelineStore[] stores = [_store, _db.Reopen(_clock), _db.Reopen(_clock), _db.Reopen(_clock)];

        for (var round = 0; round < 10; round++)
        {
            var sha = StoreSome.Sha(round + 1);
            var claimed = Race(stores, i => stores[i].TryClaim(sha, $"{Account(i)}/2026-02.csv", Account(i), "2026-02", $"host-{i}:1", StaleAfter, out _) == ClaimOutcome.Claimed);
            var entries = _store.Ledger().Where(e => e.Sha256 == sha).ToList();

            var winner = Account(Assert.Single(claimed, c => c.Won).Index);
            Assert.Equal(2, entries.Count);
            Assert.Equal(FileStatus.Processing, entries.Single(e => e.Account == winner).Status);
            var refused = entries.Single(e => e.Account != winner);
            Assert.Equal(FileStatus.Failed, refused.Status);
            Assert.Equal($"same content as {winner}/2026-02.csv of account {winner}: probably uploaded to the wrong account", refused.Error);
        }

        static string Account(int store) => store % 2 == 0 ? "acme" : "beta";
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void FourStoresRacingForOneContentUnderTwoMonthsOfOneAccountLetOneClaimEachMonth(StoreKind kind)
    {
        Use(kind);
        PipelineStore[] stores = [_store, _db.Reopen(_clock), _db.Reopen(_clock), _db.Reopen(_clock)];

        for (var round = 0; round < 10; round++)
        {
            var sha = StoreSome.Sha(round + 1);
            var claimed = Race(stores, i => stores[i].TryClaim(sha, $"acme/{Month(i)}.csv", "acme", Month(i), $"host-{i}:1", StaleAfter, out _) == ClaimOutcome.Claimed);

            Assert.Equal(["2026-09", "2026-10"], claimed.Where(c => c.Won).Select(c => Month(c.Index)).Order(StringComparer.Ordinal));
            Assert.Equal(
                [("2026-09", FileStatus.Processing), ("2026-10", FileStatus.Processing)],
                _store.Ledger().Where(e => e.Sha256 == sha).Select(e => (e.Month!, e.Status)).Order());
        }

        static string Month(int store) => store % 2 == 0 ? "2026-09" : "2026-10";
    }

    // Every store claims at once, each on its own thread; says which won.
    private static List<(int Index, bool Won)> Race(PipelineStore[] stores, Func<int, bool> claim)
    {
        using var start = new Barrier(stores.Length);
        var won = new bool[stores.Length];
        var threads = stores.Select((_, i) => new Thread(() =>
        {
            start.SignalAndWait();
            won[i] = claim(i);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return [.. won.Select((w, i) => (i, w))];
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void AClaimThisProcessLeftBehindIsTakenBackOnlyByACallerThatKnowsNobodyHereWorksOnIt(StoreKind kind)
    {
        Use(kind);
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", Claimant.Current, StaleAfter, out var left));

        var plain = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", Claimant.Current, StaleAfter, out _);
        var orphaned = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", Claimant.Current, StaleAfter, out var taken, orphanedHere: true);
        var byOther = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", "host-b:2", StaleAfter, out _, orphanedHere: true);

        Assert.Equal(ClaimOutcome.Busy, plain);
        Assert.Equal(ClaimOutcome.Claimed, orphaned);
        Assert.Equal((left.Id, FileStatus.Processing, Claimant.Current), (taken.Id, taken.Status, taken.ClaimedBy));
        Assert.Equal(ClaimOutcome.Busy, byOther);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void ASnapshotOfAClaimTakenOverIsNotCommitted(StoreKind kind)
    {
        Use(kind);
        var id = _store.Claim(1, "host-a:1");
        using var batch = _store.BeginSnapshots(id, "v1", claimant: "host-a:1");
        batch.Add("acme", StoreSome.Row("k1"));
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out _));

        var error = Record.Exception(() => batch.Commit([new("acme", "2026-02", 1, 0, 1, 1, 1, "{}")]));

        Assert.IsType<StoreException>(error);
        Assert.Contains("no longer by host-a:1", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Snapshots());
    }
}
