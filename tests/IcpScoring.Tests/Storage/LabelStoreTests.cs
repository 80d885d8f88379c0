using IcpScoring.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Storage;

public sealed class LabelStoreTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();
    private readonly StoreUnderTest _db;
    private PipelineStore _store = null!;

    public LabelStoreTests() => _db = new StoreUnderTest(_dir);

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    private void Use(StoreKind kind) => _store = _db.Open(kind, _clock);

    private static PersonLabel Label(string key, bool isIcp, string title = "CFO") =>
        new(key, title, "Acme", "Banking", "201-500", isIcp);

    private static QueuedPerson Queued(int position, string key) =>
        new(position, key, "Head of FP&A", "Acme", "Banking", "201-500", 0.42);

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void ALabelIsStoredWithWhoWhenWhereFromAndTheModelInputs(StoreKind kind)
    {
        Use(kind);

        _store.Labels.Record("finance", Label("k1", isIcp: true), LabelSource.Page, "alice");

        Assert.Equal(
            [new StoredLabel("finance", "k1", "CFO", "Acme", "Banking", "201-500", true, LabelSource.Page, "alice", StoreClock.Start)],
            _store.Labels.List("finance"));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void LabelingTheSamePersonTwiceKeepsTheLatestLabel(StoreKind kind)
    {
        Use(kind);
        _store.Labels.Record("finance", Label("k1", isIcp: true), LabelSource.Train, "local");
        _clock.Advance(TimeSpan.FromMinutes(5));

        _store.Labels.Record("finance", Label("k1", isIcp: false, title: "Finance Manager"), LabelSource.Page, "bob");

        var label = Assert.Single(_store.Labels.List("finance"));
        Assert.Equal((false, "Finance Manager", LabelSource.Page, "bob", StoreClock.Start.AddMinutes(5)), (label.IsIcp, label.Title, label.Source, label.By, label.At));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void LabelsSurviveReopeningTheDatabase(StoreKind kind)
    {
        Use(kind);
        _store.Labels.Record("finance", [Label("k1", true), Label("k2", false)], LabelSource.Crm, "local");
        _store.Dispose();

        using var reopened = _db.Reopen(_clock);

        Assert.Equal(["k1", "k2"], reopened.Labels.List("finance").Select(l => l.Key).Order());
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void EachProfileHasItsOwnLabels(StoreKind kind)
    {
        Use(kind);
        _store.Labels.Record("finance", Label("k1", true), LabelSource.Page, "local");

        _store.Labels.Record("sales", Label("k1", false), LabelSource.Page, "local");

        Assert.True(Assert.Single(_store.Labels.List("finance")).IsIcp);
        Assert.False(Assert.Single(_store.Labels.List("sales")).IsIcp);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void TheQueueOffersPeopleInOrderPassingOverThoseLabeledOrSkipped(StoreKind kind)
    {
        Use(kind);
        _store.Labels.ReplaceQueue("finance", [Queued(1, "a"), Queued(2, "b"), Queued(3, "c"), Queued(4, "d")]);

        _store.Labels.Record("finance", Label("a", true), LabelSource.Page, "local");
        Assert.True(_store.Labels.Skip("finance", "b"));

        Assert.Equal("c", _store.Labels.Next("finance")?.Key);
        Assert.Equal(new LabelProgress(Queued: 4, Labeled: 1, Skipped: 1, Labels: 1, Icp: 1), _store.Labels.Progress("finance"));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void ADoneQueueHasNoNextPersonAndANewQueueReplacesIt(StoreKind kind)
    {
        Use(kind);
        _store.Labels.ReplaceQueue("finance", [Queued(1, "a")]);
        _store.Labels.Record("finance", Label("a", false), LabelSource.Page, "local");
        Assert.Null(_store.Labels.Next("finance"));

        _store.Labels.ReplaceQueue("finance", [Queued(1, "e"), Queued(2, "f")]);

        Assert.Equal(["e", "f"], _store.Labels.Queue("finance", waitingOnly: true).Select(q => q.Key));
        Assert.Equal(new LabelProgress(2, 0, 0, 1, 0), _store.Labels.Progress("finance"));
    }
}
