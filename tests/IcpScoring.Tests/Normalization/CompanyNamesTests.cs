using IcpScoring.Normalization;

namespace IcpScoring.Tests.Normalization;

public class CompanyNamesTests
{
    [Theory]
    [InlineData("Acme", "acme")]
    [InlineData("ACME, Inc.", "acme")]
    [InlineData("Acme Inc", "acme")]
    [InlineData("Acme Incorporated", "acme")]
    [InlineData("Acme Ltd", "acme")]
    [InlineData("Acme Limited", "acme")]
    [InlineData("Acme LLC", "acme")]
    [InlineData("Acme L.L.C.", "acme")]
    [InlineData("Acme GmbH", "acme")]
    [InlineData("Acme AG", "acme")]
    [InlineData("Acme SA", "acme")]
    [InlineData("Acme S.A.", "acme")]
    [InlineData("Acme SAS", "acme")]
    [InlineData("Acme SARL", "acme")]
    [InlineData("Acme BV", "acme")]
    [InlineData("Acme B.V.", "acme")]
    [InlineData("Acme NV", "acme")]
    [InlineData("Acme Pvt Ltd", "acme")]
    [InlineData("Acme Pvt. Ltd.", "acme")]
    [InlineData("Acme Private Limited", "acme")]
    [InlineData("Acme PLC", "acme")]
    [InlineData("Acme Co.", "acme")]
    [InlineData("Acme Corp", "acme")]
    [InlineData("Acme Corporation", "acme")]
    [InlineData("Acme Oy", "acme")]
    [InlineData("Acme AB", "acme")]
    [InlineData("Acme AS", "acme")]
    [InlineData("Acme ApS", "acme")]
    [InlineData("Acme SpA", "acme")]
    [InlineData("Acme S.r.l.", "acme")]
    [InlineData("Acme Srl", "acme")]
    [InlineData("Acme KG", "acme")]
    [InlineData("Acme Pty Ltd", "acme")]
    [InlineData("Acme LLP", "acme")]
    [InlineData("Acme LP", "acme")]
    [InlineData("Acme Co., Ltd.", "acme")]
    [InlineData("Acme A/S", "acme")]
    public void LegalSuffixIsRemoved(string name, string expected)
    {
        var key = CompanyNames.Key(name);

        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData("Müller & Söhne GmbH & Co. KG", "muller and sohne")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("Straße Logistik GmbH", "strasse logistik")]
    [InlineData("  Procter  &  Gamble  ", "procter and gamble")]
    [InlineData("Procter and Gamble Co.", "procter and gamble")]
    [InlineData("McDonald's Corporation", "mcdonalds")]
    [InlineData("Booking.com", "bookingcom")]
    [InlineData("Hewlett-Packard", "hewlett packard")]
    [InlineData("Zürich Versicherung AG", "zurich versicherung")]
    public void CaseAccentsAndPunctuationDoNotMatter(string name, string expected)
    {
        var key = CompanyNames.Key(name);

        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData("Inc.", "inc")]
    [InlineData("AG", "ag")]
    [InlineData("Limited Ltd", "limited")]
    [InlineData("Co Ltd", "co")]
    public void NameThatIsOnlyALegalFormKeepsItsFirstWord(string name, string expected)
    {
        var key = CompanyNames.Key(name);

        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("--")]
    public void MissingNameGivesEmptyKey(string? name)
    {
        var key = CompanyNames.Key(name);

        Assert.Equal(string.Empty, key);
    }

    [Fact]
    public void SpellingsOfOneCompanyShareAKey()
    {
        var spellings = new[] { "ACME, Inc.", "Acme Inc", "acme", "Acme Corp.", "ÄCME LLC" };

        var keys = spellings.Select(CompanyNames.Key).Distinct().ToList();

        Assert.Equal(["acme"], keys);
    }
}
