using IcpScoring.Model;

namespace IcpScoring.Reports;

/// <summary>One addressable connection in <c>targets.csv</c>, best score first.</summary>
internal sealed record TargetRow(
    string Name,
    string Company,
    string Title,
    string ProfileUrl,
    string Email,
    string Industry,
    string CompanySize,
    double Score,
    string Tier,
    IReadOnlyList<ScoreReason> Reasons);
