using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IcpScoring.Storage;

// Rows wait in memory (the caller already holds them; this keeps references) and reach the
// database file only in Commit, in one write transaction: scoring a large export can take minutes,
// and holding the write lock that long would make every other process (another `icp run` claiming
// a file, this one's own Heartbeat) give up after busy_timeout. Writing each row once, straight
// into its table in key order, is about twice as fast as staging it in a temporary table first.
internal sealed class SnapshotWriter : IDisposable
{
    private readonly string _database;
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly string _account;
    private readonly string _month;
    private readonly long _ledgerId;
    private readonly string _modelVersion;
    private readonly List<SnapshotRow> _rows = [];
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
    }

    public long Count => _rows.Count;

    public void Add(SnapshotRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        ObjectDisposedException.ThrowIf(_finished, this);
        _rows.Add(row);
    }

    public bool Commit(long connections, long hidden, long scored, long icpMatched, long addressablePool, string summaryJson)
    {
        ArgumentNullException.ThrowIfNull(summaryJson);
        ObjectDisposedException.ThrowIf(_finished, this);
        var replaced = StoreConnections.Guard(_database, () =>
        {
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
            // primary key; ties between equal keys keep the order they were added in (a stable sort).
            Insert(transaction, id, _rows.OrderBy(r => r.Key, StringComparer.Ordinal));
            Execute(
                transaction,
                "INSERT INTO drift_pending (account, snapshot_id) VALUES (@account, @id) ON CONFLICT (account) DO UPDATE SET snapshot_id = excluded.snapshot_id",
                c =>
                {
                    Key(c);
                    PipelineStore.Bind(c, "@id", id);
                });
            transaction.Commit();
            return previous is not null;
        });
        Finish();
        return replaced;
    }

    // Without Commit nothing ever reached the database file: the staged rows die with the connection.
    public void Dispose() => Finish();

    private void Insert(SqliteTransaction transaction, long id, IEnumerable<SnapshotRow> rows)
    {
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            """
            INSERT INTO snapshot_connections (snapshot_id, seq, connection_key, title, company, industry, company_size, seniority, job_function,
                                              probability, tier, is_match, is_hidden, has_firmographics, connected_on)
            VALUES (@id, @seq, @key, @title, @company, @industry, @companySize, @seniority, @function,
                    @probability, @tier, @isMatch, @isHidden, @hasFirmographics, @connectedOn)
            """;
        string[] names = ["@id", "@seq", "@key", "@title", "@company", "@industry", "@companySize", "@seniority", "@function",
            "@probability", "@tier", "@isMatch", "@isHidden", "@hasFirmographics", "@connectedOn"];
        var values = names.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value })).ToArray();
        insert.Prepare();
        values[0].Value = id;
        long seq = 0;
        foreach (var row in rows)
        {
            values[1].Value = ++seq;
            values[2].Value = row.Key;
            values[3].Value = row.Title;
            values[4].Value = row.Company;
            values[5].Value = row.Industry;
            values[6].Value = row.CompanySize;
            values[7].Value = row.Seniority;
            values[8].Value = row.Function;
            values[9].Value = row.Probability;
            values[10].Value = row.Tier;
            values[11].Value = row.IsMatch ? 1 : 0;
            values[12].Value = row.IsHidden ? 1 : 0;
            values[13].Value = row.HasFirmographics ? 1 : 0;
            values[14].Value = row.ConnectedOn is { } on ? StoreValues.Date(on) : DBNull.Value;
            insert.ExecuteNonQuery();
        }
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
        _rows.Clear();
        _connection.Dispose();
    }
}
