using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace IcpScoring.Storage;

/// <summary>
/// The pipeline's state in a PostgreSQL database that several machines share. Connections come
/// from Npgsql's pool, one per unit of work, so a restarted server costs the units that were
/// running, not the process; opening one waits for the server as long as SQLite waits for a lock.
/// Writers that assign ids take a transaction-scoped advisory lock; everything else is decided by
/// the unique keys and row locks inside each transaction.
/// </summary>
internal sealed partial class PostgresDialect : StoreDialect
{
    // pg_advisory locks are one 64-bit space per database: these keys are the pipeline's own.
    internal const long LockBase = 0x1C9_5C0_0000;
    private const long ReportsLock = LockBase + 100;

    // One pool per database for the whole process: a scheduled job opens a store per file, and a
    // pool of its own would log in to the server again each time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    private readonly NpgsqlDataSource _source;

    public PostgresDialect(string connectionString, string? spillFolder)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"the PostgreSQL connection string is not valid ({e.Message})", e);
        }

        // The connection string may hold a password: messages name the server and database only.
        Name = string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {builder.Username ?? Environment.UserName}@{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}");
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "icp";
        }

        SpillFolder = spillFolder ?? Path.Combine(Path.GetTempPath(), "icp");
        _source = Sources.GetOrAdd(builder.ConnectionString, NpgsqlDataSource.Create);
    }

    public override string Name { get; }

    public override string SpillFolder { get; }

    /// <summary>A <c>Host=…;Database=…</c> connection string rather than a file path.</summary>
    public static bool IsConnectionString(string database) => HostKey().IsMatch(database);

    public override DbConnection Borrow() => Connect();

    public override void Release(DbConnection connection) => connection.Dispose();

    public override DbConnection Connect()
    {
        // A server restarting (refusing connections, or "starting up") is waited for, as a locked
        // SQLite file is; what does not pass in that time is reported as one line.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return _source.OpenConnection();
            }
            catch (NpgsqlException e) when (Passing(e) && waited.Elapsed.TotalSeconds < StoreConnections.BusySeconds)
            {
                _source.Clear();
                Thread.Sleep(250);
            }
            catch (NpgsqlException e) when (Describe(e) is { } message)
            {
                throw new StoreException(message, e);
            }
        }
    }

    public override DbTransaction BeginWrite(DbConnection connection, IdLock ids)
    {
        var transaction = connection.BeginTransaction();
        if (ids != IdLock.None)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({LockBase + (long)ids})");
            command.ExecuteNonQuery();
        }

        return transaction;
    }

    public override T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException e) when (Describe(e) is { } message)
        {
            if (Passing(e))
            {
                // The pool's other idle connections went with the server: none of them is handed out again.
                _source.Clear();
            }

            throw new StoreException(message, e);
        }
    }

    // A session-level advisory lock on a connection of its own; the server frees it if this process dies.
    public override IDisposable? TryHoldReports()
    {
        var connection = (NpgsqlConnection)Connect();
        var held = false;
        try
        {
            held = Guard(() => TryLock(connection));
            return held ? new ReportsTurn(connection) : null;
        }
        finally
        {
            if (!held)
            {
                connection.Dispose();
            }
        }
    }

    // Binary COPY: one round trip for the whole export instead of one per row.
    public override void InsertRows(DbConnection connection, DbTransaction transaction, long[] snapshotIds, SnapshotSpill spill)
    {
        using var import = ((NpgsqlConnection)connection).BeginBinaryImport(
            """
            COPY snapshot_connections (snapshot_id, seq, connection_key, title, company, industry, company_size, seniority, job_function,
                                       probability, tier, is_match, is_hidden, has_firmographics, connected_on)
            FROM STDIN (FORMAT BINARY)
            """);
        var seq = new long[snapshotIds.Length];
        foreach (var row in spill.Read())
        {
            var a = row.Account;
            import.StartRow();
            import.Write(snapshotIds[a], NpgsqlDbType.Bigint);
            import.Write(++seq[a], NpgsqlDbType.Bigint);
            for (var t = 0; t < 7; t++)
            {
                import.Write(Encoding.UTF8.GetString(row.Text(t)), NpgsqlDbType.Text);
            }

            import.Write(row.Probability, NpgsqlDbType.Double);
            import.Write(Encoding.UTF8.GetString(row.Text(7)), NpgsqlDbType.Text);
            import.Write(row.IsMatch ? 1 : 0, NpgsqlDbType.Integer);
            import.Write(row.IsHidden ? 1 : 0, NpgsqlDbType.Integer);
            import.Write(row.HasFirmographics ? 1 : 0, NpgsqlDbType.Integer);
            if (row.ConnectedOn is { } on)
            {
                import.Write(StoreValues.Date(on), NpgsqlDbType.Text);
            }
            else
            {
                import.WriteNull();
            }
        }

        import.Complete();
    }

    public override (bool Ours, long OtherTables) Tables(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Hangfire's tables live in their own schema; only the current schema is the pipeline's.
        command.CommandText =
            """
            SELECT COUNT(*) FILTER (WHERE table_name = 'schema_migrations'), COUNT(*) FILTER (WHERE table_name <> 'schema_migrations')
            FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0) > 0, reader.GetInt64(1));
    }

    // The pool outlives the store (see Sources); its idle connections close after Npgsql's idle lifetime.
    public override void Dispose()
    {
    }

    // The server is away or restarting, the connection broke, or the transaction lost a race it
    // can simply run again: worth waiting for or retrying.
    private static bool Passing(NpgsqlException e) => e is PostgresException p
        ? p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01"
        : e.IsTransient || e.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException;

    // Constraint violations and SQL errors are bugs and stay Npgsql exceptions; these are about the
    // server, the network or the settings, and the user can do something about them.
    private string? Describe(NpgsqlException e) => e switch
    {
        PostgresException { SqlState: "28P01" or "28000" } => $"{Name}: the server refused the login ({e.Message}); check the user and password in the connection string",
        PostgresException { SqlState: "3D000" } => $"{Name}: the database does not exist; create it (createdb) or name another in the connection string",
        PostgresException { SqlState: "42501" } => $"{Name}: permission denied ({e.Message}); the user needs to create and write tables in the database",
        PostgresException { SqlState: "53100" } => $"{Name}: the server's disk is full; free some space and try again",
        PostgresException { SqlState: "40001" or "40P01" } => $"{Name}: a concurrent transaction got in the way ({e.Message}); try again",
        PostgresException { SqlState: "57014" } => $"{Name}: a statement was cancelled by the server ({e.Message}); try again",
        _ when Passing(e) => $"{Name}: cannot reach the server ({ErrorText.FirstLine(e.Message)}); check that it is running and reachable, then try again",
        PostgresException => null,
        _ => $"{Name}: {ErrorText.FirstLine(e.Message)}",
    };


    private static bool TryLock(NpgsqlConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_try_advisory_lock({ReportsLock})");
        return (bool)command.ExecuteScalar()!;
    }

    [GeneratedRegex(@"(^|;)\s*(Host|Server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostKey();

    private sealed class ReportsTurn(NpgsqlConnection connection) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_unlock({ReportsLock})");
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and the lock with it.
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
