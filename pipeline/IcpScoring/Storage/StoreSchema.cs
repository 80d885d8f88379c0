using System.Data.Common;
using System.Globalization;

namespace IcpScoring.Storage;

// The schema is portable SQL (TEXT, BIGINT, DOUBLE PRECISION, explicit keys, no AUTOINCREMENT or
// STRICT): SQLite and PostgreSQL run the same scripts. Ids are assigned by the store (MAX + 1
// inside a write transaction that holds the table's id lock) rather than by a dialect's identity column.
// Append migrations; never edit one that has shipped.
internal static class StoreSchema
{
    public static IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        new(1, """
            CREATE TABLE ledger (
                id BIGINT NOT NULL PRIMARY KEY,
                sha256 TEXT NOT NULL,
                path TEXT NOT NULL,
                account TEXT,
                month TEXT,
                status TEXT NOT NULL CHECK (status IN ('processing', 'done', 'failed', 'skipped')),
                model_version TEXT,
                data_rows BIGINT NOT NULL DEFAULT 0,
                connections BIGINT NOT NULL DEFAULT 0,
                hidden BIGINT NOT NULL DEFAULT 0,
                duplicates BIGINT NOT NULL DEFAULT 0,
                rejected BIGINT NOT NULL DEFAULT 0,
                error TEXT,
                first_seen_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                claimed_by TEXT,
                CONSTRAINT uq_ledger_sha256 UNIQUE (sha256)
            );
            CREATE INDEX ix_ledger_status ON ledger (status);

            CREATE TABLE snapshots (
                id BIGINT NOT NULL PRIMARY KEY,
                account TEXT NOT NULL,
                month TEXT NOT NULL,
                ledger_id BIGINT NOT NULL REFERENCES ledger (id),
                model_version TEXT NOT NULL,
                created_at TEXT NOT NULL,
                connections BIGINT NOT NULL,
                hidden BIGINT NOT NULL,
                scored BIGINT NOT NULL,
                icp_matched BIGINT NOT NULL,
                addressable_pool BIGINT NOT NULL,
                summary_json TEXT NOT NULL,
                CONSTRAINT uq_snapshots_account_month UNIQUE (account, month)
            );

            CREATE TABLE snapshot_connections (
                snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
                seq BIGINT NOT NULL,
                connection_key TEXT NOT NULL,
                title TEXT NOT NULL,
                company TEXT NOT NULL,
                industry TEXT NOT NULL,
                company_size TEXT NOT NULL,
                seniority TEXT NOT NULL,
                job_function TEXT NOT NULL,
                probability DOUBLE PRECISION NOT NULL,
                tier TEXT NOT NULL,
                is_match INTEGER NOT NULL CHECK (is_match IN (0, 1)),
                is_hidden INTEGER NOT NULL CHECK (is_hidden IN (0, 1)),
                has_firmographics INTEGER NOT NULL CHECK (has_firmographics IN (0, 1)),
                connected_on TEXT,
                PRIMARY KEY (snapshot_id, seq)
            );
            CREATE INDEX ix_snapshot_connections_key ON snapshot_connections (snapshot_id, connection_key);

            CREATE TABLE runs (
                id BIGINT NOT NULL PRIMARY KEY,
                command TEXT NOT NULL,
                claimant TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                status TEXT NOT NULL,
                summary_json TEXT
            );
            """),

        // An account whose snapshots changed and whose drift reports are not yet written again:
        // marked in the snapshot's own transaction, cleared once its reports are written, so a run
        // killed between the two leaves the work for the next run instead of losing it.
        new(2, """
            CREATE TABLE drift_pending (
                account TEXT NOT NULL PRIMARY KEY,
                snapshot_id BIGINT NOT NULL
            );
            INSERT INTO drift_pending (account, snapshot_id) SELECT account, MAX(id) FROM snapshots GROUP BY account;
            """),

        // Nothing reads a snapshot by key (rows are sorted in memory), and every row inserted had to
        // update this index too.
        new(3, """
            DROP INDEX IF EXISTS ix_snapshot_connections_key;
            """),

        // The ICP profile an account was assigned to on the upload page (settings pin theirs).
        new(4, """
            CREATE TABLE account_profiles (
                account TEXT NOT NULL PRIMARY KEY,
                profile TEXT NOT NULL,
                assigned_by TEXT NOT NULL,
                assigned_at TEXT NOT NULL
            );
            """),

        // A file is its content as placed (LedgerIdentity), no longer its content alone: an account
        // that added nobody exports the same bytes the next month, and that month must not be
        // skipped. SQLite cannot drop a constraint in place, so the unique column is renamed to the
        // identity and keeps its constraint (still named uq_ledger_sha256, on both databases), and
        // the content's hash moves to a new column with an index of its own. An entry whose account
        // or month was known gets the identity a claim now gives it; the others keep the hash alone.
        new(5, """
            ALTER TABLE ledger RENAME COLUMN sha256 TO identity;
            ALTER TABLE ledger ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
            UPDATE ledger SET
                sha256 = identity,
                identity = CASE WHEN account IS NULL AND month IS NULL THEN identity
                                ELSE identity || '/' || COALESCE(month, '') || '/' || COALESCE(account, '') END;
            CREATE INDEX ix_ledger_sha256 ON ledger (sha256);
            """),

        // People's labels per profile (the latest per person: the key is the person's snapshot key)
        // and the queue of people whose labels would teach the profile's model most.
        new(6, """
            CREATE TABLE labels (
                profile TEXT NOT NULL,
                connection_key TEXT NOT NULL,
                title TEXT NOT NULL,
                company TEXT NOT NULL,
                industry TEXT NOT NULL,
                company_size TEXT NOT NULL,
                is_icp INTEGER NOT NULL CHECK (is_icp IN (0, 1)),
                source TEXT NOT NULL CHECK (source IN ('page', 'file', 'train', 'crm')),
                labeled_by TEXT NOT NULL,
                labeled_at TEXT NOT NULL,
                PRIMARY KEY (profile, connection_key)
            );

            CREATE TABLE label_queue (
                profile TEXT NOT NULL,
                position BIGINT NOT NULL,
                connection_key TEXT NOT NULL,
                title TEXT NOT NULL,
                company TEXT NOT NULL,
                industry TEXT NOT NULL,
                company_size TEXT NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
                PRIMARY KEY (profile, position)
            );
            """),
    ];

    public static int Latest => Migrations[^1].Version;

    public static void Migrate(StoreDialect dialect, TimeProvider clock)
    {
        // The common case, an up-to-date database, takes no write lock. What this lock-free look
        // finds odd (another process creating the schema this very moment) is decided again below,
        // inside the write transaction, where the view is consistent. A database that cannot be
        // reached at all is reported here, when connecting, not after a second wait below.
        if (dialect.Guard(() => dialect.With(c => LockFreeVersion(dialect, c))) == Latest)
        {
            return;
        }

        foreach (var migration in Migrations)
        {
            dialect.Guard(() => dialect.With(c => Apply(dialect, c, migration, clock)));
        }
    }

    private static int? LockFreeVersion(StoreDialect dialect, DbConnection connection)
    {
        try
        {
            return dialect.Guard(() => CurrentVersion(dialect, connection, null));
        }
        catch (StoreException)
        {
            return null;
        }
    }

    // One transaction per migration, and the version is read again inside it: another process
    // opening the same database at the same moment may have applied it already.
    private static bool Apply(StoreDialect dialect, DbConnection connection, StoreMigration migration, TimeProvider clock)
    {
        using var transaction = dialect.BeginWrite(connection, IdLock.Schema);
        var current = CurrentVersion(dialect, connection, transaction);
        if (current >= migration.Version)
        {
            return false;
        }

        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
        Execute(connection, transaction, migration.Sql);
        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @appliedAt)";
        PipelineStore.Bind(record, "@version", migration.Version);
        PipelineStore.Bind(record, "@appliedAt", StoreValues.Instant(clock.GetUtcNow()));
        record.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    private static int CurrentVersion(StoreDialect dialect, DbConnection connection, DbTransaction? transaction)
    {
        var (ours, others) = dialect.Tables(connection, transaction);
        if (!ours)
        {
            // An empty database is a new one; a database with someone else's tables is not ours to change.
            if (others > 0)
            {
                throw new StoreException($"{dialect.Name}: not an IcpScoring database (it holds other tables); point --db at another one");
            }

            return 0;
        }

        var version = (int)Scalar(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        if (version > Latest)
        {
            throw new StoreException(string.Create(CultureInfo.InvariantCulture,
                $"{dialect.Name}: schema version {version} is newer than this icp understands ({Latest}); upgrade icp or use another database"));
        }

        return version;
    }

    private static long Scalar(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
