namespace IcpScoring.Ingestion;

/// <summary>What a file is read as: the same readers serve connection exports and labeled prospects.</summary>
internal enum ExportKind
{
    /// <summary>A connections export: a title column, or a company column beside a person column.</summary>
    Connections,

    /// <summary>Labeled prospects for training: at least one feature column (title, industry, size).</summary>
    LabeledProspects,
}
