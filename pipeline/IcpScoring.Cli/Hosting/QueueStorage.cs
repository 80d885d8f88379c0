namespace IcpScoring.Cli.Hosting;

/// <summary>Where Hangfire keeps its jobs (<c>Jobs:Storage</c>).</summary>
internal enum QueueStorage
{
    /// <summary>PostgreSQL when the pipeline's database is PostgreSQL, in memory otherwise.</summary>
    Auto,

    /// <summary>Each server its own queue, gone when it stops (the ledger re-discovers unfinished files at start).</summary>
    InMemory,

    /// <summary>Hangfire's tables in the pipeline's PostgreSQL database, schema <c>hangfire</c>: one queue for every server.</summary>
    PostgreSql,
}
