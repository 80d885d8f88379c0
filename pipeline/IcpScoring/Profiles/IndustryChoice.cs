using IcpScoring.Normalization;

namespace IcpScoring.Profiles;

/// <summary>
/// One entry of a profile's industries: as written, and the LinkedIn industries it stands for (one,
/// or every industry of a top-level group such as "Financial Services").
/// </summary>
internal sealed record IndustryChoice(string Written, IReadOnlyList<Industry> Industries, bool IsGroup)
{
    /// <summary>How <c>icp profile show</c> names it.</summary>
    public string Describe() => IsGroup
        ? $"{Written} (group of {Industries.Count} industries)"
        : Industries[0].Label == Written ? Written : $"{Written} (= {Industries[0].Label})";
}
