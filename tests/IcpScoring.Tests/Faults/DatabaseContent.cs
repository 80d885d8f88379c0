using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace IcpScoring.Tests.Faults;

/// <summary>
/// What a pipeline database holds, by content rather than by ids and times: the ledger (per file
/// SHA-256: path, account, month, status, model, counts, error), every snapshot (its header and a
/// hash of its rows in order) and the drift reports still pending. Read through a read-only
/// connection, so looking does not change what a later run finds.
/// </summary>
public static class DatabaseContent
{
    public sealed record Content(IReadOnlyList<string> Ledger, IReadOnlyList<string> Snapshots, IReadOnlyList<string> DriftPending)
    {
        public IReadOnlyList<string> All => [.. Ledger, .. Snapshots, .. DriftPending];
    }

    public static Content Read(string database)
    {
        if (!File.Exists(database))
        {
            return new Content([], [], []);
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        if (Lines(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ledger'", _ => "").Count == 0)
        {
            return new Content([], [], []);
        }

        var ledger = Ledger(connection);
        var snapshots = Lines(
            connection,
            """
            SELECT s.id, s.account, s.month, l.sha256, s.model_version, s.connections, s.hidden, s.scored, s.icp_matched, s.addressable_pool, s.summary_json
            FROM snapshots s JOIN ledger l ON l.id = s.ledger_id ORDER BY s.account, s.month
            """,
            r => $"{Join(r, 11, from: 1)}\t{Rows(connection, r.GetInt64(0))}");
        var pending = Lines(
            connection,
            "SELECT d.account, s.account, s.month FROM drift_pending d LEFT JOIN snapshots s ON s.id = d.snapshot_id ORDER BY d.account",
            r => "pending\t" + Join(r, 3));
        return new Content(ledger, snapshots, pending);
    }

    /// <summary>The ledger alone, of a database whose other tables may not be readable (damaged).</summary>
    public static IReadOnlyList<string> Ledger(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return Ledger(connection);
    }

    private static List<string> Ledger(SqliteConnection connection) =>
        Lines(
            connection,
            """
            SELECT sha256, path, account, month, status, model_version, data_rows, connections, hidden, duplicates, rejected, error
            FROM ledger ORDER BY sha256
            """,
            r => Join(r, 12));

    // The rows of one snapshot in the order they were stored: their count and a hash of every column.
    private static string Rows(SqliteConnection connection, long snapshotId)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT seq, connection_key, title, company, industry, company_size, seniority, job_function,
                   probability, tier, is_match, is_hidden, has_firmographics, connected_on
            FROM snapshot_connections WHERE snapshot_id = @id ORDER BY seq
            """;
        command.Parameters.AddWithValue("@id", snapshotId);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Join(reader, 14) + "\n"));
                count++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"rows={count} {Convert.ToHexString(hash.GetHashAndReset())}");
    }

    private static List<string> Lines(SqliteConnection connection, string sql, Func<SqliteDataReader, string> line)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(line(reader));
        }

        return lines;
    }

    private static string Join(SqliteDataReader r, int count, int from = 0) =>
        string.Join('\t', Enumerable.Range(from, count - from).Select(i => r.IsDBNull(i) ? "NULL" : r.GetValue(i) switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        }));
}
