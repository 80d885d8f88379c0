namespace IcpScoring.Profiles;

/// <summary>
/// A model by profile and version, stored as <c>profile/vN</c> with each snapshot so that a month
/// scored by another profile's model is recognised as a model change. A bare <c>vN</c>, written
/// before profiles existed, names a version of the default profile (whose folder the old registry
/// moved into).
/// </summary>
internal readonly record struct ModelRef(string Profile, string Version)
{
    public override string ToString() => $"{Profile}/{Version}";

    public static ModelRef Parse(string stored, string defaultProfile)
    {
        var slash = stored.LastIndexOf('/');
        return slash < 0 ? new ModelRef(defaultProfile, stored) : new ModelRef(stored[..slash], stored[(slash + 1)..]);
    }
}
