using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

public sealed class PortfolioHtmlTests
{
    [Fact]
    public void EveryAccountShowsItsLatestMonthNumbersChangeAndLinks()
    {
        var html = PortfolioHtml.Render(SomeReports.Portfolio());

        Assert.Contains("<bdi>Northwind Demand Gen</bdi>", html, StringComparison.Ordinal);
        Assert.Contains("3 months: 2026-03 to 2026-05", html, StringComparison.Ordinal);
        Assert.Contains(">12.5%<", html, StringComparison.Ordinal);
        Assert.Contains(">+0.7 pts<", html, StringComparison.Ordinal);
        Assert.Contains(">+12<", html, StringComparison.Ordinal);
        Assert.Contains(">1,240<", html, StringComparison.Ordinal);
        Assert.Contains(">5,002<", html, StringComparison.Ordinal);
        Assert.Contains("depth-healthy", html, StringComparison.Ordinal);
        Assert.Contains("<li>Match rate rose 0.7 points</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"Northwind%20Demand%20Gen/2026-05/pool.html\">pool</a>", html, StringComparison.Ordinal);
        Assert.Contains("first month", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Acme Agency", StringComparison.Ordinal) < html.IndexOf("Northwind", StringComparison.Ordinal));
    }

    [Fact]
    public void FailedFilesAreListedWithTheirReasons()
    {
        var html = PortfolioHtml.Render(SomeReports.Portfolio());

        Assert.Contains("<bdi>inbox/contoso/2026-05.csv</bdi></td><td>not a connection export: no header found in the first 50 lines</td><td>failed/contoso/2026-05.csv</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileAccountNamesRenderInertAndStayInsideTheirLinks()
    {
        var html = PortfolioHtml.Render(SomeReports.Portfolio(account: "\"><script>alert(1)</script>#?\u202E"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;#?[U+202E]", html, StringComparison.Ordinal);
        Assert.Contains("href=\"%22%3E%3Cscript%3Ealert%281%29%3C/script%3E%23%3F%E2%80%AE/2026-05/pool.html\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://evil.example/x")]
    [InlineData("/etc/passwd")]
    [InlineData("../outside.html")]
    [InlineData("//evil.example/x")]
    public void LinksThatAreNotPlainRelativePathsAreNotLinked(string target)
    {
        var href = PortfolioHtml.Href(target);

        Assert.Null(href);
    }

    [Fact]
    public void IndexLoadsNothingFromElsewhereAndIsTheSameEveryTime()
    {
        using var dir = new TempFolder();

        PortfolioHtml.Write(dir.File("a/index.html"), SomeReports.Portfolio());
        PortfolioHtml.Write(dir.File("b/index.html"), SomeReports.Portfolio());

        var html = File.ReadAllText(dir.File("a/index.html"));
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(File.ReadAllBytes(dir.File("a/index.html")), File.ReadAllBytes(dir.File("b/index.html")));
    }

    [Fact]
    public void AnEmptyPortfolioSaysSo()
    {
        var html = PortfolioHtml.Render(new PortfolioReport([], [], "v1"));

        Assert.Contains("No account has a report yet.", html, StringComparison.Ordinal);
        Assert.Contains("None: every export was read.", html, StringComparison.Ordinal);
    }
}
