using IcpScoring.Storage;
using IcpScoring.Tests.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Faults;

/// <summary>A file interrupted by a fault is given back in the ledger, and only by the run that still holds it.</summary>
public sealed class GiveBackTests : IDisposable
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();
    private readonly PipelineStore _store;

    public GiveBackTests() => _store = PipelineStore.Open(_dir.File("icp.db"), _clock);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void FileGivenBackByItsHolderIsFailedWithTheReasonAndClaimedAgainByTheNextRun()
    {
        var id = _store.Claim(1, "host-a:1");

        var given = _store.GiveBack(id, "host-a:1", "interrupted: disk full; it is processed again on the next run");

        Assert.True(given);
        var entry = Assert.Single(_store.Ledger());
        Assert.Equal((FileStatus.Failed, "interrupted: disk full; it is processed again on the next run"), (entry.Status, entry.Error));
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(1), entry.Path, "acme", "2026-02", "host-b:2", StaleAfter, out _));
    }

    [Fact]
    public void ClaimTakenOverMeanwhileIsNotGivenBackByItsFormerHolder()
    {
        var id = _store.Claim(1, "host-a:1");
        _clock.Advance(StaleAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(ClaimOutcome.Claimed, _store.TryClaim(StoreSome.Sha(1), "inbox/acme/1.csv", "acme", "2026-02", "host-b:2", StaleAfter, out _));

        var given = _store.GiveBack(id, "host-a:1", "interrupted: disk full");

        Assert.False(given);
        var entry = Assert.Single(_store.Ledger());
        Assert.Equal((FileStatus.Processing, "host-b:2"), (entry.Status, entry.ClaimedBy));
    }

    [Fact]
    public void DoneFileIsNotGivenBack()
    {
        var id = _store.Claim(1, "host-a:1");
        _store.Complete(id, "v1", StoreSome.Counts);

        Assert.False(_store.GiveBack(id, "host-a:1", "interrupted"));
        Assert.Equal(FileStatus.Done, Assert.Single(_store.Ledger()).Status);
    }
}
