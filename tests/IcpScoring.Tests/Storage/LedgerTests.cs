using IcpScoring.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Storage;

public sealed class LedgerTests : IDisposable
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();
    private readonly PipelineStore _store;

    public LedgerTests() => _store = PipelineStore.Open(_dir.File("icp.db"), _clock);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void FirstClaimInsertsAProcessingEntry()
    {
        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", "host-a:1", StaleAfter, out var entry);

        Assert.True(claimed);
        Assert.Equal(
            new LedgerEntry(1, StoreSome.Sha(1), "inbox/acme/2026-02.csv", "acme", "2026-02", FileStatus.Processing, null, 0, 0, 0, 0, 0, null,
                StoreClock.Start, StoreClock.Start, "host-a:1"),
            entry);
        Assert.Equal(entry, _store.FindBySha(StoreSome.Sha(1)));
    }

    [Fact]
    public void UnknownShaIsNotFound()
    {
        var entry = _store.FindBySha(StoreSome.Sha(404));

        Assert.Null(entry);
    }

    [Fact]
    public void CompletedFileIsNotClaimedAgainEvenUnderAnotherPath()
    {
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

    [Fact]
    public void FailedFileIsClaimedAgainForARetry()
    {
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

    [Fact]
    public void FileBeingProcessedByALiveClaimantIsNotClaimed()
    {
        _store.Claim(1, claimant: "host-a:1");
        _clock.Advance(StaleAfter - TimeSpan.FromSeconds(1));

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var entry);

        Assert.False(claimed);
        Assert.Equal((FileStatus.Processing, "host-a:1"), (entry.Status, entry.ClaimedBy));
    }

    [Fact]
    public void SameClaimantDoesNotClaimItsOwnFreshEntryTwice()
    {
        _store.Claim(1, claimant: "host-a:1");

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-a:1", StaleAfter, out _);

        Assert.False(claimed);
    }

    [Fact]
    public void StaleProcessingClaimIsTakenOver()
    {
        var id = _store.Claim(1, claimant: "host-a:1");
        _clock.Advance(StaleAfter + TimeSpan.FromSeconds(1));

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var entry);

        Assert.True(claimed);
        Assert.Equal((id, FileStatus.Processing, "host-b:2"), (entry.Id, entry.Status, entry.ClaimedBy));
    }

    [Fact]
    public void HeartbeatKeepsALongClaimFresh()
    {
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

    [Fact]
    public void HeartbeatOfAClaimantThatWasTakenOverTellsItToStop()
    {
        var id = _store.Claim(1, claimant: "host-a:1");
        _clock.Advance(StaleAfter * 2);
        _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out _);

        var error = Assert.Throws<StoreException>(() => _store.Heartbeat(id, "host-a:1"));

        Assert.Contains("claimed by host-b:2, no longer by host-a:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkippedFileIsFinalAndKeepsItsReason()
    {
        var id = _store.Claim(1);
        _store.MarkSkipped(id, "not an export: no title or company column");

        var claimed = _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out var entry);

        Assert.False(claimed);
        Assert.Equal((FileStatus.Skipped, "not an export: no title or company column"), (entry.Status, entry.Error));
    }

    [Fact]
    public void LedgerListsEveryFileByIdAndUnfinishedOnlyProcessingAndFailed()
    {
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

    [Fact]
    public void CompletingAnUnknownEntryIsABug()
    {
        var error = Record.Exception(() => _store.Complete(77, "v1", StoreSome.Counts));

        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public void TwoStoresRacingForOneFileLetExactlyOneClaimIt()
    {
        using var other = PipelineStore.Open(_store.Database, _clock);
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
}
