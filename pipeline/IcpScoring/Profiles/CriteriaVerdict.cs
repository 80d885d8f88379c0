namespace IcpScoring.Profiles;

/// <summary>
/// What a profile's criteria say of one connection. <see cref="Industry"/> and <see cref="Size"/>
/// are null when the profile names no such list or the connection's value is unknown: then that part
/// neither meets nor fails, and the model decides.
/// </summary>
internal readonly record struct CriteriaVerdict(bool TitleMeets, bool Excluded, bool? Industry, bool? Size)
{
    /// <summary>Fails outright: an exclusion, a title that does not meet, or a known industry or size outside its list.</summary>
    public bool Fails => Excluded || !TitleMeets || Industry == false || Size == false;

    /// <summary>Meets every part, none of them unknown.</summary>
    public bool Meets => !Fails && !IndustryUnknown && !SizeUnknown;

    /// <summary>Nothing fails, but the industry or size the profile lists is unknown.</summary>
    public bool Undecided => !Fails && (IndustryUnknown || SizeUnknown);

    /// <summary>The profile lists industries and this connection's is unknown.</summary>
    public bool IndustryUnknown { get; init; }

    /// <summary>The profile lists company sizes and this connection's is unknown.</summary>
    public bool SizeUnknown { get; init; }
}
