using System.Text;
using IcpScoring.Normalization;
using IcpScoring.Profiles;

namespace IcpScoring.Tests.Profiles;

/// <summary>profile.json is read strictly: the documented shape is accepted, anything else is one line naming file, key and accepted values.</summary>
public sealed class ProfileFileTests
{
    private const string File = "models/x/profile.json";

    private static ProfileCriteria Parse(string json) => ProfileFile.Parse(Encoding.UTF8.GetBytes(json), File);

    private static string Refused(string json) => Assert.Throws<ProfileException>(() => Parse(json)).Message;

    [Fact]
    public void TheDocumentedShapeIsAccepted()
    {
        var c = Parse(KnownIcpPopulation.Profile);

        Assert.Equal("Finance leaders at mid-size financial firms", c.Description);
        Assert.Equal(["cfo", "finance", "controller"], c.Include.Select(k => k.Text));
        Assert.Equal(["intern", "assistant"], c.Exclude.Select(k => k.Text));
        Assert.Equal([Seniority.Director, Seniority.Head, Seniority.VicePresident, Seniority.CLevel], c.Seniorities);
        Assert.Equal([JobFunction.Finance], c.Functions);
        Assert.Equal(["201-500", "501-1000", "1001-5000"], c.Sizes.Select(s => s.Label));
        Assert.True(c.Industries[0].IsGroup);
        Assert.Contains(c.Industries[0].Industries, i => i.Label == "Banking");
    }

    [Fact]
    public void EveryListIsOptional()
    {
        var c = Parse("""{ "industries": ["Banking"] }""");

        Assert.False(c.HasTitleCriteria);
        Assert.True(c.Evaluate("Nurse", IndustryCatalog.Default.Find("Banking"), null).Meets);
    }

    [Fact]
    public void TheShippedSampleProfileIsValidAndDescribed()
    {
        var c = ProfileFile.Read(Support.Repo.Path("models", "sample", "profile.json"));

        Assert.NotEmpty(c.Description);
        Assert.Equal([JobFunction.Marketing], c.Functions);
    }

    [Theory]
    [InlineData("""{ "titels": { "include": ["cfo"] } }""", "titels: is not understood; accepted keys: description, titles, seniority, functions, industries, companySizes")]
    [InlineData("""{ "titles": { "includes": ["cfo"] } }""", "titles.includes: is not understood; accepted keys: include, exclude")]
    [InlineData("""{ "seniority": ["Boss"] }""", "seniority: \"Boss\" is not understood; accepted values: Intern/Student, Individual contributor, Senior, Manager, Head, Director, VP, C-level, Owner/Founder")]
    [InlineData("""{ "functions": ["Treasury"] }""", "functions: \"Treasury\" is not understood; accepted values: Marketing, Sales, Engineering, Product, Data, Design, Operations, Finance, Human resources")]
    [InlineData("""{ "industries": ["Bankng"] }""", "industries: \"Bankng\" is not a LinkedIn industry; accepted values: LinkedIn's V2 industry labels, their V1 names, or a top-level group")]
    [InlineData("""{ "companySizes": ["250"] }""", "companySizes: \"250\" is not one of LinkedIn's company-size buckets; accepted values: Self-employed, 1-10, 11-50, 51-200, 201-500, 501-1000, 1001-5000, 5001-10000, 10001+")]
    [InlineData("""{ "titles": ["cfo"] }""", "titles: must be an object such as")]
    [InlineData("""{ "industries": "Banking" }""", "industries: must be a list of strings")]
    [InlineData("""{ "seniority": [3] }""", "seniority: every entry must be a non-empty string, not a number")]
    [InlineData("""{ "titles": { "include": ["--"] } }""", "titles.include: \"--\" holds no letters or digits")]
    [InlineData("""{ }""", "states no criteria; give at least one of titles.include")]
    [InlineData("""{ "description": "only words" }""", "states no criteria")]
    [InlineData("""[ "cfo" ]""", "(top level): is a list, not an object")]
    [InlineData("""{ "titles": { "include": ["cfo"] """, "not valid JSON (line 1)")]
    public void AProfileThatIsNotUnderstoodIsOneLineNamingTheFileTheKeyAndWhatIsAccepted(string json, string expected)
    {
        var message = Refused(json);

        Assert.StartsWith(File + ": ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void AMisspelledIndustryGetsASuggestion()
    {
        Assert.Contains("did you mean \"Banking\"?", Refused("""{ "industries": ["Bankng"] }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void NamesAreTheReportsOwnWithCommonAliases()
    {
        var c = Parse("""{ "seniority": ["vp", "C-Level", "owner/founder", "Vice President"], "functions": ["human resources", "HR", "General management"] }""");

        Assert.Equal([Seniority.VicePresident, Seniority.CLevel, Seniority.Owner], c.Seniorities);
        Assert.Equal([JobFunction.HumanResources, JobFunction.Executive], c.Functions);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreTolerated()
    {
        var c = Parse("""
            {
              // who we sell to
              "functions": ["Finance"],
            }
            """);

        Assert.Equal([JobFunction.Finance], c.Functions);
    }

    [Fact]
    public void ProfileNamesAreFolderNamesThatCannotEscapeOrPassForAVersion()
    {
        Assert.Null(ModelsFolder.NameProblem("finance-leaders"));
        Assert.NotNull(ModelsFolder.NameProblem("../x"));
        Assert.NotNull(ModelsFolder.NameProblem(".hidden"));
        Assert.NotNull(ModelsFolder.NameProblem("v2"));
        Assert.NotNull(ModelsFolder.NameProblem(""));
        Assert.NotNull(ModelsFolder.NameProblem(new string('a', 65)));
    }
}
