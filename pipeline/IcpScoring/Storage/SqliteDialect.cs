using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpScoring.Storage;

/// <summary>
/// The pipeline's state in one SQLite file on this machine. Several processes may open it; every
/// write runs in a BEGIN IMMEDIATE transaction, so writers queue on busy_timeout instead of failing
/// half-way, and the short statements share one connection.
/// </summary>
internal sealed class SqliteDialect : StoreDialect
{
    private const string InsertRow =
        """
        INSERT INTO snapshot_connections (snapshot_id, seq, connection_key, title, company, industry, company_size, seniority, job_function,
                                          probability, tier, is_match, is_hidden, has_firmographics, connected_on)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
        """;

    // A lock held by another open file: EWOULDBLOCK on Unix, ERROR_SHARING_VIOLATION on Windows.
    private const int HeldElsewhere = 11;
    private const int HeldElsewhereOnWindows = unchecked((int)0x80070020);

    private readonly SqliteConnection _shared;

    public SqliteDialect(string databasePath)
    {
        Name = Path.GetFullPath(databasePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Name)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{Name}: cannot create its folder ({e.Message})", e);
        }

        _shared = StoreConnections.Open(Name);
    }

    public override string Name { get; }

    // Beside the database: a full disk there is the database's problem too.
    public override string SpillFolder => Path.GetDirectoryName(Name)!;

    public override DbConnection Borrow() => _shared;

    public override void Release(DbConnection connection)
    {
    }

    public override DbConnection Connect() => StoreConnections.Open(Name);

    // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken at once, for every writer.
    public override DbTransaction BeginWrite(DbConnection connection, IdLock ids) => connection.BeginTransaction();

    public override T Guard<T>(Func<T> action) => StoreConnections.Guard(Name, action);

    // A file of its own beside the database (never deleted: removing a lock file races with its
    // next holder); SQLite's own locks are POSIX locks, which the same process would share.
    public override IDisposable? TryHoldReports()
    {
        var path = Name + "-reports.lock";
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException e) when (e.HResult is HeldElsewhere or HeldElsewhereOnWindows)
        {
            return null;
        }
        catch (Exception e) when (FileSystemFaults.Is(e))
        {
            throw new StoreException($"{Name}: cannot lock {path} ({FileSystemFaults.Describe(e, path)})", e);
        }
    }

    // SQLite's own statement API: binding fifteen values through ADO.NET parameters cost more than
    // SQLite's work on the row (6.1 s against 4.4 s for a million rows, measured on this machine).
    public override void InsertRows(DbConnection connection, DbTransaction transaction, long[] snapshotIds, SnapshotSpill spill)
    {
        var db = ((SqliteConnection)connection).Handle!;
        Check(raw.sqlite3_prepare_v2(db, InsertRow, out var statement), db);
        using (statement)
        {
            var seq = new long[snapshotIds.Length];
            Span<byte> date = stackalloc byte[10];
            foreach (var row in spill.Read())
            {
                var a = row.Account;
                Check(raw.sqlite3_bind_int64(statement, 1, snapshotIds[a]), db);
                Check(raw.sqlite3_bind_int64(statement, 2, ++seq[a]), db);
                for (var t = 0; t < 7; t++)
                {
                    Check(raw.sqlite3_bind_text(statement, 3 + t, row.Text(t)), db);
                }

                Check(raw.sqlite3_bind_double(statement, 10, row.Probability), db);
                Check(raw.sqlite3_bind_text(statement, 11, row.Text(7)), db);
                Check(raw.sqlite3_bind_int(statement, 12, row.IsMatch ? 1 : 0), db);
                Check(raw.sqlite3_bind_int(statement, 13, row.IsHidden ? 1 : 0), db);
                Check(raw.sqlite3_bind_int(statement, 14, row.HasFirmographics ? 1 : 0), db);
                if (row.ConnectedOn is { } on)
                {
                    on.TryFormat(date, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    Check(raw.sqlite3_bind_text(statement, 15, date[..written]), db);
                }
                else
                {
                    Check(raw.sqlite3_bind_null(statement, 15), db);
                }

                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(rc, db);
                }

                raw.sqlite3_reset(statement);
            }
        }
    }

    public override (bool Ours, long OtherTables) Tables(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT COUNT(*) FILTER (WHERE name = 'schema_migrations'), COUNT(*) FILTER (WHERE name <> 'schema_migrations')
            FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0) > 0, reader.GetInt64(1));
    }

    public override void Dispose() => _shared.Dispose();

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
