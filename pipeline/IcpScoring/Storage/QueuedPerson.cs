namespace IcpScoring.Storage;

/// <summary>
/// A connection waiting in a profile's label queue, at <paramref name="Position"/> (from 1): what a
/// person labeling it sees, and the champion's score when the queue was made.
/// </summary>
internal sealed record QueuedPerson(
    int Position,
    string Key,
    string Title,
    string Company,
    string Industry,
    string CompanySize,
    double Score);
