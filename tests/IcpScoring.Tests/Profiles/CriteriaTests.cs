using System.Text;
using IcpScoring.Normalization;
using IcpScoring.Profiles;

namespace IcpScoring.Tests.Profiles;

/// <summary>Which connections meet a profile's criteria: keywords, exclusions, the role route, industries by any name, unknowns.</summary>
public sealed class CriteriaTests
{
    private static readonly ProfileCriteria Finance = ProfileFile.Parse(Encoding.UTF8.GetBytes(KnownIcpPopulation.Profile), "profile.json");

    private static CriteriaVerdict Judge(ProfileCriteria c, string title, string? industry = "Banking", string? size = "201-500") =>
        c.Evaluate(TitleCleaner.Clean(title), industry is null ? null : IndustryCatalog.Default.Find(industry), size is null ? null : CompanySizes.Parse(size));

    private static ProfileCriteria Criteria(string json) => ProfileFile.Parse(Encoding.UTF8.GetBytes(json), "profile.json");

    [Theory]
    [InlineData("CFO")]
    [InlineData("cfo")]
    [InlineData("Group Financial Controller")]
    [InlineData("VP Finance | Speaker")]
    [InlineData("FINANCE DIRECTOR")]
    public void AnIncludeKeywordMatchesWhateverItsCase(string title) => Assert.True(Judge(Finance, title).Meets);

    [Theory]
    [InlineData("Financial Analyst")]
    [InlineData("Refinance Specialist")]
    [InlineData("Controllership Analyst")]
    public void KeywordsMatchWholeWordsOnly(string title) => Assert.False(Judge(Criteria("""{ "titles": { "include": ["finance", "controller"] } }"""), title).Meets);

    [Fact]
    public void KeywordsIgnoreAccentsAndSpanWords()
    {
        var c = Criteria("""{ "titles": { "include": ["directeur financier", "fp&a", "géneral"] } }""");

        Assert.True(Judge(c, "Directeur Financier").Meets);
        Assert.True(Judge(c, "Head of FP&A").Meets);
        Assert.True(Judge(c, "Directeur Général").Meets);
        Assert.False(Judge(c, "Financier Directeur").Meets);
    }

    [Theory]
    [InlineData("Finance Intern")]
    [InlineData("Assistant to the CFO")]
    public void AnExcludeKeywordFailsTheConnectionWhateverElseMatches(string title)
    {
        var v = Judge(Finance, title);

        Assert.True(v.Excluded);
        Assert.True(v.Fails);
    }

    [Fact]
    public void TheRoleRouteNeedsBothFunctionAndSeniorityWhenBothAreListed()
    {
        var c = Criteria("""{ "seniority": ["Director", "VP"], "functions": ["Finance"] }""");

        Assert.True(Judge(c, "Directrice financière").Meets);
        Assert.False(Judge(c, "Senior Accountant").Meets);
        Assert.False(Judge(c, "VP Sales").Meets);
    }

    [Fact]
    public void OneRoleListAloneIsEnough()
    {
        Assert.True(Judge(Criteria("""{ "seniority": ["VP"] }"""), "VP Sales").Meets);
        Assert.True(Judge(Criteria("""{ "functions": ["Sales"] }"""), "Account Executive").Meets);
    }

    [Theory]
    [InlineData("Banking")]
    [InlineData("banking")]
    [InlineData("Capital Markets")]
    [InlineData("Venture Capital and Private Equity Principals")]
    public void AGroupStandsForEveryIndustryInIt(string industry) =>
        Assert.True(Judge(Criteria("""{ "industries": ["Financial Services"] }"""), "CFO", industry).Meets);

    [Fact]
    public void IndustriesMayBeNamedByTheirV1OrV2LabelsInAnyCase()
    {
        var c = Criteria("""{ "industries": ["computer software", "Information Technology & Services"] }""");

        Assert.True(Judge(c, "CFO", "Software Development").Meets);
        Assert.True(Judge(c, "CFO", "IT Services and IT Consulting").Meets);
        Assert.False(Judge(c, "CFO", "Retail").Meets);
    }

    [Fact]
    public void AnUnknownIndustryOrSizeNeitherMeetsNorFails()
    {
        var industry = Judge(Finance, "CFO", industry: null);
        var size = Judge(Finance, "CFO", size: null);
        var both = Judge(Finance, "CFO", industry: null, size: null);

        Assert.True(industry.Undecided && industry.IndustryUnknown && !industry.Fails && !industry.Meets);
        Assert.True(size.Undecided && size.SizeUnknown);
        Assert.True(both.IndustryUnknown && both.SizeUnknown);
    }

    [Fact]
    public void AKnownIndustryOrSizeOutsideItsListFails()
    {
        Assert.True(Judge(Finance, "CFO", industry: "Retail").Fails);
        Assert.True(Judge(Finance, "CFO", size: "10001+").Fails);
        Assert.True(Judge(Finance, "CFO", industry: null, size: "1-10").Fails);
    }

    [Fact]
    public void TheRuleReadsAsWords()
    {
        var text = string.Join("\n", CriteriaText.Rule(Finance));

        Assert.Contains("its title contains \"cfo\", \"finance\" or \"controller\", or reads as Finance at Director, Head, VP, C-level seniority", text, StringComparison.Ordinal);
        Assert.Contains("its industry is one of: Financial Services (group of 20 industries), Banking, Insurance", text, StringComparison.Ordinal);
        Assert.Contains("company size is one of: 201-500, 501-1000, 1001-5000 employees", text, StringComparison.Ordinal);
        Assert.Contains("title contains none of: \"intern\", \"assistant\".", text, StringComparison.Ordinal);
        Assert.Contains("An unknown industry or company size neither meets nor fails its list", text, StringComparison.Ordinal);
    }
}
