using IcpScoring.Model;

namespace IcpScoring.Reports;

/// <summary>
/// One addressable connection in <c>targets.csv</c>, best score first. <see cref="Key"/> is the
/// opaque connection key the snapshots keep, to tell whether the person was in the account's
/// previous month (<see cref="NewThisMonth"/>).
/// </summary>
internal sealed record TargetRow(
    string Name,
    string FirstName,
    string LastName,
    string Company,
    string Title,
    string ProfileUrl,
    string Email,
    string Industry,
    string CompanySize,
    DateOnly? ConnectedOn,
    double Score,
    string Tier,
    IReadOnlyList<ScoreReason> Reasons,
    string Key = "",
    bool NewThisMonth = true);
