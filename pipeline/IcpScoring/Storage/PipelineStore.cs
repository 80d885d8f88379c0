using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IcpScoring.Storage;

// The pipeline's durable state in one SQLite file: the ledger of ingested files, the snapshots
// with their per-connection scores, and the run history. Several processes may open the same file;
// every write runs in a BEGIN IMMEDIATE transaction, so they queue on busy_timeout instead of
// failing half-way, and the UNIQUE constraints decide who wins a race.
internal sealed class PipelineStore : IDisposable
{
    private const string LedgerColumns =
        "id, sha256, path, account, month, status, model_version, data_rows, connections, hidden, duplicates, rejected, error, first_seen_at, updated_at, claimed_by";

    private const string SnapshotColumns =
        "id, account, month, ledger_id, model_version, created_at, connections, hidden, scored, icp_matched, addressable_pool, summary_json";

    private const string RunColumns = "id, command, claimant, started_at, finished_at, status, summary_json";

    // A lock held by another open file: EWOULDBLOCK on Unix, ERROR_SHARING_VIOLATION on Windows.
    private const int HeldElsewhere = 11;
    private const int HeldElsewhereOnWindows = unchecked((int)0x80070020);

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    // One connection serves the short statements; Hangfire may call from several worker threads.
    private readonly Lock _gate = new();
    private bool _disposed;

    private PipelineStore(string database, SqliteConnection connection, TimeProvider clock)
    {
        Database = database;
        _connection = connection;
        _clock = clock;
    }

    public string Database { get; }

    public static PipelineStore Open(string databasePath, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        clock ??= TimeProvider.System;
        var database = Path.GetFullPath(databasePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{database}: cannot create its folder ({e.Message})", e);
        }

        var connection = StoreConnections.Open(database);
        try
        {
            StoreSchema.Migrate(connection, database, clock);
            return new PipelineStore(database, connection, clock);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public LedgerEntry? FindBySha(string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return Locked(() => FindBySha(sha256, null));
    }

    public bool TryClaim(string sha256, string path, string? account, string? month, string claimant, TimeSpan staleAfter, out LedgerEntry entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        (var claimed, entry) = Locked(() =>
        {
            using var transaction = _connection.BeginTransaction();
            var now = _clock.GetUtcNow();
            var existing = FindBySha(sha256, transaction);
            if (existing is null)
            {
                // Under BEGIN IMMEDIATE no other SQLite writer can get here first; the UNIQUE sha256
                // still decides for stores (PostgreSQL) where two inserts can run side by side.
                using var insert = Command(
                    """
                    INSERT INTO ledger (id, sha256, path, account, month, status, first_seen_at, updated_at, claimed_by)
                    VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM ledger), @sha256, @path, @account, @month, 'processing', @now, @now, @claimant)
                    ON CONFLICT (sha256) DO NOTHING
                    """,
                    transaction);
                Bind(insert, "@sha256", sha256);
                Bind(insert, "@path", path);
                Bind(insert, "@account", account);
                Bind(insert, "@month", month);
                Bind(insert, "@now", StoreValues.Instant(now));
                Bind(insert, "@claimant", claimant);
                var inserted = insert.ExecuteNonQuery() == 1;
                var row = FindBySha(sha256, transaction)!;
                transaction.Commit();
                return (inserted, row);
            }

            if (!Claimable(existing, now, staleAfter))
            {
                return (false, existing);
            }

            // A retry or a take-over: the file may have come back under another path or month.
            using var update = Command(
                """
                UPDATE ledger
                SET status = 'processing', path = @path, account = @account, month = @month,
                    error = NULL, updated_at = @now, claimed_by = @claimant
                WHERE id = @id
                """,
                transaction);
            Bind(update, "@path", path);
            Bind(update, "@account", account);
            Bind(update, "@month", month);
            Bind(update, "@now", StoreValues.Instant(now));
            Bind(update, "@claimant", claimant);
            Bind(update, "@id", existing.Id);
            update.ExecuteNonQuery();
            var claimedRow = FindBySha(sha256, transaction)!;
            transaction.Commit();
            return (true, claimedRow);
        });
        return claimed;
    }

    public void Heartbeat(long ledgerId, string claimant)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        Locked(() =>
        {
            using var transaction = _connection.BeginTransaction();
            using var touch = Command(
                "UPDATE ledger SET updated_at = @now WHERE id = @id AND status = 'processing' AND claimed_by = @claimant",
                transaction);
            Bind(touch, "@now", StoreValues.Instant(_clock.GetUtcNow()));
            Bind(touch, "@id", ledgerId);
            Bind(touch, "@claimant", claimant);
            if (touch.ExecuteNonQuery() == 1)
            {
                transaction.Commit();
                return;
            }

            // Another process judged this claim stale and took the file over (or it was finished):
            // carrying on would process the file twice.
            var entry = FindById(ledgerId, transaction);
            throw new StoreException(
                $"{Database}: ledger entry {ledgerId} ({entry.Path}) is {StoreValues.Status(entry.Status)} and claimed by {entry.ClaimedBy ?? "nobody"}, no longer by {claimant}; stop processing it");
        });
    }

    public void Complete(long ledgerId, string modelVersion, FileCounts counts)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);
        ArgumentNullException.ThrowIfNull(counts);
        Update(
            ledgerId,
            """
            UPDATE ledger
            SET status = 'done', model_version = @modelVersion, data_rows = @dataRows, connections = @connections,
                hidden = @hidden, duplicates = @duplicates, rejected = @rejected, error = NULL, updated_at = @now
            WHERE id = @id
            """,
            command =>
            {
                Bind(command, "@modelVersion", modelVersion);
                Bind(command, "@dataRows", counts.DataRows);
                Bind(command, "@connections", counts.Connections);
                Bind(command, "@hidden", counts.Hidden);
                Bind(command, "@duplicates", counts.Duplicates);
                Bind(command, "@rejected", counts.Rejected);
            });
    }

    public void Fail(long ledgerId, string reason) => SetStatus(ledgerId, FileStatus.Failed, reason);

    /// <summary>
    /// Gives a file back (failed, with the reason, so any run claims it again) if this claimant still
    /// holds it; says whether it did. A claim taken over meanwhile belongs to its new holder.
    /// </summary>
    public bool GiveBack(long ledgerId, string claimant, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return Locked(() =>
        {
            using var transaction = _connection.BeginTransaction();
            using var update = Command(
                "UPDATE ledger SET status = 'failed', error = @error, updated_at = @now WHERE id = @id AND status = 'processing' AND claimed_by = @claimant",
                transaction);
            Bind(update, "@error", reason);
            Bind(update, "@now", StoreValues.Instant(_clock.GetUtcNow()));
            Bind(update, "@id", ledgerId);
            Bind(update, "@claimant", claimant);
            var given = update.ExecuteNonQuery() == 1;
            transaction.Commit();
            return given;
        });
    }

    public void MarkSkipped(long ledgerId, string reason) => SetStatus(ledgerId, FileStatus.Skipped, reason);

    public IReadOnlyList<LedgerEntry> Ledger() =>
        Locked(() => ReadAll(Command($"SELECT {LedgerColumns} FROM ledger ORDER BY id"), ReadLedgerEntry));

    public IReadOnlyList<LedgerEntry> Unfinished() =>
        Locked(() => ReadAll(
            Command($"SELECT {LedgerColumns} FROM ledger WHERE status IN ('processing', 'failed') ORDER BY id"),
            ReadLedgerEntry));

    public SnapshotWriter BeginSnapshot(string account, string month, long ledgerId, string modelVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(month);
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);

        return new SnapshotWriter(BeginSnapshots(ledgerId, modelVersion), account, month);
    }

    /// <summary>Every account's snapshot of one export, committed together.</summary>
    public SnapshotBatch BeginSnapshots(long ledgerId, string modelVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);

        // Checked now rather than by the foreign key at Commit, after a million rows were scored.
        Locked(() => FindById(ledgerId, null));
        return new SnapshotBatch(Database, StoreConnections.Open(Database), _clock, ledgerId, modelVersion);
    }

    public IReadOnlyList<SnapshotInfo> Snapshots(string? account = null) =>
        Locked(() =>
        {
            if (account is null)
            {
                return ReadAll(Command($"SELECT {SnapshotColumns} FROM snapshots ORDER BY account, month"), ReadSnapshotInfo);
            }

            var command = Command($"SELECT {SnapshotColumns} FROM snapshots WHERE account = @account ORDER BY month");
            Bind(command, "@account", account);
            return ReadAll(command, ReadSnapshotInfo);
        });

    public SnapshotInfo? Snapshot(string account, string month)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(month);
        return Locked(() =>
        {
            var command = Command($"SELECT {SnapshotColumns} FROM snapshots WHERE account = @account AND month = @month");
            Bind(command, "@account", account);
            Bind(command, "@month", month);
            return ReadAll(command, ReadSnapshotInfo).SingleOrDefault();
        });
    }

    // Its own connection, so a long read (a million rows into a drift comparison) neither holds the
    // store's lock nor sees a half-written snapshot: WAL gives the reader one consistent view.
    public IEnumerable<SnapshotRow> SnapshotRows(long snapshotId)
    {
        using var connection = StoreConnections.Open(Database);
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT connection_key, title, company, industry, company_size, seniority, job_function,
                   probability, tier, is_match, is_hidden, has_firmographics, connected_on
            FROM snapshot_connections
            WHERE snapshot_id = @snapshotId
            ORDER BY seq
            """;
        // Rows are stored in the order they came; they are handed out in key order (equal keys in
        // the order they came), sorted here rather than by an index every insert would have to update.
        var rows = new List<SnapshotRow>();
        Bind(command, "@snapshotId", snapshotId);
        using var reader = StoreConnections.Guard(Database, () => command.ExecuteReader());
        while (StoreConnections.Guard(Database, reader.Read))
        {
            rows.Add(new SnapshotRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetDouble(7),
                reader.GetString(8),
                reader.GetInt64(9) != 0,
                reader.GetInt64(10) != 0,
                reader.GetInt64(11) != 0,
                reader.IsDBNull(12) ? null : StoreValues.Date(reader.GetString(12))));
        }

        return rows.OrderBy(r => r.Key, StringComparer.Ordinal);
    }

    /// <summary>Accounts whose drift reports wait to be written, each with the newest snapshot that made them wait.</summary>
    public IReadOnlyDictionary<string, long> DriftPending() =>
        Locked(() =>
        {
            using var command = Command("SELECT account, snapshot_id FROM drift_pending");
            using var reader = command.ExecuteReader();
            var pending = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read())
            {
                pending[reader.GetString(0)] = reader.GetInt64(1);
            }

            return pending;
        });

    /// <summary>
    /// An account's drift reports are written from its snapshots up to <paramref name="upToSnapshot"/>;
    /// a snapshot committed since then keeps it waiting.
    /// </summary>
    public void DriftWritten(string account, long upToSnapshot)
    {
        ArgumentNullException.ThrowIfNull(account);
        Locked(() =>
        {
            using var command = Command("DELETE FROM drift_pending WHERE account = @account AND snapshot_id <= @upTo");
            Bind(command, "@account", account);
            Bind(command, "@upTo", upToSnapshot);
            command.ExecuteNonQuery();
        });
    }

    /// <summary>
    /// Held, by any process on this database, while reports are made from it (drift reports, the
    /// portfolio): whoever holds it last has read every snapshot committed before it took it, so the
    /// files written last are never older than the database. Waits as long as for a locked database.
    /// </summary>
    public IDisposable HoldReports()
    {
        // A file of its own beside the database (never deleted: removing a lock file races with
        // its next holder); SQLite's own locks are POSIX locks, which the same process would share.
        var path = Database + "-reports.lock";
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException e) when (e.HResult is HeldElsewhere or HeldElsewhereOnWindows && waited.Elapsed.TotalSeconds < StoreConnections.BusySeconds)
            {
                Thread.Sleep(50);
            }
            catch (Exception e) when (FileSystemFaults.Is(e))
            {
                throw new StoreException(e.HResult is HeldElsewhere or HeldElsewhereOnWindows
                    ? string.Create(CultureInfo.InvariantCulture, $"{Database}: reports are being made from it by another process for {StoreConnections.BusySeconds} s; wait for the other icp to finish and try again")
                    : $"{Database}: cannot lock {path} ({FileSystemFaults.Describe(e, path)})", e);
            }
        }
    }

    public long StartRun(string command, string claimant)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        return Locked(() =>
        {
            using var transaction = _connection.BeginTransaction();
            using var insert = Command(
                """
                INSERT INTO runs (id, command, claimant, started_at, status)
                VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM runs), @command, @claimant, @now, 'running')
                RETURNING id
                """,
                transaction);
            Bind(insert, "@command", command);
            Bind(insert, "@claimant", claimant);
            Bind(insert, "@now", StoreValues.Instant(_clock.GetUtcNow()));
            var id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            transaction.Commit();
            return id;
        });
    }

    public void FinishRun(long runId, string status, string summaryJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        ArgumentNullException.ThrowIfNull(summaryJson);
        Locked(() =>
        {
            using var transaction = _connection.BeginTransaction();
            using var update = Command(
                "UPDATE runs SET finished_at = @now, status = @status, summary_json = @summaryJson WHERE id = @id",
                transaction);
            Bind(update, "@now", StoreValues.Instant(_clock.GetUtcNow()));
            Bind(update, "@status", status);
            Bind(update, "@summaryJson", summaryJson);
            Bind(update, "@id", runId);
            if (update.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Database}: run {runId} does not exist"));
            }

            transaction.Commit();
        });
    }

    public IReadOnlyList<RunInfo> Runs() =>
        Locked(() => ReadAll(
            Command($"SELECT {RunColumns} FROM runs ORDER BY id"),
            reader => new RunInfo(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                StoreValues.Instant(reader.GetString(3)),
                reader.IsDBNull(4) ? null : StoreValues.Instant(reader.GetString(4)),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6))));

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _connection.Dispose();
        }
    }

    internal static void Bind(SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    private static bool Claimable(LedgerEntry entry, DateTimeOffset now, TimeSpan staleAfter) => entry.Status switch
    {
        FileStatus.Failed => true,
        // Its claimant stopped heart-beating, or is a process of this machine that has ended: the file would be lost.
        FileStatus.Processing => now - entry.UpdatedAt > staleAfter || Claimant.IsDeadLocalProcess(entry.ClaimedBy),
        // Done and Skipped are final; the same content under a new name is the same file.
        _ => false,
    };

    private void SetStatus(long ledgerId, FileStatus status, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Update(
            ledgerId,
            "UPDATE ledger SET status = @status, error = @error, updated_at = @now WHERE id = @id",
            command =>
            {
                Bind(command, "@status", StoreValues.Status(status));
                Bind(command, "@error", reason);
            });
    }

    private void Update(long ledgerId, string sql, Action<SqliteCommand> bind) =>
        Locked(() =>
        {
            using var transaction = _connection.BeginTransaction();
            using var command = Command(sql, transaction);
            bind(command);
            Bind(command, "@now", StoreValues.Instant(_clock.GetUtcNow()));
            Bind(command, "@id", ledgerId);
            if (command.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Database}: ledger entry {ledgerId} does not exist"));
            }

            transaction.Commit();
        });

    private LedgerEntry? FindBySha(string sha256, SqliteTransaction? transaction)
    {
        var command = Command($"SELECT {LedgerColumns} FROM ledger WHERE sha256 = @sha256", transaction);
        Bind(command, "@sha256", sha256);
        return ReadAll(command, ReadLedgerEntry).SingleOrDefault();
    }

    private LedgerEntry FindById(long ledgerId, SqliteTransaction? transaction)
    {
        var command = Command($"SELECT {LedgerColumns} FROM ledger WHERE id = @id", transaction);
        Bind(command, "@id", ledgerId);
        return ReadAll(command, ReadLedgerEntry).SingleOrDefault()
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Database}: ledger entry {ledgerId} does not exist"));
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

    private static LedgerEntry ReadLedgerEntry(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        StoreValues.Status(reader.GetString(5)),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetInt64(7),
        reader.GetInt64(8),
        reader.GetInt64(9),
        reader.GetInt64(10),
        reader.GetInt64(11),
        reader.IsDBNull(12) ? null : reader.GetString(12),
        StoreValues.Instant(reader.GetString(13)),
        StoreValues.Instant(reader.GetString(14)),
        reader.IsDBNull(15) ? null : reader.GetString(15));

    private static SnapshotInfo ReadSnapshotInfo(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetInt64(3),
        reader.GetString(4),
        StoreValues.Instant(reader.GetString(5)),
        reader.GetInt64(6),
        reader.GetInt64(7),
        reader.GetInt64(8),
        reader.GetInt64(9),
        reader.GetInt64(10),
        reader.GetString(11));

    private T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return StoreConnections.Guard(Database, action);
        }
    }

    private void Locked(Action action) =>
        Locked(() =>
        {
            action();
            return true;
        });
}
