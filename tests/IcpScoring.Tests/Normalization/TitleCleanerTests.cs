using IcpScoring.Normalization;

namespace IcpScoring.Tests.Normalization;

public class TitleCleanerTests
{
    [Theory]
    [InlineData("Marketing Manager", "Marketing Manager")]
    [InlineData("  Marketing   Manager  ", "Marketing Manager")]
    [InlineData("Marketing\tManager\n", "Marketing Manager")]
    [InlineData("VP, Sales & Marketing", "VP, Sales & Marketing")]
    [InlineData("Head of Growth - EMEA", "Head of Growth - EMEA")]
    [InlineData("Head of Growth – EMEA", "Head of Growth | EMEA")]
    [InlineData("Directeur Marketing", "Directeur Marketing")]
    [InlineData("Leiter Vertrieb", "Leiter Vertrieb")]
    [InlineData("Directora de Comunicación", "Directora de Comunicación")]
    [InlineData("Geschäftsführer", "Geschäftsführer")]
    [InlineData("Responsable Marketing Digital 🚀", "Responsable Marketing Digital")]
    [InlineData("🚀 CMO 🇫🇷", "CMO")]
    [InlineData("Growth Marketer 👩🏽‍💻", "Growth Marketer")]
    [InlineData("Marketing Director • 3rd", "Marketing Director")]
    [InlineData("Marketing Director • 2nd", "Marketing Director")]
    [InlineData("Marketing Director (She/Her)", "Marketing Director")]
    [InlineData("Marketing Director (he/him)", "Marketing Director")]
    [InlineData("Marketing Director they/them", "Marketing Director")]
    [InlineData("CMO | Helping B2B SaaS companies scale", "CMO")]
    [InlineData("Head of Demand Gen | Speaker | Author", "Head of Demand Gen")]
    [InlineData("VP Marketing @ Acme | ex-Google", "VP Marketing")]
    [InlineData("Founder | CEO", "Founder | CEO")]
    [InlineData("Content Lead · Passionate about storytelling", "Content Lead")]
    [InlineData("Sales Director -- #hiring", "Sales Director")]
    [InlineData("Demand Generation Manager | https://acme.example", "Demand Generation Manager")]
    [InlineData("Helping founders grow", "Helping founders grow")]
    [InlineData("Product Marketing Manager | I turn complex products into simple stories that sell", "Product Marketing Manager")]
    [InlineData("Marketing Manager,", "Marketing Manager")]
    public void TitleIsCleanedForTheModel(string raw, string expected)
    {
        var cleaned = TitleCleaner.Clean(raw);

        Assert.Equal(expected, cleaned);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🚀🚀")]
    [InlineData("• 3rd")]
    public void TitleWithoutWordsIsEmpty(string? raw)
    {
        var cleaned = TitleCleaner.Clean(raw);

        Assert.Equal(string.Empty, cleaned);
    }

    [Fact]
    public void DecomposedAccentsAreComposed()
    {
        var decomposed = "Directeur Ge\u0301ne\u0301ral";

        var cleaned = TitleCleaner.Clean(decomposed);

        Assert.Equal("Directeur Général", cleaned);
    }
}
