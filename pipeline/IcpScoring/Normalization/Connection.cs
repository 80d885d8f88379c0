namespace IcpScoring.Normalization;

/// <summary>
/// One connection, normalized: names cleaned, the title cleaned for the model (the raw title kept
/// for reports), industry and company size mapped to LinkedIn's labels, from the export or the
/// company directory.
/// </summary>
internal sealed record Connection(
    long Line,
    string Account,
    string Name,
    string Email,
    string ProfileUrl,
    string Company,
    string Title,
    string CleanTitle,
    Industry? Industry,
    CompanySize? CompanySize,
    DateOnly? ConnectedOn,
    bool IsHidden,
    bool FirmographicsFromDirectory)
{
    public bool HasFirmographics => Industry is not null || CompanySize is not null;
}
