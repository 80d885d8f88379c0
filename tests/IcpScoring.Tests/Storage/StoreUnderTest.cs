using IcpScoring.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Storage;

/// <summary>
/// One test's database: a SQLite file in its folder, or a fresh PostgreSQL database; every store
/// opened on it is disposed with it, and the PostgreSQL database dropped.
/// </summary>
internal sealed class StoreUnderTest(TempFolder dir) : IDisposable
{
    private readonly List<PipelineStore> _opened = [];
    private TestDatabase? _postgres;

    /// <summary>What <c>--db</c> would be: the file path or the connection string.</summary>
    public string Location { get; private set; } = "";

    public PipelineStore Open(StoreKind kind, TimeProvider clock)
    {
        if (kind == StoreKind.Postgres)
        {
            _postgres = new TestDatabase();
        }

        Location = kind == StoreKind.Sqlite ? dir.File("icp.db") : _postgres!.ConnectionString;
        return Reopen(clock);
    }

    /// <summary>Another store on the same database, as another process would open it.</summary>
    public PipelineStore Reopen(TimeProvider clock)
    {
        var store = PipelineStore.Open(Location, clock, spillFolder: dir.Path);
        _opened.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        _postgres?.Dispose();
    }
}
