using IcpScoring.Tests.Support;
using Npgsql;

namespace IcpScoring.Tests.ScaleOut;

/// <summary>The test PostgreSQL server itself: a database per test, dropped afterwards, and a restart the clients survive.</summary>
[Collection(ProcessCollection.Name)]
public sealed class TestDatabaseTests
{
    [PostgresFact]
    public void ATestDatabaseIsCreatedForTheTestAndDroppedAfterwards()
    {
        string name;
        using (var database = new TestDatabase())
        {
            name = database.Name;
            Assert.Equal(1, Scalar(database.ConnectionString, "SELECT 1"));
            Assert.Equal(name, Scalar(database.ConnectionString, "SELECT current_database()"));
        }

        Assert.Equal(0L, Scalar(PostgresServer.AdminConnectionString!, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'"));
    }

    // Restarting cuts every connection of the whole server: the collection runs alone, so no other test is on it.
    [PostgresRestartFact]
    public void AfterARestartTheServerTakesNewConnections()
    {
        using var database = new TestDatabase();
        Assert.Equal(1, Scalar(database.ConnectionString, "SELECT 1"));

        PostgresServer.Restart();

        Assert.Equal(1, Scalar(database.ConnectionString, "SELECT 1"));
    }

    private static object? Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
