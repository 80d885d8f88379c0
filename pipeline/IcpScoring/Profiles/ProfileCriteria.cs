using IcpScoring.Model;
using IcpScoring.Normalization;

namespace IcpScoring.Profiles;

/// <summary>
/// A profile's ICP stated as criteria (<c>profile.json</c>): title keywords to include and exclude,
/// seniorities, functions, industries and company sizes. Every list is optional. A connection meets
/// the criteria when its title does (an include keyword matches, or its function and seniority are
/// in their lists), its industry and size are in theirs, and no exclude keyword matches; an unknown
/// industry or size neither meets nor fails its list.
/// </summary>
internal sealed class ProfileCriteria
{
    private readonly HashSet<int> _industryIds;
    private readonly HashSet<char> _sizeCodes;

    public ProfileCriteria(
        string description,
        IReadOnlyList<TitleKeyword> include,
        IReadOnlyList<TitleKeyword> exclude,
        IReadOnlyList<Seniority> seniorities,
        IReadOnlyList<JobFunction> functions,
        IReadOnlyList<IndustryChoice> industries,
        IReadOnlyList<CompanySize> sizes,
        string sha256)
    {
        Description = description;
        Include = include;
        Exclude = exclude;
        Seniorities = seniorities;
        Functions = functions;
        Industries = industries;
        Sizes = sizes;
        Sha256 = sha256;
        _industryIds = [.. industries.SelectMany(c => c.Industries).Select(i => i.Id)];
        _sizeCodes = [.. sizes.Select(s => s.Code)];
    }

    public string Description { get; }

    public IReadOnlyList<TitleKeyword> Include { get; }

    public IReadOnlyList<TitleKeyword> Exclude { get; }

    public IReadOnlyList<Seniority> Seniorities { get; }

    public IReadOnlyList<JobFunction> Functions { get; }

    public IReadOnlyList<IndustryChoice> Industries { get; }

    public IReadOnlyList<CompanySize> Sizes { get; }

    /// <summary>SHA-256 of the profile.json these criteria were read from: a model trained from them records it.</summary>
    public string Sha256 { get; }

    /// <summary>Whether the title part is stated at all; without it, any title meets.</summary>
    public bool HasTitleCriteria => Include.Count > 0 || Seniorities.Count > 0 || Functions.Count > 0;

    public bool HasIndustries => _industryIds.Count > 0;

    public bool HasSizes => _sizeCodes.Count > 0;

    /// <summary>Nothing stated: such a profile cannot label anyone.</summary>
    public bool IsEmpty => !HasTitleCriteria && Exclude.Count == 0 && !HasIndustries && !HasSizes;

    public CriteriaVerdict Evaluate(string cleanTitle, Industry? industry, CompanySize? size)
    {
        var (seniority, function) = TitleTaxonomy.Classify(cleanTitle);
        return Evaluate(cleanTitle, seniority, function, industry, size);
    }

    /// <summary>The verdict on a model input (the classifier's view of a connection).</summary>
    public CriteriaVerdict Evaluate(ModelInput input) => Evaluate(
        input.Title,
        Enum.TryParse<Seniority>(input.Seniority, out var s) ? s : Seniority.Unknown,
        Enum.TryParse<JobFunction>(input.Function, out var f) ? f : JobFunction.Unknown,
        input.Industry.Length == 0 ? null : IndustryCatalog.Default.Find(input.Industry),
        input.SizeBucket.Length == 0 ? null : CompanySizes.Parse(input.SizeBucket));

    public CriteriaVerdict Evaluate(string cleanTitle, Seniority seniority, JobFunction function, Industry? industry, CompanySize? size)
    {
        var words = Include.Count > 0 || Exclude.Count > 0 ? TitleKeyword.Fold(cleanTitle) : [];
        var excluded = Exclude.Any(k => k.IsIn(words));
        var titleMeets = !HasTitleCriteria || Include.Any(k => k.IsIn(words)) || RoleMeets(seniority, function);
        bool? industryMeets = !HasIndustries || industry is null ? null : _industryIds.Contains(industry.Id);
        bool? sizeMeets = !HasSizes || size is null ? null : _sizeCodes.Contains(size.Code);
        return new CriteriaVerdict(titleMeets, excluded, industryMeets, sizeMeets)
        {
            IndustryUnknown = HasIndustries && industry is null,
            SizeUnknown = HasSizes && size is null,
        };
    }

    // The role route: function and seniority both in their lists, where both are stated; one alone
    // where only one is. A title the taxonomy cannot read (no title at all) never meets it.
    private bool RoleMeets(Seniority seniority, JobFunction function)
    {
        if (Seniorities.Count == 0 && Functions.Count == 0 || seniority == Seniority.Unknown)
        {
            return false;
        }

        return (Seniorities.Count == 0 || Seniorities.Contains(seniority))
            && (Functions.Count == 0 || Functions.Contains(function));
    }
}
