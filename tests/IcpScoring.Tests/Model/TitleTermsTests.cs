using IcpScoring.Model;
using IcpScoring.Normalization;

namespace IcpScoring.Tests.Model;

public sealed class TitleTermsTests
{
    private static string[] Terms(string title) => TitleTerms.Expand(title, TitleTerms.Version).Split(' ');

    [Theory]
    [InlineData("Sr. Dir, Rev Ops & GTM", new[] { "sr", "dir", "rev", "ops", "gtm" })]
    [InlineData("VP, FP&A", new[] { "vp", "fpa" })]
    [InlineData("Head of CS - EMEA", new[] { "head", "of", "cs", "emea" })]
    [InlineData("Sales/Marketing|Growth+Brand", new[] { "sales", "marketing", "growth", "brand" })]
    [InlineData("Directeur Général (DG)", new[] { "directeur", "general", "dg" })]
    [InlineData("R&D Manager, P&L owner", new[] { "rd", "manager", "pl", "owner" })]
    public void TitlesAreSplitOnEverySeparatorPeopleWriteBetweenRoles(string title, string[] words)
    {
        var terms = TitleTerms.Words(title);

        Assert.Equal(words, terms);
    }

    [Fact]
    public void WordsJoinedByAnAmpersandWithoutSpacesStayTwoWordsUnlessTheyAreAnAbbreviation()
    {
        Assert.Equal(["sales", "marketing"], TitleTerms.Words("Sales&Marketing"));
        Assert.Equal(["ld", "lead"], TitleTerms.Words("L&D Lead"));
    }

    [Theory]
    [InlineData("Sr. Dir, Rev Ops & GTM", "senior director revenue operations go to market")]
    [InlineData("VP, FP&A", "vice president financial planning analysis finance")]
    [InlineData("Head of CS - EMEA", "customer success")]
    [InlineData("SVP Sales & BD", "senior vice president business development")]
    [InlineData("Mktg Mgr", "marketing manager")]
    [InlineData("CMO / CFO", "chief marketing officer chief financial officer")]
    [InlineData("SDR | AE", "sales development representative account executive")]
    public void AbbreviationsAreFollowedByWhatTheyStandFor(string title, string expected)
    {
        var expanded = TitleTerms.Expand(title, TitleTerms.Version);

        Assert.EndsWith(expected, expanded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Leiterin Vertrieb / Marketing", "head", "sales")]
    [InlineData("Vertriebsleiterin", "sales", "head")]
    [InlineData("Directrice Financière", "director", "finance")]
    [InlineData("Jefe de Contabilidad", "head", "accounting")]
    [InlineData("Hoofd Financiën", "head", "finance")]
    [InlineData("Diretor de Vendas", "director", "sales")]
    [InlineData("Responsabile Commerciale", "manager", "sales")]
    [InlineData("Geschäftsführer", "managing", "director")]
    [InlineData("Stagiaire Comptabilité", "intern", "accounting")]
    public void ForeignSeniorityAndFunctionWordsAreReadAsEnglishTerms(string title, string first, string second)
    {
        var terms = Terms(title);

        Assert.Contains(first, terms);
        Assert.Contains(second, terms);
    }

    [Fact]
    public void ATitleWithNothingToExpandIsOnlySplit()
    {
        Assert.Equal("software engineer", TitleTerms.Expand("Software Engineer", TitleTerms.Version));
        Assert.Equal("", TitleTerms.Expand("", TitleTerms.Version));
    }

    [Fact]
    public void VersionZeroLeavesTheInputAsItWas()
    {
        var input = ModelFeatures.From("Sr. Dir, Rev Ops & GTM", null, null);

        Assert.Equal("Sr. Dir, Rev Ops & GTM", TitleTerms.Expand(input.Title, 0));
        Assert.Same(input, TitleTerms.Prepare(input, 0));
    }

    [Fact]
    public void ThePreparedInputReadsItsRoleFromTheTermsAndKeepsItsTitle()
    {
        var input = ModelFeatures.From("Hoofd Financiën", null, null);

        var prepared = TitleTerms.Prepare(input, TitleTerms.Version);

        Assert.Equal("Hoofd Financiën", prepared.Title);
        Assert.Equal("hoofd financien head finance", prepared.TitleTerms);
        Assert.Equal(nameof(Seniority.Head), prepared.Seniority);
        Assert.Equal(nameof(JobFunction.Finance), prepared.Function);
        Assert.Equal("Head/Finance", prepared.SeniorityFunction);
    }

    [Fact]
    public void ARoleBlankedOutToMeasureWhatItAddsStaysBlank()
    {
        var input = ModelFeatures.From("VP Marketing", null, null);
        input.Seniority = "\u0001absent";
        input.Function = "\u0001absent";
        input.SeniorityFunction = "\u0001absent";

        var prepared = TitleTerms.Prepare(input, TitleTerms.Version);

        Assert.Equal("\u0001absent", prepared.Seniority);
        Assert.Equal("\u0001absent", prepared.Function);
        Assert.Equal("\u0001absent", prepared.SeniorityFunction);
    }
}
