using System.Data.Common;
using IcpScoring.Storage;
using IcpScoring.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IcpScoring.Tests.Storage;

/// <summary>
/// A database of the version before the ledger knew files by their content as placed (version 4,
/// unique on the SHA-256 alone), with entries in it, opened by this icp: on SQLite and PostgreSQL
/// the entries are carried over with their identity, and claims go on from them.
/// </summary>
public sealed class LedgerMigrationTests : IDisposable
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();
    private TestDatabase? _postgres;

    public void Dispose()
    {
        _postgres?.Dispose();
        _dir.Dispose();
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void EntriesOfAVersionFourLedgerKeepTheirFilesAndGetTheirIdentity(StoreKind kind)
    {
        var database = VersionFour(kind);

        using var store = PipelineStore.Open(database, _clock, _dir.Path);

        Assert.Equal(
            [
                (StoreSome.Sha(1), "acme/2026-09.csv", "acme", "2026-09", FileStatus.Done),
                (StoreSome.Sha(2), "agency.csv", null, null, FileStatus.Done),
                (StoreSome.Sha(3), "acme/Connections.csv", "acme", null, FileStatus.Failed),
            ],
            store.Ledger().Select(e => (e.Sha256, e.Path, e.Account, e.Month, e.Status)));
        Assert.Equal(
            [LedgerIdentity.Of(StoreSome.Sha(1), "acme", "2026-09"), StoreSome.Sha(2), LedgerIdentity.Of(StoreSome.Sha(3), "acme", null)],
            Identities(kind, database));
        Assert.Equal("acme", Assert.Single(store.Snapshots()).Account);
    }

    [Theory, InlineData(StoreKind.Sqlite), PostgresData]
    public void ClaimsGoOnFromAMigratedLedger(StoreKind kind)
    {
        using var store = PipelineStore.Open(VersionFour(kind), _clock, _dir.Path);

        var sameMonth = store.TryClaim(StoreSome.Sha(1), "acme/again.csv", "acme", "2026-09", "host-b:2", StaleAfter, out var done);
        var quietMonth = store.TryClaim(StoreSome.Sha(1), "acme/2026-10.csv", "acme", "2026-10", "host-b:2", StaleAfter, out var october);
        var agencyAgain = store.TryClaim(StoreSome.Sha(2), "agency-copy.csv", null, null, "host-b:2", StaleAfter, out _);
        var retried = store.TryClaim(StoreSome.Sha(3), "acme/Connections.csv", "acme", null, "host-b:2", StaleAfter, out var retry);

        Assert.Equal((ClaimOutcome.AlreadyDone, 1L), (sameMonth, done.Id));
        Assert.Equal((ClaimOutcome.Claimed, 4L, FileStatus.Processing), (quietMonth, october.Id, october.Status));
        Assert.Equal(ClaimOutcome.AlreadyDone, agencyAgain);
        Assert.Equal((ClaimOutcome.Claimed, 3L), (retried, retry.Id));
    }

    // Migrations 1 to 4 as a version-4 icp left them, with a done export of acme for September, a
    // done agency file at the inbox's top, and a failed export of acme named without a month.
    private string VersionFour(StoreKind kind)
    {
        var database = kind == StoreKind.Sqlite ? _dir.File("icp.db") : (_postgres = new TestDatabase()).ConnectionString;
        var sql = string.Join(";\n", StoreSchema.Migrations.Where(m => m.Version <= 4).Select(m => m.Sql)) + $"""
            ;
            CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);
            INSERT INTO schema_migrations VALUES (1, '2026-09-01T00:00:00.0000000Z'), (2, '2026-09-01T00:00:00.0000000Z'), (3, '2026-09-01T00:00:00.0000000Z'), (4, '2026-09-01T00:00:00.0000000Z');
            INSERT INTO ledger (id, sha256, path, account, month, status, first_seen_at, updated_at, claimed_by) VALUES
                (1, '{StoreSome.Sha(1)}', 'acme/2026-09.csv', 'acme', '2026-09', 'done', '2026-10-01T00:00:00.0000000Z', '2026-10-01T00:00:00.0000000Z', 'host-a:1'),
                (2, '{StoreSome.Sha(2)}', 'agency.csv', NULL, NULL, 'done', '2026-10-01T00:00:00.0000000Z', '2026-10-01T00:00:00.0000000Z', 'host-a:1'),
                (3, '{StoreSome.Sha(3)}', 'acme/Connections.csv', 'acme', NULL, 'failed', '2026-10-01T00:00:00.0000000Z', '2026-10-01T00:00:00.0000000Z', 'host-a:1');
            INSERT INTO snapshots (id, account, month, ledger_id, model_version, created_at, connections, hidden, scored, icp_matched, addressable_pool, summary_json)
            VALUES (1, 'acme', '2026-09', 1, 'v1', '2026-10-01T00:00:00.0000000Z', 0, 0, 0, 0, 0, 'none');
            """;
        using var connection = Connect(kind, database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return database;
    }

    private static List<string> Identities(StoreKind kind, string database)
    {
        using var connection = Connect(kind, database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT identity FROM ledger ORDER BY id";
        using var reader = command.ExecuteReader();
        var identities = new List<string>();
        while (reader.Read())
        {
            identities.Add(reader.GetString(0));
        }

        return identities;
    }

    private static DbConnection Connect(StoreKind kind, string database)
    {
        DbConnection connection = kind == StoreKind.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}
