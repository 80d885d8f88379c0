using IcpScoring.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Storage;

public sealed class RunHistoryTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();
    private readonly PipelineStore _store;

    public RunHistoryTests() => _store = PipelineStore.Open(_dir.File("icp.db"), _clock);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void StartedRunIsRunningUntilFinished()
    {
        var id = _store.StartRun("run", "host-a:1");

        var run = Assert.Single(_store.Runs());

        Assert.Equal(new RunInfo(id, "run", "host-a:1", StoreClock.Start, null, "running", null), run);
    }

    [Fact]
    public void FinishRunRecordsStatusSummaryAndTime()
    {
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

    [Fact]
    public void RunsFromTwoStoresGetDistinctIds()
    {
        using var other = PipelineStore.Open(_store.Database, _clock);

        var ids = new[] { _store.StartRun("run", "a"), other.StartRun("run", "b"), _store.StartRun("run", "a") };

        Assert.Equal([1L, 2L, 3L], ids);
    }

    [Fact]
    public void FinishingAnUnknownRunIsABug()
    {
        var error = Record.Exception(() => _store.FinishRun(9, "succeeded", "{}"));

        Assert.IsType<InvalidOperationException>(error);
    }
}
