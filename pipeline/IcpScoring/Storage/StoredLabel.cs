namespace IcpScoring.Storage;

/// <summary>
/// A person's label for a profile: the opaque key snapshots give the person (SnapshotKeys), what
/// the model reads of them (title, company, industry and size, as LinkedIn labels them; never a
/// name or an email), the label, where it came from, who gave it ("local" or the dashboard user)
/// and when.
/// </summary>
internal sealed record StoredLabel(
    string Profile,
    string Key,
    string Title,
    string Company,
    string Industry,
    string CompanySize,
    bool IsIcp,
    LabelSource Source,
    string By,
    DateTimeOffset At);
