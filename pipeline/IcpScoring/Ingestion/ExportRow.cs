namespace IcpScoring.Ingestion;

/// <summary>One data row of an export, by role, trimmed, as the file wrote it.</summary>
internal sealed record ExportRow(
    long Line,
    string Account,
    string FirstName,
    string LastName,
    string FullName,
    string Email,
    string ProfileUrl,
    string Company,
    string Title,
    string Industry,
    string CompanySize,
    DateOnly? ConnectedOn,
    string Label = "",
    ConnectionDegree Degree = ConnectionDegree.Unknown)
{
    /// <summary>
    /// A date-only row: LinkedIn writes these for hidden or closed profiles. They are connections
    /// whose details are unknown, never rejects.
    /// </summary>
    public bool IsHidden => ConnectedOn.HasValue && FirstName.Length == 0 && LastName.Length == 0 && FullName.Length == 0
        && Email.Length == 0 && ProfileUrl.Length == 0 && Company.Length == 0 && Title.Length == 0;
}
