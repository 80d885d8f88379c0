using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IcpScoring.Storage;

// Rows are staged in a TEMP table on the writer's own connection, which takes no lock on the
// database file: scoring a large export can take minutes, and holding the write lock that long
// would make every other process (another `icp run` claiming a file, this one's own Heartbeat)
// give up after busy_timeout. Commit then copies the staged rows in one short write transaction.
internal sealed class SnapshotWriter : IDisposable
{
    private const int BatchRows = 50_000;

    private readonly string _database;
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly string _account;
    private readonly string _month;
    private readonly long _ledgerId;
    private readonly string _modelVersion;
    private readonly SqliteCommand _stage;
    private readonly SqliteParameter[] _values;
    private SqliteTransaction? _batch;
    private bool _finished;

    internal SnapshotWriter(string database, SqliteConnection connection, TimeProvider clock, string account, string month, long ledgerId, string modelVersion)
    {
        _database = database;
        _connection = connection;
        _clock = clock;
        _account = account;
        _month = month;
        _ledgerId = ledgerId;
        _modelVersion = modelVersion;
        try
        {
            (_stage, _values) = StoreConnections.Guard(database, Prepare);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public long Count { get; private set; }

    public void Add(SnapshotRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        ObjectDisposedException.ThrowIf(_finished, this);
        StoreConnections.Guard(_database, () =>
        {
            _batch ??= _connection.BeginTransaction(deferred: true);
            _stage.Transaction = _batch;
            _values[0].Value = Count;
            _values[1].Value = row.Key;
            _values[2].Value = row.Title;
            _values[3].Value = row.Company;
            _values[4].Value = row.Industry;
            _values[5].Value = row.CompanySize;
            _values[6].Value = row.Seniority;
            _values[7].Value = row.Function;
            _values[8].Value = row.Probability;
            _values[9].Value = row.Tier;
            _values[10].Value = row.IsMatch ? 1 : 0;
            _values[11].Value = row.IsHidden ? 1 : 0;
            _values[12].Value = row.HasFirmographics ? 1 : 0;
            _values[13].Value = row.ConnectedOn is { } on ? StoreValues.Date(on) : DBNull.Value;
            _stage.ExecuteNonQuery();
            Count++;
            if (Count % BatchRows == 0)
            {
                EndBatch();
            }
        });
    }

    public bool Commit(long connections, long hidden, long scored, long icpMatched, long addressablePool, string summaryJson)
    {
        ArgumentNullException.ThrowIfNull(summaryJson);
        ObjectDisposedException.ThrowIf(_finished, this);
        var replaced = StoreConnections.Guard(_database, () =>
        {
            EndBatch();
            using var transaction = _connection.BeginTransaction();
            var previous = Scalar(transaction, "SELECT id FROM snapshots WHERE account = @account AND month = @month", Key);

            // Taken before the delete, so the new snapshot never inherits the id of the one it replaces.
            var id = (long)Scalar(transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM snapshots", _ => { })!;
            if (previous is long old)
            {
                Execute(transaction, "DELETE FROM snapshot_connections WHERE snapshot_id = @old", c => PipelineStore.Bind(c, "@old", old));
                Execute(transaction, "DELETE FROM snapshots WHERE id = @old", c => PipelineStore.Bind(c, "@old", old));
            }

            Execute(
                transaction,
                """
                INSERT INTO snapshots (id, account, month, ledger_id, model_version, created_at, connections, hidden, scored, icp_matched, addressable_pool, summary_json)
                VALUES (@id, @account, @month, @ledgerId, @modelVersion, @createdAt, @connections, @hidden, @scored, @icpMatched, @addressablePool, @summaryJson)
                """,
                c =>
                {
                    Key(c);
                    PipelineStore.Bind(c, "@id", id);
                    PipelineStore.Bind(c, "@ledgerId", _ledgerId);
                    PipelineStore.Bind(c, "@modelVersion", _modelVersion);
                    PipelineStore.Bind(c, "@createdAt", StoreValues.Instant(_clock.GetUtcNow()));
                    PipelineStore.Bind(c, "@connections", connections);
                    PipelineStore.Bind(c, "@hidden", hidden);
                    PipelineStore.Bind(c, "@scored", scored);
                    PipelineStore.Bind(c, "@icpMatched", icpMatched);
                    PipelineStore.Bind(c, "@addressablePool", addressablePool);
                    PipelineStore.Bind(c, "@summaryJson", summaryJson);
                });

            // seq numbers the rows in key order, so reading a snapshot back in key order walks its
            // primary key; ties between equal keys keep the order they were added in.
            Execute(
                transaction,
                """
                INSERT INTO snapshot_connections (snapshot_id, seq, connection_key, title, company, industry, company_size, seniority, job_function,
                                                  probability, tier, is_match, is_hidden, has_firmographics, connected_on)
                SELECT @id, ROW_NUMBER() OVER (ORDER BY connection_key, added), connection_key, title, company, industry, company_size, seniority, job_function,
                       probability, tier, is_match, is_hidden, has_firmographics, connected_on
                FROM temp.staged_connections
                ORDER BY connection_key, added
                """,
                c => PipelineStore.Bind(c, "@id", id));
            transaction.Commit();
            return previous is not null;
        });
        Finish();
        return replaced;
    }

    // Without Commit nothing ever reached the database file: the staged rows die with the connection.
    public void Dispose() => Finish();

    private (SqliteCommand Stage, SqliteParameter[] Values) Prepare()
    {
        using (var create = _connection.CreateCommand())
        {
            create.CommandText =
                """
                CREATE TEMP TABLE staged_connections (
                    added BIGINT NOT NULL PRIMARY KEY,
                    connection_key TEXT NOT NULL,
                    title TEXT NOT NULL,
                    company TEXT NOT NULL,
                    industry TEXT NOT NULL,
                    company_size TEXT NOT NULL,
                    seniority TEXT NOT NULL,
                    job_function TEXT NOT NULL,
                    probability DOUBLE PRECISION NOT NULL,
                    tier TEXT NOT NULL,
                    is_match INTEGER NOT NULL,
                    is_hidden INTEGER NOT NULL,
                    has_firmographics INTEGER NOT NULL,
                    connected_on TEXT
                )
                """;
            create.ExecuteNonQuery();
        }

        var stage = _connection.CreateCommand();
        stage.CommandText =
            """
            INSERT INTO temp.staged_connections (added, connection_key, title, company, industry, company_size, seniority, job_function,
                                                 probability, tier, is_match, is_hidden, has_firmographics, connected_on)
            VALUES (@added, @key, @title, @company, @industry, @companySize, @seniority, @function,
                    @probability, @tier, @isMatch, @isHidden, @hasFirmographics, @connectedOn)
            """;
        string[] names = ["@added", "@key", "@title", "@company", "@industry", "@companySize", "@seniority", "@function",
            "@probability", "@tier", "@isMatch", "@isHidden", "@hasFirmographics", "@connectedOn"];
        var values = names.Select(name => stage.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value })).ToArray();
        stage.Prepare();
        return (stage, values);
    }

    private void EndBatch()
    {
        _batch?.Commit();
        _batch?.Dispose();
        _batch = null;
    }

    private void Key(SqliteCommand command)
    {
        PipelineStore.Bind(command, "@account", _account);
        PipelineStore.Bind(command, "@month", _month);
    }

    private object? Scalar(SqliteTransaction transaction, string sql, Action<SqliteCommand> bind)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private void Execute(SqliteTransaction transaction, string sql, Action<SqliteCommand> bind)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        command.ExecuteNonQuery();
    }

    private void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _batch?.Dispose();
        _stage.Dispose();
        _connection.Dispose();
    }
}
