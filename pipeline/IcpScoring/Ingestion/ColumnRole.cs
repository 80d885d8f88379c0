namespace IcpScoring.Ingestion;

/// <summary>What a column of an export means, whatever its header says.</summary>
internal enum ColumnRole
{
    FirstName,
    LastName,
    FullName,
    Email,
    ProfileUrl,
    Company,
    Title,
    Industry,
    CompanySize,
    ConnectedOn,
    Account,

    /// <summary>Whether a labeled prospect is in the ICP (training files only).</summary>
    Label,
}
