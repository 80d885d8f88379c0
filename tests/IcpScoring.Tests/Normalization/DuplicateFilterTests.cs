using IcpScoring.Normalization;

namespace IcpScoring.Tests.Normalization;

public sealed class DuplicateFilterTests
{
    private static Connection Person(string account = "acme", string name = "Ana Nair", string url = "", string company = "Northwind", DateOnly? on = null, bool hidden = false) =>
        new(1, account, name, "", "", "", url, company, "CMO", "CMO", null, null, on ?? new DateOnly(2023, 5, 21), hidden, false);

    [Fact]
    public void SameProfileUrlIsADuplicate()
    {
        var filter = new DuplicateFilter();

        Assert.True(filter.FirstTime(Person(url: "https://www.linkedin.com/in/ana")));
        Assert.False(filter.FirstTime(Person(name: "A. Nair", url: "https://www.linkedin.com/in/ana")));
    }

    [Fact]
    public void WithoutUrlSameNameCompanyAndDateIsADuplicate()
    {
        var filter = new DuplicateFilter();

        Assert.True(filter.FirstTime(Person()));
        Assert.False(filter.FirstTime(Person(name: "ANA NAIR", company: "Northwind Inc.")));
        Assert.True(filter.FirstTime(Person(on: new DateOnly(2023, 5, 22))));
    }

    [Fact]
    public void TheSamePersonInTwoAccountsIsNotADuplicate()
    {
        var filter = new DuplicateFilter();

        Assert.True(filter.FirstTime(Person(account: "acme", url: "https://www.linkedin.com/in/ana")));
        Assert.True(filter.FirstTime(Person(account: "globex", url: "https://www.linkedin.com/in/ana")));
    }

    [Fact]
    public void HiddenProfilesAreNeverDuplicates()
    {
        var filter = new DuplicateFilter();

        Assert.True(filter.FirstTime(Person(name: "", company: "", hidden: true)));
        Assert.True(filter.FirstTime(Person(name: "", company: "", hidden: true)));
    }

    [Theory]
    [InlineData("http://linkedin.com/in/Ana-Nair/", "https://www.linkedin.com/in/ana-nair")]
    [InlineData("https://www.linkedin.com/in/ana-nair?trk=abc", "https://www.linkedin.com/in/ana-nair")]
    [InlineData("  www.linkedin.com/in/jos%C3%A9  ", "https://www.linkedin.com/in/josé")]
    [InlineData("https://www.linkedin.com/sales/lead/ACwAAB,NAME", "https://www.linkedin.com/sales/lead/ACwAAB,NAME")]
    [InlineData("", "")]
    public void ProfileUrlsAreCanonical(string url, string canonical) => Assert.Equal(canonical, ProfileUrls.Canonical(url));
}
