namespace IcpScoring.Tests.Storage;

/// <summary>The databases the pipeline's state can live in; the store's tests run against each.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
