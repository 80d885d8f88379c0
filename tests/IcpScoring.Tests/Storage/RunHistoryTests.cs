using IcpScoring.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Storage;

public sealed class RunHistoryTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();
    private readonly StoreUnderTest _db;
    private PipelineStore _store = null!;

    public RunHistoryTests() => _db = new StoreUnderTest(_dir);

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    private void Use(StoreKind kind) => _store = _db.Open(kind, _clock);

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void StartedRunIsRunningUntilFinished(StoreKind kind)
    {
        Use(kind);
        var id = _store.StartRun("run", "host-a:1");

        var run = Assert.Single(_store.Runs());

        Assert.Equal(new RunInfo(id, "run", "host-a:1", StoreClock.Start, null, "running", null), run);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void FinishRunRecordsStatusSummaryAndTime(StoreKind kind)
    {
        Use(kind);
        var first = _store.StartRun("run", "host-a:1");
        var second = _store.StartRun("scan", "host-a:1");
        _clock.Advance(TimeSpan.FromSeconds(42));

        _store.FinishRun(first, "succeeded", """{"files":3}""");

        Assert.Equal(
            [
                new RunInfo(first, "run", "host-a:1", StoreClock.Start, StoreClock.Start.AddSeconds(42), "succeeded", """{"files":3}"""),
                new RunInfo(second, "scan", "host-a:1", StoreClock.Start, null, "running", null),
            ],
            _store.Runs());
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void RunsFromTwoStoresGetDistinctIds(StoreKind kind)
    {
        Use(kind);
        using var other = _db.Reopen(_clock);

        var ids = new[] { _store.StartRun("run", "a"), other.StartRun("run", "b"), _store.StartRun("run", "a") };

        Assert.Equal([1L, 2L, 3L], ids);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void FinishingAnUnknownRunIsABug(StoreKind kind)
    {
        Use(kind);
        var error = Record.Exception(() => _store.FinishRun(9, "succeeded", "{}"));

        Assert.IsType<InvalidOperationException>(error);
    }
}
