using IcpScoring.Ingestion;

namespace IcpScoring.Normalization;

/// <summary>
/// One connection, normalized: names cleaned (first and last name from their columns, or split from
/// a full name), the title cleaned for the model (the raw title kept for reports), industry and company size mapped to LinkedIn's labels, from the export or the
/// company directory.
/// </summary>
internal sealed record Connection(
    long Line,
    string Account,
    string Name,
    string FirstName,
    string LastName,
    string Email,
    string ProfileUrl,
    string Company,
    string Title,
    string CleanTitle,
    Industry? Industry,
    CompanySize? CompanySize,
    DateOnly? ConnectedOn,
    bool IsHidden,
    bool FirmographicsFromDirectory,
    ConnectionDegree Degree = ConnectionDegree.Unknown)
{
    public bool HasFirmographics => Industry is not null || CompanySize is not null;

    /// <summary>
    /// A lead outside the account's network: the file gives a degree other than 1st. A row without
    /// a degree is counted as a 1st-degree connection (LinkedIn's own export lists no other).
    /// </summary>
    public bool IsOutsideNetwork => Degree is ConnectionDegree.Second or ConnectionDegree.Third or ConnectionDegree.OutOfNetwork;
}
