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

    /// <summary>How far the person is from the account: 1st, 2nd, 3rd degree or out of network.</summary>
    ConnectionDegree,

    /// <summary>Whether a labeled prospect is in the ICP (training files only).</summary>
    Label,
}
