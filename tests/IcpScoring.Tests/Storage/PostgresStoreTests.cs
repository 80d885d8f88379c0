using IcpScoring.Storage;
using IcpScoring.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IcpScoring.Tests.Storage;

/// <summary>What is particular to a PostgreSQL store: the same schema as SQLite's, and its failures as one line.</summary>
public sealed class PostgresStoreTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();

    public void Dispose() => _dir.Dispose();

    [PostgresFact]
    public void MigrationsMakeTheSameTablesAndColumnsAsInSqlite()
    {
        using var database = new TestDatabase();
        using (PipelineStore.Open(database.ConnectionString, _clock))
        using (PipelineStore.Open(_dir.File("icp.db"), _clock))
        {
        }

        var postgres = PostgresColumns(database.ConnectionString);
        var sqlite = SqliteColumns(_dir.File("icp.db"));

        Assert.Equal(sqlite, postgres);
        Assert.Contains("ledger.sha256", postgres);
        Assert.Contains("ledger.identity", postgres);
        Assert.Equal(StoreSchema.Latest, Scalar(database.ConnectionString, "SELECT MAX(version) FROM schema_migrations"));
    }

    [PostgresFact]
    public void ReportsAreMadeByOneStoreAtATime()
    {
        using var database = new TestDatabase();
        using var first = PipelineStore.Open(database.ConnectionString, _clock);
        using var second = PipelineStore.Open(database.ConnectionString, _clock);

        var order = new List<string>();
        var held = first.HoldReports();
        var waiting = Task.Run(() =>
        {
            using (second.HoldReports())
            {
                lock (order)
                {
                    order.Add("second");
                }
            }
        });
        Thread.Sleep(500);
        lock (order)
        {
            order.Add("first done");
        }

        held.Dispose();
        waiting.Wait(TimeSpan.FromSeconds(30));

        Assert.Equal(["first done", "second"], order);
    }

    [PostgresFact]
    public void AWrongPasswordIsOneLineNamingTheServerWithoutThePassword()
    {
        using var database = new TestDatabase();
        NpgsqlConnectionStringBuilder wrong = new(database.ConnectionString) { Username = "nobody_here", Password = "s3cret-Pa55" };

        var error = Record.Exception(() => PipelineStore.Open(wrong.ConnectionString, _clock));

        var problem = Assert.IsType<StoreException>(error);
        Assert.StartsWith($"PostgreSQL nobody_here@{wrong.Host}:{wrong.Port}/{database.Name}: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.Message);
    }

    [Fact]
    public void AServerThatCannotBeReachedIsOneLineAfterWaitingForIt()
    {
        const string Unreachable = "Host=127.0.0.1;Port=1;Database=icp;Username=icp;Password=s3cret-Pa55";
        var waited = System.Diagnostics.Stopwatch.StartNew();

        var error = Record.Exception(() => PipelineStore.Open(Unreachable, _clock));

        var problem = Assert.IsType<StoreException>(error);
        Assert.StartsWith("PostgreSQL icp@127.0.0.1:1/icp: cannot reach the server", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", problem.Message, StringComparison.Ordinal);
        Assert.InRange(waited.Elapsed.TotalSeconds, StoreConnections.BusySeconds, 1.9 * StoreConnections.BusySeconds);
    }

    [PostgresFact]
    public void AMissingDatabaseSaysToCreateIt()
    {
        NpgsqlConnectionStringBuilder missing = new(PostgresServer.AdminConnectionString) { Database = "icp_no_such_database" };

        var error = Record.Exception(() => PipelineStore.Open(missing.ConnectionString, _clock));

        Assert.Contains("/icp_no_such_database: the database does not exist", Assert.IsType<StoreException>(error).Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void ADatabaseWithSomeoneElsesTablesIsLeftAlone()
    {
        using var database = new TestDatabase();
        Scalar(database.ConnectionString, "CREATE TABLE invoices (id BIGINT PRIMARY KEY); SELECT 0");

        var error = Record.Exception(() => PipelineStore.Open(database.ConnectionString, _clock));

        Assert.Contains("not an IcpScoring database", Assert.IsType<StoreException>(error).Message, StringComparison.Ordinal);
    }

    private static SortedSet<string> PostgresColumns(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()", connection);
        using var reader = command.ExecuteReader();
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            columns.Add($"{reader.GetString(0)}.{reader.GetString(1)}");
        }

        return columns;
    }

    private static SortedSet<string> SqliteColumns(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
        using var reader = command.ExecuteReader();
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            columns.Add($"{reader.GetString(0)}.{reader.GetString(1)}");
        }

        return columns;
    }

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
