namespace IcpScoring.Storage;

// Key is opaque (a hash chosen by the pipeline): the database never holds names or emails.
internal sealed record SnapshotRow(
    string Key,
    string Title,
    string Company,
    string Industry,
    string CompanySize,
    string Seniority,
    string Function,
    double Probability,
    string Tier,
    bool IsMatch,
    bool IsHidden,
    bool HasFirmographics,
    DateOnly? ConnectedOn);
