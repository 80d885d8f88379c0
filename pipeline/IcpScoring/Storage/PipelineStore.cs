using System.Data.Common;
using System.Globalization;

namespace IcpScoring.Storage;

// The pipeline's durable state: the ledger of ingested files (each its content as placed:
// LedgerIdentity), the snapshots with their per-connection scores, and the run history, in a SQLite
// file (one machine) or a PostgreSQL database (several). Several processes may use the same
// database; every write runs in a transaction, and the ledger's lock, its UNIQUE identity and its
// conditional updates decide who wins a race, whichever database it is.
internal sealed class PipelineStore : IDisposable
{
    private const string LedgerColumns =
        "id, sha256, path, account, month, status, model_version, data_rows, connections, hidden, duplicates, rejected, error, first_seen_at, updated_at, claimed_by";

    private const string SnapshotColumns =
        "id, account, month, ledger_id, model_version, created_at, connections, hidden, scored, icp_matched, addressable_pool, summary_json";

    private const string RunColumns = "id, command, claimant, started_at, finished_at, status, summary_json";

    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;

    // SQLite's short statements share one connection; Hangfire may call from several worker threads.
    private readonly Lock _gate = new();
    private bool _disposed;

    private PipelineStore(StoreDialect dialect, TimeProvider clock)
    {
        _dialect = dialect;
        _clock = clock;
    }

    /// <summary>People's labels and label queues, per profile, in this database.</summary>
    public LabelStore Labels => new(this, _dialect, _clock);

    /// <summary>The database as messages name it: the SQLite file's full path, or the PostgreSQL server and database.</summary>
    public string Database => _dialect.Name;

    /// <summary>
    /// Opens (and creates or migrates) the pipeline's database: a SQLite file path, or a PostgreSQL
    /// connection string (<c>Host=…;Database=…</c>). Snapshot rows of a PostgreSQL store wait in
    /// <paramref name="spillFolder"/> on this machine (default: the temporary folder).
    /// </summary>
    public static PipelineStore Open(string database, TimeProvider? clock = null, string? spillFolder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        clock ??= TimeProvider.System;
        var dialect = StoreDialect.For(database, spillFolder);
        try
        {
            StoreSchema.Migrate(dialect, clock);
            return new PipelineStore(dialect, clock);
        }
        catch
        {
            dialect.Dispose();
            throw;
        }
    }

    /// <summary>The entry of a file: its content placed as this account and month (<see cref="LedgerIdentity"/>).</summary>
    public LedgerEntry? Find(string sha256, string? account, string? month)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return Locked(c => FindBySha(c, sha256, null).FirstOrDefault(e => e.Account == account && e.Month == month));
    }

    /// <summary>
    /// The done entry that makes a file with this content, placed as this account and month, already
    /// ingested (<see cref="SameContent.Done"/>): its own, or a copy it cannot be told apart from.
    /// Null when the file is new, a new month of its account, another account's content, or not done.
    /// </summary>
    public LedgerEntry? AlreadyIngested(string sha256, string? account, string? month)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return Locked(c => new SameContent(FindBySha(c, sha256, null), account, month).Done);
    }

    /// <summary>
    /// Claims a file, its content placed as <paramref name="account"/> and <paramref name="month"/>
    /// (either may be unknown), for <paramref name="claimant"/>: a new one, one that failed, or one
    /// whose holder stopped heart-beating for <paramref name="staleAfter"/> or is a process of this
    /// machine that has ended. <paramref name="orphanedHere"/> says the caller knows no thread of this
    /// process works on the file, so a claim this process left behind (its give-back failed with the
    /// database) is taken back at once. Copies of the content decide too (<see cref="SameContent"/>):
    /// a copy it cannot be told apart from that is done or being processed stands in the way (it is
    /// then <paramref name="entry"/>), and another account's copy gets the file refused (its own
    /// entry failed with the reason). Two claimants racing for one file never both win: every claim
    /// reads the copies and writes under the ledger's lock, the insert is decided by the unique
    /// identity, a retry or take-over by an update conditional on the row being as it was read.
    /// </summary>
    public ClaimOutcome TryClaim(string sha256, string path, string? account, string? month, string claimant, TimeSpan staleAfter, out LedgerEntry entry, bool orphanedHere = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        (var outcome, entry) = Locked(c =>
        {
            using var transaction = _dialect.BeginWrite(c, IdLock.Ledger);
            var now = _clock.GetUtcNow();
            var copies = new SameContent(FindBySha(c, sha256, transaction), account, month);
            var own = copies.Own;
            if (own is not null && !Claimable(own, claimant, now, staleAfter, orphanedHere))
            {
                return (InTheWay(own), own);
            }

            if (copies.OtherAccount is { } other)
            {
                var reason = $"same content as {other.Path} of account {other.Account}: probably uploaded to the wrong account";
                var (refused, row) = Put(c, transaction, own, sha256, path, account, month, FileStatus.Failed, reason, claimant, now);
                transaction.Commit();
                return (refused ? ClaimOutcome.Refused : InTheWay(row), row);
            }

            if ((copies.Done ?? copies.Busy(e => !Claimable(e, claimant, now, staleAfter, orphanedHere: false))) is { } same)
            {
                return (InTheWay(same), same);
            }

            var (claimed, mine) = Put(c, transaction, own, sha256, path, account, month, FileStatus.Processing, null, claimant, now);
            transaction.Commit();
            return (claimed ? ClaimOutcome.Claimed : InTheWay(mine), mine);
        });
        return outcome;
    }

    public void Heartbeat(long ledgerId, string claimant)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        Locked(c =>
        {
            using var transaction = _dialect.BeginWrite(c, IdLock.None);
            if (Touch(c, transaction, ledgerId, claimant))
            {
                transaction.Commit();
                return;
            }

            throw ClaimLost(c, transaction, ledgerId, claimant);
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
        return Locked(c =>
        {
            using var transaction = _dialect.BeginWrite(c, IdLock.None);
            using var update = Command(
                c,
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
        Locked(c => ReadAll(Command(c, $"SELECT {LedgerColumns} FROM ledger ORDER BY id"), ReadLedgerEntry));

    public IReadOnlyList<LedgerEntry> Unfinished() =>
        Locked(c => ReadAll(
            Command(c, $"SELECT {LedgerColumns} FROM ledger WHERE status IN ('processing', 'failed') ORDER BY id"),
            ReadLedgerEntry));

    public SnapshotWriter BeginSnapshot(string account, string month, long ledgerId, string modelVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(month);
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);

        return new SnapshotWriter(BeginSnapshots(ledgerId, modelVersion), account, month);
    }

    /// <summary>
    /// Every account's snapshot of one export, committed together. With a <paramref name="claimant"/>,
    /// the commit goes through only while that claimant still holds the file in the ledger.
    /// </summary>
    public SnapshotBatch BeginSnapshots(long ledgerId, string modelVersion, string? claimant = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);

        // Checked now rather than by the foreign key at Commit, after a million rows were scored.
        Locked(c => FindById(c, ledgerId, null));
        return new SnapshotBatch(this, _dialect, _clock, ledgerId, modelVersion, claimant);
    }

    public IReadOnlyList<SnapshotInfo> Snapshots(string? account = null) =>
        Locked(c =>
        {
            if (account is null)
            {
                return ReadAll(Command(c, $"SELECT {SnapshotColumns} FROM snapshots ORDER BY account, month"), ReadSnapshotInfo);
            }

            var command = Command(c, $"SELECT {SnapshotColumns} FROM snapshots WHERE account = @account ORDER BY month");
            Bind(command, "@account", account);
            return ReadAll(command, ReadSnapshotInfo);
        });

    public SnapshotInfo? Snapshot(string account, string month)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(month);
        return Locked(c =>
        {
            var command = Command(c, $"SELECT {SnapshotColumns} FROM snapshots WHERE account = @account AND month = @month");
            Bind(command, "@account", account);
            Bind(command, "@month", month);
            return ReadAll(command, ReadSnapshotInfo).SingleOrDefault();
        });
    }

    // Its own connection, so a long read (a million rows into a drift comparison) neither holds the
    // store's lock nor sees a half-written snapshot: one statement reads one consistent view.
    public IEnumerable<SnapshotRow> SnapshotRows(long snapshotId)
    {
        using var connection = _dialect.Connect();
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
        using var reader = _dialect.Guard(command.ExecuteReader);
        while (_dialect.Guard(reader.Read))
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
                Convert.ToInt64(reader.GetValue(9), CultureInfo.InvariantCulture) != 0,
                Convert.ToInt64(reader.GetValue(10), CultureInfo.InvariantCulture) != 0,
                Convert.ToInt64(reader.GetValue(11), CultureInfo.InvariantCulture) != 0,
                reader.IsDBNull(12) ? null : StoreValues.Date(reader.GetString(12))));
        }

        return rows.OrderBy(r => r.Key, StringComparer.Ordinal);
    }

    /// <summary>Accounts whose drift reports wait to be written, each with the newest snapshot that made them wait.</summary>
    public IReadOnlyDictionary<string, long> DriftPending() =>
        Locked(c =>
        {
            using var command = Command(c, "SELECT account, snapshot_id FROM drift_pending");
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
        Locked(c =>
        {
            using var command = Command(c, "DELETE FROM drift_pending WHERE account = @account AND snapshot_id <= @upTo");
            Bind(command, "@account", account);
            Bind(command, "@upTo", upToSnapshot);
            command.ExecuteNonQuery();
        });
    }

    /// <summary>The profiles accounts were assigned to on the upload page, by account.</summary>
    public IReadOnlyDictionary<string, string> AssignedProfiles() =>
        Locked(c =>
        {
            using var command = Command(c, "SELECT account, profile FROM account_profiles");
            using var reader = command.ExecuteReader();
            var assigned = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                assigned[reader.GetString(0)] = reader.GetString(1);
            }

            return assigned;
        });

    /// <summary>From now on the account is scored by <paramref name="profile"/> (unless the settings pin it); <paramref name="by"/> says who chose.</summary>
    public void AssignProfile(string account, string profile, string by)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(profile);
        Locked(c =>
        {
            using var command = Command(c,
                """
                INSERT INTO account_profiles (account, profile, assigned_by, assigned_at) VALUES (@account, @profile, @by, @at)
                ON CONFLICT (account) DO UPDATE SET profile = excluded.profile, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
                """);
            Bind(command, "@account", account);
            Bind(command, "@profile", profile);
            Bind(command, "@by", by);
            Bind(command, "@at", StoreValues.Instant(_clock.GetUtcNow()));
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
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _dialect.HoldReports();
    }

    /// <summary>The turn of <see cref="HoldReports"/> if nobody holds it now; null otherwise.</summary>
    public IDisposable? TryHoldReports()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _dialect.TryHoldReports();
    }

    public long StartRun(string command, string claimant)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        return Locked(c =>
        {
            using var transaction = _dialect.BeginWrite(c, IdLock.Runs);
            using var insert = Command(
                c,
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
        Locked(c =>
        {
            using var transaction = _dialect.BeginWrite(c, IdLock.None);
            using var update = Command(
                c,
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
        Locked(c => ReadAll(
            Command(c, $"SELECT {RunColumns} FROM runs ORDER BY id"),
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
            _dialect.Dispose();
        }
    }

    internal static void Bind(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Inside a write transaction: the file is still processing and held by <paramref name="claimant"/>;
    /// its row stays locked until the transaction ends, so nobody takes it over meanwhile.
    /// </summary>
    internal bool Touch(DbConnection connection, DbTransaction transaction, long ledgerId, string claimant)
    {
        using var touch = Command(
            connection,
            "UPDATE ledger SET updated_at = @now WHERE id = @id AND status = 'processing' AND claimed_by = @claimant",
            transaction);
        Bind(touch, "@now", StoreValues.Instant(_clock.GetUtcNow()));
        Bind(touch, "@id", ledgerId);
        Bind(touch, "@claimant", claimant);
        return touch.ExecuteNonQuery() == 1;
    }

    // Another process judged this claim stale and took the file over (or it was finished):
    // carrying on would process the file twice.
    internal StoreException ClaimLost(DbConnection connection, DbTransaction transaction, long ledgerId, string claimant)
    {
        var entry = FindById(connection, ledgerId, transaction);
        return new StoreException(
            $"{Database}: ledger entry {ledgerId} ({entry.Path}) is {StoreValues.Status(entry.Status)} and claimed by {entry.ClaimedBy ?? "nobody"}, no longer by {claimant}; stop processing it");
    }

    // An entry that keeps a claimant off: done, or (whatever else it became while a conditional
    // write was being decided, such as given back by its holder) held by someone else.
    private static ClaimOutcome InTheWay(LedgerEntry entry) =>
        entry.Status is FileStatus.Done or FileStatus.Skipped ? ClaimOutcome.AlreadyDone : ClaimOutcome.Busy;

    private static bool Claimable(LedgerEntry entry, string claimant, DateTimeOffset now, TimeSpan staleAfter, bool orphanedHere) => entry.Status switch
    {
        FileStatus.Failed => true,
        // Its claimant stopped heart-beating, or is a process of this machine that has ended, or is
        // this very process with nobody here working on it: the file would be lost.
        FileStatus.Processing => now - entry.UpdatedAt > staleAfter
            || Claimant.IsDeadLocalProcess(entry.ClaimedBy)
            || (orphanedHere && entry.ClaimedBy == claimant),
        // Done and Skipped are final: the same file under a new name is the same file.
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

    private void Update(long ledgerId, string sql, Action<DbCommand> bind) =>
        Locked(c =>
        {
            using var transaction = _dialect.BeginWrite(c, IdLock.None);
            using var command = Command(c, sql, transaction);
            bind(command);
            Bind(command, "@now", StoreValues.Instant(_clock.GetUtcNow()));
            Bind(command, "@id", ledgerId);
            if (command.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Database}: ledger entry {ledgerId} does not exist"));
            }

            transaction.Commit();
        });

    // Inside the claim's transaction: the file's own entry inserted (a new identity: of two inserts
    // racing, the unique key keeps one) or, as read, updated (a retry or a take-over, maybe under
    // another path); says whether this write happened, and returns the entry as it is now.
    private (bool Written, LedgerEntry Entry) Put(
        DbConnection c, DbTransaction transaction, LedgerEntry? own, string sha256, string path, string? account, string? month, FileStatus status, string? error, string claimant, DateTimeOffset now)
    {
        using var command = Command(
            c,
            own is null
                ? """
                  INSERT INTO ledger (id, identity, sha256, path, account, month, status, error, first_seen_at, updated_at, claimed_by)
                  VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM ledger), @identity, @sha256, @path, @account, @month, @status, @error, @now, @now, @claimant)
                  ON CONFLICT (identity) DO NOTHING
                  """
                : """
                  UPDATE ledger
                  SET status = @status, path = @path, error = @error, updated_at = @now, claimed_by = @claimant
                  WHERE id = @id AND status = @seenStatus AND updated_at = @seenAt
                  """,
            transaction);
        var identity = LedgerIdentity.Of(sha256, account, month);
        Bind(command, "@status", StoreValues.Status(status));
        Bind(command, "@path", path);
        Bind(command, "@error", error);
        Bind(command, "@now", StoreValues.Instant(now));
        Bind(command, "@claimant", claimant);
        if (own is null)
        {
            Bind(command, "@identity", identity);
            Bind(command, "@sha256", sha256);
            Bind(command, "@account", account);
            Bind(command, "@month", month);
        }
        else
        {
            Bind(command, "@id", own.Id);
            Bind(command, "@seenStatus", StoreValues.Status(own.Status));
            Bind(command, "@seenAt", StoreValues.Instant(own.UpdatedAt));
        }

        var written = command.ExecuteNonQuery() == 1;
        var read = Command(c, $"SELECT {LedgerColumns} FROM ledger WHERE identity = @identity", transaction);
        Bind(read, "@identity", identity);
        return (written, ReadAll(read, ReadLedgerEntry).Single());
    }

    // Every entry of one content: the file's own and its copies under other accounts or months.
    private static List<LedgerEntry> FindBySha(DbConnection connection, string sha256, DbTransaction? transaction)
    {
        var command = Command(connection, $"SELECT {LedgerColumns} FROM ledger WHERE sha256 = @sha256 ORDER BY id", transaction);
        Bind(command, "@sha256", sha256);
        return ReadAll(command, ReadLedgerEntry);
    }

    private LedgerEntry FindById(DbConnection connection, long ledgerId, DbTransaction? transaction)
    {
        var command = Command(connection, $"SELECT {LedgerColumns} FROM ledger WHERE id = @id", transaction);
        Bind(command, "@id", ledgerId);
        return ReadAll(command, ReadLedgerEntry).SingleOrDefault()
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Database}: ledger entry {ledgerId} does not exist"));
    }

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static List<T> ReadAll<T>(DbCommand command, Func<DbDataReader, T> read)
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

    private static LedgerEntry ReadLedgerEntry(DbDataReader reader) => new(
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

    private static SnapshotInfo ReadSnapshotInfo(DbDataReader reader) => new(
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

    internal T Locked<T>(Func<DbConnection, T> action)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _dialect.Guard(() => _dialect.With(action));
        }
    }

    private void Locked(Action<DbConnection> action) =>
        Locked(c =>
        {
            action(c);
            return true;
        });
}
