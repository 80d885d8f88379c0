using IcpScoring.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Storage;

public sealed class SnapshotTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();
    private readonly StoreUnderTest _db;
    private PipelineStore _store = null!;

    public SnapshotTests() => _db = new StoreUnderTest(_dir);

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    private void Use(StoreKind kind) => _store = _db.Open(kind, _clock);

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void CommittedSnapshotIsReadBackWithItsCountsAndRows(StoreKind kind)
    {
        Use(kind);
        var ledgerId = _store.Claim(1);
        SnapshotRow[] rows =
        [
            StoreSome.Row("b7", 0.91, new DateOnly(2023, 5, 21)),
            StoreSome.Row("a3", 0.12) with { IsHidden = true, HasFirmographics = false, ConnectedOn = null, Title = "", Tier = "D" },
        ];

        bool replaced;
        using (var writer = _store.BeginSnapshot("acme", "2026-02", ledgerId, "v3"))
        {
            Array.ForEach(rows, writer.Add);
            replaced = writer.Commit(connections: 2, hidden: 1, scored: 1, icpMatched: 1, addressablePool: 1, """{"icpMatchRate":0.5}""");
        }

        var info = _store.Snapshot("acme", "2026-02")!;
        Assert.False(replaced);
        Assert.Equal(
            new SnapshotInfo(info.Id, "acme", "2026-02", ledgerId, "v3", StoreClock.Start, 2, 1, 1, 1, 1, """{"icpMatchRate":0.5}"""),
            info);
        Assert.Equal([rows[1], rows[0]], _store.SnapshotRows(info.Id));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void CommitReplacesThePreviousSnapshotOfTheSameAccountAndMonth(StoreKind kind)
    {
        Use(kind);
        var first = _store.WriteSnapshot("acme", "2026-02", "k1", "k2", "k3");
        var ledgerId = _store.Claim(2);

        bool replaced;
        using (var writer = _store.BeginSnapshot("acme", "2026-02", ledgerId, "v2"))
        {
            writer.Add(StoreSome.Row("k9"));
            replaced = writer.Commit(1, 0, 1, 1, 1, "{}");
        }

        var second = _store.Snapshot("acme", "2026-02")!;
        Assert.True(replaced);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal((ledgerId, "v2"), (second.LedgerId, second.ModelVersion));
        Assert.Single(_store.Snapshots());
        Assert.Empty(_store.SnapshotRows(first.Id));
        Assert.Equal(["k9"], _store.SnapshotRows(second.Id).Select(r => r.Key));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void SnapshotIsInvisibleUntilCommit(StoreKind kind)
    {
        Use(kind);
        var ledgerId = _store.Claim(1);
        using var writer = _store.BeginSnapshot("acme", "2026-02", ledgerId, "v1");
        writer.Add(StoreSome.Row("k1"));

        var before = _store.Snapshots();

        Assert.Empty(before);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void WriterDisposedWithoutCommitLeavesThePreviousSnapshotAsItWas(StoreKind kind)
    {
        Use(kind);
        var previous = _store.WriteSnapshot("acme", "2026-02", "k1", "k2");
        var ledgerId = _store.Claim(2);

        using (var writer = _store.BeginSnapshot("acme", "2026-02", ledgerId, "v9"))
        {
            writer.Add(StoreSome.Row("x1"));
            writer.Add(StoreSome.Row("x2"));
        }

        Assert.Equal([previous], _store.Snapshots());
        Assert.Equal(["k1", "k2"], _store.SnapshotRows(previous.Id).Select(r => r.Key));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void WriterDisposedWithoutCommitOnAnEmptyDatabaseLeavesNothing(StoreKind kind)
    {
        Use(kind);
        var ledgerId = _store.Claim(1);

        using (var writer = _store.BeginSnapshot("acme", "2026-02", ledgerId, "v1"))
        {
            writer.Add(StoreSome.Row("k1"));
        }

        Assert.Empty(_store.Snapshots());
        Assert.Null(_store.Snapshot("acme", "2026-02"));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void SnapshotsAreOrderedByAccountThenMonthAndFilterByAccount(StoreKind kind)
    {
        Use(kind);
        _store.WriteSnapshot("globex", "2026-01", "g");
        _store.WriteSnapshot("acme", "2026-02", "a");
        _store.WriteSnapshot("acme", "2025-12", "a");
        _store.WriteSnapshot("acme", "2026-01", "a");

        var all = _store.Snapshots();
        var acme = _store.Snapshots("acme");

        Assert.Equal(
            [("acme", "2025-12"), ("acme", "2026-01"), ("acme", "2026-02"), ("globex", "2026-01")],
            all.Select(s => (s.Account, s.Month)));
        Assert.Equal(["2025-12", "2026-01", "2026-02"], acme.Select(s => s.Month));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void TwoHundredThousandRowsAreWrittenAndReadBackInKeyOrder(StoreKind kind)
    {
        Use(kind);
        const int count = 200_000;
        var ledgerId = _store.Claim(1);
        var keys = Enumerable.Range(0, count).Select(i => ((uint)(i * 2654435761u)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        using (var writer = _store.BeginSnapshot("acme", "2026-02", ledgerId, "v1"))
        {
            for (var i = 0; i < count; i++)
            {
                writer.Add(StoreSome.Row(keys[i], probability: i / (double)count));
            }

            writer.Commit(count, 0, count, count / 2, count / 2, "{}");
        }

        var info = _store.Snapshot("acme", "2026-02")!;
        var read = _store.SnapshotRows(info.Id).ToList();
        Assert.Equal(count, read.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), read.Select(r => r.Key));
        Assert.Equal(keys.IndexOf(read[0].Key) / (double)count, read[0].Probability);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void RowsWithTheSameKeyAreAllKeptInTheOrderAdded(StoreKind kind)
    {
        Use(kind);
        var ledgerId = _store.Claim(1);

        using (var writer = _store.BeginSnapshot("acme", "2026-02", ledgerId, "v1"))
        {
            writer.Add(StoreSome.Row("same", 0.3));
            writer.Add(StoreSome.Row("other", 0.5));
            writer.Add(StoreSome.Row("same", 0.1));
            writer.Commit(3, 0, 3, 0, 0, "{}");
        }

        var rows = _store.SnapshotRows(_store.Snapshot("acme", "2026-02")!.Id);
        Assert.Equal([("other", 0.5), ("same", 0.3), ("same", 0.1)], rows.Select(r => (r.Key, r.Probability)));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void OtherProcessesClaimFilesWhileASnapshotIsBeingWritten(StoreKind kind)
    {
        Use(kind);
        using var other = _db.Reopen(_clock);
        var ledgerId = _store.Claim(1);
        using var writer = _store.BeginSnapshot("acme", "2026-02", ledgerId, "v1");
        for (var i = 0; i < 60_000; i++)
        {
            writer.Add(StoreSome.Row(i.ToString("x6", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var started = DateTime.UtcNow;
        var claimed = other.TryClaim(StoreSome.Sha(2), "inbox/acme/2.csv", "acme", "2026-03", "host-b:2", TimeSpan.FromMinutes(10), out _);
        _store.Heartbeat(ledgerId, "host-a:1");
        var waited = DateTime.UtcNow - started;

        Assert.Equal(ClaimOutcome.Claimed, claimed);
        Assert.True(waited < TimeSpan.FromSeconds(5), $"waited {waited}");
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void SnapshotOfAnUnknownLedgerEntryIsRefusedBeforeAnyRowIsScored(StoreKind kind)
    {
        Use(kind);
        var error = Record.Exception(() => _store.BeginSnapshot("acme", "2026-02", ledgerId: 5, "v1"));

        Assert.IsType<InvalidOperationException>(error);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void CommittedWriterTakesNoMoreRows(StoreKind kind)
    {
        Use(kind);
        var ledgerId = _store.Claim(1);
        using var writer = _store.BeginSnapshot("acme", "2026-02", ledgerId, "v1");
        writer.Commit(0, 0, 0, 0, 0, "{}");

        var error = Record.Exception(() => writer.Add(StoreSome.Row("late")));

        Assert.IsType<ObjectDisposedException>(error);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void ABatchCommitsEveryAccountOfAnExportTogether(StoreKind kind)
    {
        Use(kind);
        var old = _store.WriteSnapshot("globex", "2026-02", "g0");
        var ledgerId = _store.Claim(2);

        IReadOnlyDictionary<string, bool> replaced;
        using (var batch = _store.BeginSnapshots(ledgerId, "v2"))
        {
            batch.Add("acme", StoreSome.Row("a2"));
            batch.Add("globex", StoreSome.Row("g2", 0.7));
            batch.Add("acme", StoreSome.Row("a1") with { Company = "Zoë & Söhne GmbH", ConnectedOn = null });
            batch.Add("globex", StoreSome.Row("g1", 0.2));
            replaced = batch.Commit([new("acme", "2026-02", 2, 0, 2, 0, 0, "{}"), new("globex", "2026-02", 2, 0, 2, 1, 1, "{}")]);
        }

        Assert.Equal(new Dictionary<string, bool> { ["acme"] = false, ["globex"] = true }, replaced);
        var acme = _store.SnapshotRows(_store.Snapshot("acme", "2026-02")!.Id).ToList();
        Assert.Equal(["a1", "a2"], acme.Select(r => r.Key));
        Assert.Equal(("Zoë & Söhne GmbH", null), (acme[0].Company, acme[0].ConnectedOn));
        Assert.Equal([("g1", 0.2), ("g2", 0.7)], _store.SnapshotRows(_store.Snapshot("globex", "2026-02")!.Id).Select(r => (r.Key, r.Probability)));
        Assert.Empty(_store.SnapshotRows(old.Id));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void ABatchWithRowsOfAnAccountItDoesNotCommitWritesNothing(StoreKind kind)
    {
        Use(kind);
        var ledgerId = _store.Claim(1);
        using var batch = _store.BeginSnapshots(ledgerId, "v1");
        batch.Add("acme", StoreSome.Row("a1"));
        batch.Add("globex", StoreSome.Row("g1"));

        var error = Record.Exception(() => batch.Commit([new("acme", "2026-02", 1, 0, 1, 0, 0, "{}")]));

        Assert.IsType<ArgumentException>(error);
        Assert.Contains("globex", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Snapshots());
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void RowsWaitingForCommitAreInNoFileAnyoneCouldFindOrThatOutlivesTheWriter(StoreKind kind)
    {
        Use(kind);
        var ledgerId = _store.Claim(1);
        var before = Directory.GetFiles(_dir.Path).Order(StringComparer.Ordinal).ToList();

        using (var batch = _store.BeginSnapshots(ledgerId, "v1"))
        {
            for (var i = 0; i < 10_000; i++)
            {
                batch.Add("acme", StoreSome.Row(i.ToString("x6", System.Globalization.CultureInfo.InvariantCulture)));
            }

            // The spill file was unlinked as soon as it was opened: a killed process leaves nothing.
            Assert.Equal(before, Directory.GetFiles(_dir.Path).Order(StringComparer.Ordinal));
            batch.Commit([new("acme", "2026-02", 10_000, 0, 10_000, 0, 0, "{}")]);
        }

        Assert.Equal(10_000, _store.SnapshotRows(_store.Snapshot("acme", "2026-02")!.Id).Count());
        Assert.Equal(before, Directory.GetFiles(_dir.Path).Order(StringComparer.Ordinal));
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void AFailureBeforeCommitRollsEverySnapshotOfTheBatchBack(StoreKind kind)
    {
        Use(kind);
        var previous = _store.WriteSnapshot("acme", "2026-02", "k1");
        var ledgerId = _store.Claim(2);
        using var batch = _store.BeginSnapshots(ledgerId, "v2");
        batch.Add("acme", StoreSome.Row("new"));
        batch.Add("globex", StoreSome.Row("g1"));

        var error = Record.Exception(() => batch.Commit(
            [new("acme", "2026-02", 1, 0, 1, 0, 0, "{}"), new("globex", "2026-02", 1, 0, 1, 0, 0, "{}")],
            beforeCommit: () => throw new IOException("disk full while writing pool.html")));

        Assert.IsType<IOException>(error);
        Assert.Equal([previous], _store.Snapshots());
        Assert.Equal(["k1"], _store.SnapshotRows(previous.Id).Select(r => r.Key));
        Assert.DoesNotContain("globex", _store.DriftPending().Keys);
    }
}
