using System.Security.Cryptography;
using Npgsql;

namespace IcpScoring.Tests.Support;

/// <summary>
/// A fresh, empty database <c>icp_test_&lt;hex&gt;</c> on the test PostgreSQL server for one test,
/// dropped afterwards even if something is still connected to it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _admin;

    public TestDatabase()
    {
        _admin = PostgresServer.AdminConnectionString
            ?? throw new InvalidOperationException("ICP_TEST_POSTGRES is not set; mark the test [PostgresFact]");
        Name = "icp_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        Execute($"CREATE DATABASE {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The admin connection string with this database instead of the admin's.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        // Pooled connections of this process would keep the database busy; WITH (FORCE) ends everyone else's.
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    // The name is ours (letters, digits, underscore): nothing to quote. No pooling: the admin
    // connection must not linger in a pool, and a restart of the server must not leave it broken.
    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
