namespace IcpScoring.Tests.Support;

/// <summary>
/// A test against a real PostgreSQL server: skipped, saying why, when <c>ICP_TEST_POSTGRES</c>
/// names none (<c>.ci/run</c> starts one through <c>.ci/postgres.sh</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string NoServer = "no PostgreSQL server: set ICP_TEST_POSTGRES to an admin connection string (bash .ci/run starts one)";

    public PostgresFactAttribute()
    {
        if (PostgresServer.AdminConnectionString is null)
        {
            Skip = NoServer;
        }
    }
}
