namespace IcpScoring.Cli.Hosting;

/// <summary>The <c>Paths</c> section: where data, inbox, outputs and models live (relative to the current folder).</summary>
internal sealed record PathsOptions
{
    public string DataDir { get; init; } = ".data";

    public string Inbox { get; init; } = "data-samples/inbox";

    public string Out { get; init; } = "out";

    public string ModelsDir { get; init; } = "models";

    /// <summary>
    /// The pipeline's database: a SQLite file path, or a PostgreSQL connection string
    /// (<c>Host=…;Database=…;Username=…</c>) for several machines sharing the work; null for
    /// <c>icp.db</c> under <see cref="DataDir"/>. <c>--db</c> wins.
    /// </summary>
    public string? Database { get; init; }

    public IEnumerable<string> Validate()
    {
        foreach (var (key, value) in new[] { ("DataDir", DataDir), ("Inbox", Inbox), ("Out", Out), ("ModelsDir", ModelsDir) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"Paths:{key} must not be empty";
            }
        }

        if (Database is not null && string.IsNullOrWhiteSpace(Database))
        {
            yield return "Paths:Database must be a file path, a connection string, or null";
        }
    }
}
