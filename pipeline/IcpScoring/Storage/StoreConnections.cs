using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IcpScoring.Storage;

// Every connection to the database is opened here, so that each one waits for other processes in
// the same way, and every SQLite failure the user can act on becomes one StoreException line.
internal static class StoreConnections
{
    public const int BusySeconds = 30;

    // Primary result codes (https://sqlite.org/rescode.html); extended codes share the low byte.
    private const int SqlitePerm = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    public static SqliteConnection Open(string database)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // A pooled connection would keep the file open after Dispose, which surprises a user who
            // was told to move a broken database aside.
            Pooling = false,
            DefaultTimeout = BusySeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            Guard(database, () =>
            {
                connection.Open();
                using var pragmas = connection.CreateCommand();
                // WAL lets readers (reports, drift) run while a pipeline writes; foreign keys are off by
                // default in SQLite and must be asked for on every connection; without a size limit the
                // WAL keeps the size of the largest snapshot ever committed (hundreds of MB) for good.
                pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA journal_size_limit = 67108864;";
                pragmas.ExecuteNonQuery();
            });
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Guard(string database, Action action) =>
        Guard(database, () =>
        {
            action();
            return true;
        });

    public static T Guard<T>(string database, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e) when (Describe(database, e) is { } message)
        {
            throw new StoreException(message, e);
        }
    }

    // Constraint violations and SQL errors are bugs and stay SqliteExceptions; these are about the
    // file or the machine, and the user can do something about them.
    private static string? Describe(string database, SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        SqliteBusy or SqliteLocked => string.Create(CultureInfo.InvariantCulture,
            $"{database}: database locked by another process for {BusySeconds} s; wait for the other icp to finish and try again"),
        SqliteNotADatabase => $"{database}: not an SQLite database; move it aside or point --db at another path",
        SqliteCorrupt => $"{database}: database is corrupt; run `sqlite3 {database} .recover` into a new file, or move it aside to start afresh",
        SqliteCantOpen => $"{database}: cannot open the database file; check that the path is a file in a writable folder",
        SqliteReadOnly or SqlitePerm => $"{database}: database is read-only; check the permissions of the file and its folder",
        SqliteFull => $"{database}: disk full; free some space and try again",
        SqliteIoError => $"{database}: I/O error ({e.Message}); check the disk and try again",
        _ => null,
    };
}
