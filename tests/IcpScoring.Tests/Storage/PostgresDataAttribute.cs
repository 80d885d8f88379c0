using System.Reflection;
using IcpScoring.Tests.Support;
using Xunit.Sdk;

namespace IcpScoring.Tests.Storage;

/// <summary>
/// A theory's <see cref="StoreKind.Postgres"/> case: skipped, saying why, when no PostgreSQL
/// server is configured (the SQLite case beside it still runs).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (PostgresServer.AdminConnectionString is null)
        {
            Skip = PostgresFactAttribute.NoServer;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreKind.Postgres]];
}
