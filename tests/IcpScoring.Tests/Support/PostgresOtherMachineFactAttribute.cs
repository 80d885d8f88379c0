namespace IcpScoring.Tests.Support;

/// <summary>
/// A test against a real PostgreSQL server with a worker as on another machine (its own process-id
/// namespace): skipped, saying why, unless both are available.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresOtherMachineFactAttribute : FactAttribute
{
    public PostgresOtherMachineFactAttribute()
    {
        Skip = new PostgresFactAttribute().Skip ?? new OtherPidNamespaceFactAttribute().Skip;
    }
}
