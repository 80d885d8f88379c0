namespace IcpScoring.Ingestion;

/// <summary>The <c>Ingestion</c> section of appsettings.json.</summary>
internal sealed record IngestionOptions
{
    /// <summary>Company directory that fills industry and size for native exports; empty for none.</summary>
    public string? CompanyDirectory { get; init; }

    /// <summary>A field longer than this (in characters) rejects its row.</summary>
    public int MaxFieldChars { get; init; } = 65_536;

    /// <summary>A record larger than this (in bytes) stops the file: it cannot be buffered safely.</summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The largest uncompressed size of the CSV inside an export zip.</summary>
    public long MaxZipEntryBytes { get; init; } = 1L << 30;

    /// <summary>Uncompressed to compressed size above which a zip entry is treated as a zip bomb.</summary>
    public int MaxZipCompressionRatio { get; init; } = 200;

    /// <summary>How many rejects are kept in memory with their line and reason; all are counted.</summary>
    public int MaxRejectsListed { get; init; } = 1_000;

    /// <summary>Extra header names per column role, added to the built-in aliases.</summary>
    public Dictionary<string, string[]> Columns { get; init; } = [];

    /// <summary>Problems with these options, each naming its configuration key.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxFieldChars <= 0)
        {
            yield return "Ingestion:MaxFieldChars must be positive";
        }

        if (MaxRecordBytes < 4096)
        {
            yield return "Ingestion:MaxRecordBytes must be at least 4096";
        }

        if (MaxZipEntryBytes <= 0)
        {
            yield return "Ingestion:MaxZipEntryBytes must be positive";
        }

        if (MaxZipCompressionRatio < 2)
        {
            yield return "Ingestion:MaxZipCompressionRatio must be at least 2";
        }

        if (MaxRejectsListed < 0)
        {
            yield return "Ingestion:MaxRejectsListed must not be negative";
        }

        foreach (var role in Columns.Keys)
        {
            if (!Enum.TryParse<ColumnRole>(role, ignoreCase: true, out _))
            {
                yield return $"Ingestion:Columns:{role} is not a column role (expected one of {string.Join(", ", Enum.GetNames<ColumnRole>())})";
            }
        }
    }
}
