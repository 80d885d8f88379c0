using Hangfire.PostgreSql;
using Npgsql;

namespace IcpScoring.Cli.Hosting;

/// <summary>
/// Hangfire's tables in the shared PostgreSQL database, created or upgraded by one server at a
/// time: Hangfire.PostgreSql's own installer is not safe against several servers starting at once
/// (measured: two of three servers started together failed with duplicate catalog entries).
/// </summary>
internal static class SharedQueueSchema
{
    public const string Schema = "hangfire";

    private const long InstallLock = Storage.PostgresDialect.LockBase + 200;

    public static void Prepare(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, $"SELECT pg_advisory_lock({InstallLock})");
        try
        {
            PostgreSqlObjectsInstaller.Install(connection, Schema);
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({InstallLock})");
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
