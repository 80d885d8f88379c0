namespace IcpScoring.Tests.Support;

/// <summary>
/// A test that restarts the PostgreSQL server: skipped, saying why, when there is no server or
/// <c>ICP_TEST_POSTGRES_RESTART</c> gives no command to restart it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresRestartFactAttribute : FactAttribute
{
    public PostgresRestartFactAttribute()
    {
        if (PostgresServer.AdminConnectionString is null)
        {
            Skip = PostgresFactAttribute.NoServer;
        }
        else if (PostgresServer.RestartCommand is null)
        {
            Skip = "no way to restart the PostgreSQL server: set ICP_TEST_POSTGRES_RESTART to a shell command (bash .ci/run does)";
        }
    }
}
