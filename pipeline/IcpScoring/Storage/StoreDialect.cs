using System.Data.Common;
using System.Globalization;

namespace IcpScoring.Storage;

/// <summary>
/// What differs between the two databases the pipeline's state can live in: a SQLite file on one
/// machine (the default) or a PostgreSQL database shared by several. The tables, the migrations
/// and the statements are the same; connecting, locking, bulk loading and reporting failures are not.
/// </summary>
internal abstract class StoreDialect : IDisposable
{
    /// <summary>How the database is named in messages: a file path, or the server and database (never a password).</summary>
    public abstract string Name { get; }

    /// <summary>Where snapshot rows wait on this machine until they are committed.</summary>
    public abstract string SpillFolder { get; }

    /// <summary>An open connection for one unit of work; <see cref="Release"/> gives it back.</summary>
    public abstract DbConnection Borrow();

    public abstract void Release(DbConnection connection);

    /// <summary>Runs <paramref name="action"/> on a borrowed connection and gives it back.</summary>
    public T With<T>(Func<DbConnection, T> action)
    {
        var connection = Borrow();
        try
        {
            return action(connection);
        }
        finally
        {
            Release(connection);
        }
    }

    /// <summary>A connection of its own, for a long read or a snapshot commit, disposed by the caller.</summary>
    public abstract DbConnection Connect();

    /// <summary>
    /// A write transaction. Writers that assign ids (MAX + 1) take <paramref name="ids"/>'s lock in
    /// it, so two of them never pick the same id; SQLite serializes every writer anyway.
    /// </summary>
    public abstract DbTransaction BeginWrite(DbConnection connection, IdLock ids);

    /// <summary>Runs a database action, turning failures the user can act on into one <see cref="StoreException"/> line.</summary>
    public abstract T Guard<T>(Func<T> action);

    public void Guard(Action action) =>
        Guard(() =>
        {
            action();
            return true;
        });

    /// <summary>
    /// Held, by any process on any machine using this database, while reports are made from it;
    /// waited for as long as for a locked database.
    /// </summary>
    public IDisposable HoldReports()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (TryHoldReports() is { } turn)
            {
                return turn;
            }

            if (waited.Elapsed.TotalSeconds >= StoreConnections.BusySeconds)
            {
                throw new StoreException(string.Create(CultureInfo.InvariantCulture,
                    $"{Name}: reports are being made from it by another process for {StoreConnections.BusySeconds} s; wait for the other icp to finish and try again"));
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>The same turn, if nobody holds it now; null otherwise (no waiting).</summary>
    public abstract IDisposable? TryHoldReports();

    /// <summary>Every spilled row into snapshot_connections, inside <paramref name="transaction"/>.</summary>
    public abstract void InsertRows(DbConnection connection, DbTransaction transaction, long[] snapshotIds, SnapshotSpill spill);

    /// <summary>Whether the schema_migrations table exists, and how many other tables there are.</summary>
    public abstract (bool Ours, long OtherTables) Tables(DbConnection connection, DbTransaction? transaction);

    public abstract void Dispose();

    public static StoreDialect For(string database, string? spillFolder) =>
        PostgresDialect.IsConnectionString(database)
            ? new PostgresDialect(database, spillFolder)
            : new SqliteDialect(database);
}

/// <summary>Which ids a write transaction assigns.</summary>
internal enum IdLock
{
    None,
    Ledger,
    Snapshots,
    Runs,
    Schema,
}
