using System.Data.Common;
using System.Globalization;

namespace IcpScoring.Storage;

/// <summary>
/// The snapshots of one export, every account's month in one transaction. Rows wait in a spill
/// file on this machine (not in memory, and not in the database: scoring a large export takes
/// a while, and holding a write transaction that long would make every other process wait) and
/// reach their table in <see cref="Commit"/>, in the order they were added, each once, in one bulk
/// load (SQLite's statement API, PostgreSQL's binary COPY).
/// </summary>
internal sealed class SnapshotBatch : IDisposable
{
    private readonly PipelineStore _store;
    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;
    private readonly long _ledgerId;
    private readonly string _modelVersion;
    private readonly string? _claimant;
    private readonly SnapshotSpill _spill;
    private readonly Dictionary<string, int> _accounts = new(StringComparer.Ordinal);
    private bool _finished;

    internal SnapshotBatch(PipelineStore store, StoreDialect dialect, TimeProvider clock, long ledgerId, string modelVersion, string? claimant)
    {
        _store = store;
        _dialect = dialect;
        _clock = clock;
        _ledgerId = ledgerId;
        _modelVersion = modelVersion;
        _claimant = claimant;
        _spill = Spilling(() => new SnapshotSpill(SpillFolder));
    }

    private string SpillFolder => _dialect.SpillFolder;

    public long Count => _spill.Count;

    public void Add(string account, SnapshotRow row)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(row);
        ObjectDisposedException.ThrowIf(_finished, this);
        if (!_accounts.TryGetValue(account, out var index))
        {
            _accounts[account] = index = _accounts.Count;
        }

        Spilling(() =>
        {
            _spill.Add(index, row);
            return true;
        });
    }

    /// <summary>
    /// Replaces each account's month with its new snapshot; says, per account, whether one was
    /// replaced. <paramref name="beforeCommit"/> runs inside the transaction once every row is in:
    /// an exception from it rolls everything back.
    /// </summary>
    public IReadOnlyDictionary<string, bool> Commit(IReadOnlyList<SnapshotHeader> snapshots, Action? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ObjectDisposedException.ThrowIf(_finished, this);
        var byAccount = snapshots.ToDictionary(s => s.Account, StringComparer.Ordinal);
        if (_accounts.Keys.FirstOrDefault(a => !byAccount.ContainsKey(a)) is { } missing)
        {
            throw new ArgumentException($"rows were added for {missing} but no snapshot of it is committed", nameof(snapshots));
        }

        var replaced = _dialect.Guard(() =>
        {
            using var connection = _dialect.Connect();
            using var transaction = _dialect.BeginWrite(connection, IdLock.Snapshots);

            // The file is still this claimant's, and stays so until the commit: a claim taken over by
            // another process meanwhile means that process does the file, not this one.
            if (_claimant is not null && !_store.Touch(connection, transaction, _ledgerId, _claimant))
            {
                throw _store.ClaimLost(connection, transaction, _ledgerId, _claimant);
            }

            var ids = new long[_accounts.Count];
            var replaced = new Dictionary<string, bool>(StringComparer.Ordinal);

            // Taken before the deletes, so a new snapshot never inherits the id of the one it replaces.
            var next = (long)Scalar(connection, transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM snapshots", _ => { })!;
            foreach (var s in snapshots.OrderBy(s => s.Account, StringComparer.Ordinal))
            {
                var id = next++;
                replaced[s.Account] = ReplaceHeader(connection, transaction, s, id);
                if (_accounts.TryGetValue(s.Account, out var index))
                {
                    ids[index] = id;
                }
            }

            Spilling(() =>
            {
                _dialect.InsertRows(connection, transaction, ids, _spill);
                return true;
            });
            beforeCommit?.Invoke();
            transaction.Commit();
            return replaced;
        });
        Finish();
        return replaced;
    }

    public void Dispose() => Finish();

    // The spill file sits beside the database: a full disk there is the database's problem too, and
    // is reported the same way, as one line naming the database.
    private T Spilling<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (FileSystemFaults.Is(e))
        {
            throw new StoreException($"{_dialect.Name}: cannot hold snapshot rows in {SpillFolder} ({FileSystemFaults.Describe(e, SpillFolder)}); free some space and try again", e);
        }
    }

    // Says whether an earlier export's snapshot was replaced: the same file's own, committed by a run
    // that was killed before marking it done, is not an earlier export.
    private bool ReplaceHeader(DbConnection connection, DbTransaction transaction, SnapshotHeader s, long id)
    {
        void Key(DbCommand c)
        {
            PipelineStore.Bind(c, "@account", s.Account);
            PipelineStore.Bind(c, "@month", s.Month);
        }

        var previous = Scalar(connection, transaction, "SELECT id FROM snapshots WHERE account = @account AND month = @month", Key);
        var fromAnotherExport = previous is long earlier
            && (long?)Scalar(connection, transaction, "SELECT ledger_id FROM snapshots WHERE id = @old", c => PipelineStore.Bind(c, "@old", earlier)) != _ledgerId;
        if (previous is long old)
        {
            Execute(connection, transaction, "DELETE FROM snapshot_connections WHERE snapshot_id = @old", c => PipelineStore.Bind(c, "@old", old));
            Execute(connection, transaction, "DELETE FROM snapshots WHERE id = @old", c => PipelineStore.Bind(c, "@old", old));
        }

        Execute(
            connection,
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
                PipelineStore.Bind(c, "@modelVersion", s.ModelVersion ?? _modelVersion);
                PipelineStore.Bind(c, "@createdAt", StoreValues.Instant(_clock.GetUtcNow()));
                PipelineStore.Bind(c, "@connections", s.Connections);
                PipelineStore.Bind(c, "@hidden", s.Hidden);
                PipelineStore.Bind(c, "@scored", s.Scored);
                PipelineStore.Bind(c, "@icpMatched", s.IcpMatched);
                PipelineStore.Bind(c, "@addressablePool", s.AddressablePool);
                PipelineStore.Bind(c, "@summaryJson", s.SummaryJson);
            });
        Execute(
            connection,
            transaction,
            "INSERT INTO drift_pending (account, snapshot_id) VALUES (@account, @id) ON CONFLICT (account) DO UPDATE SET snapshot_id = excluded.snapshot_id",
            c =>
            {
                PipelineStore.Bind(c, "@account", s.Account);
                PipelineStore.Bind(c, "@id", id);
            });
        return fromAnotherExport;
    }

    private static object? Scalar(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand> bind)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand> bind)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        command.ExecuteNonQuery();
    }

    // Without Commit nothing ever reached the database: the spilled rows die with their file.
    private void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _spill.Dispose();
    }
}
