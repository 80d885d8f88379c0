using IcpScoring.Model;

namespace IcpScoring.Profiles;

/// <summary>
/// One ICP profile: a folder of the models folder holding its criteria (<c>profile.json</c>, which a
/// profile trained only from labels may lack) and its own model registry.
/// </summary>
internal sealed record IcpProfile(string Name, string Folder, ProfileCriteria? Criteria)
{
    public ModelRegistry Registry { get; } = new(Folder);

    public string CriteriaFile => Path.Combine(Folder, ProfileFile.FileName);
}
