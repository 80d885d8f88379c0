using IcpScoring.Normalization;

namespace IcpScoring.Tests.Normalization;

public class IndustryCatalogTests
{
    [Theory]
    [InlineData("Software Development", 4)]
    [InlineData("software development", 4)]
    [InlineData("  SOFTWARE   DEVELOPMENT ", 4)]
    [InlineData("Computer Software", 4)]
    [InlineData("computer software", 4)]
    [InlineData("Internet", 6)]
    [InlineData("Technology, Information and Internet", 6)]
    [InlineData("technology information & internet", 6)]
    [InlineData("information technology & services", 96)]
    [InlineData("Information Technology and Services", 96)]
    [InlineData("IT Services and IT Consulting", 96)]
    [InlineData("it services & it consulting", 96)]
    [InlineData("marketing & advertising", 80)]
    [InlineData("Marketing and Advertising", 80)]
    [InlineData("Advertising Services", 80)]
    [InlineData("health, wellness & fitness", 124)]
    [InlineData("Health, Wellness and Fitness", 124)]
    [InlineData("Health Wellness Fitness", 124)]
    [InlineData("computer & network security", 118)]
    [InlineData("Computer and Network Security", 118)]
    [InlineData("hospital & health care", 14)]
    [InlineData("Oil, Gas & Mining", 332)]
    [InlineData("Primary/Secondary Education", 67)]
    [InlineData("primary secondary education", 67)]
    [InlineData("Défense & Space", 1)]
    [InlineData("4", 4)]
    [InlineData("Marketing Services", 1862)]
    public void LabelVariantMapsToTheV2Industry(string raw, int expectedId)
    {
        var industry = IndustryCatalog.Default.Find(raw);

        Assert.NotNull(industry);
        Assert.Equal(expectedId, industry.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Underwater Basket Weaving")]
    [InlineData("Software")]
    [InlineData("&")]
    [InlineData("99999")]
    public void EmptyOrUnknownIndustryIsNull(string? raw)
    {
        var industry = IndustryCatalog.Default.Find(raw);

        Assert.Null(industry);
    }

    [Fact]
    public void V1LabelMapsToV2Label()
    {
        var industry = IndustryCatalog.Default.Find("computer software");

        Assert.Equal("Software Development", industry?.Label);
        Assert.Equal("Computer Software", industry?.LabelV1);
        Assert.Equal("Technology, Information and Media", industry?.TopLevel);
    }

    [Fact]
    public void CatalogHoldsAllReferenceIndustries()
    {
        var all = IndustryCatalog.Default.All;

        Assert.Equal(434, all.Count);
        Assert.Equal(434, all.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void EveryReferenceIndustryMapsToItselfByV2AndV1Label()
    {
        var catalog = IndustryCatalog.Default;

        var misses = catalog.All
            .SelectMany(i => new[] { (i, Raw: i.Label), (i, Raw: i.Label.ToLowerInvariant()), (i, Raw: i.LabelV1), (i, Raw: i.LabelV1?.ToLowerInvariant()) })
            .Where(pair => pair.Raw is not null && catalog.Find(pair.Raw)?.Id != pair.i.Id)
            .Select(pair => $"{pair.i.Id}: {pair.Raw}")
            .ToList();

        Assert.Empty(misses);
    }

    [Fact]
    public void SharedV1LabelMapsToTheLowestId()
    {
        var catalog = new IndustryCatalog(
        [
            new Industry(20, "Newer Split Industry", "Shared Label", "Top"),
            new Industry(7, "Older Industry", "Shared Label", "Top"),
        ]);

        var industry = catalog.Find("shared label");

        Assert.Equal(7, industry?.Id);
    }
}
