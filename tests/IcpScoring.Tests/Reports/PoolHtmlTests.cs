using System.Net;
using System.Text.RegularExpressions;
using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

public sealed partial class PoolHtmlTests
{
    [Fact]
    public void HeadlineNumbersComeFirstAndMatchTheReport()
    {
        var html = PoolHtml.Render(SomeReports.PoolReport());

        var headline = Section(html, "headline");
        Assert.Contains(">12.5%<", headline, StringComparison.Ordinal);
        Assert.Contains("95% interval 10.7%–14.5%", headline, StringComparison.Ordinal);
        Assert.Contains(">150<", headline, StringComparison.Ordinal);
        Assert.Contains("30 warm · 15 cold", headline, StringComparison.Ordinal);
        Assert.Contains("1,240 <span class=\"badge\">500+</span>", headline, StringComparison.Ordinal);
        Assert.Contains("Minimal", headline, StringComparison.Ordinal);
        Assert.Contains("Below 100–200 ICP-relevant connections is too shallow for campaigns", headline, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"headline\"", StringComparison.Ordinal) < html.IndexOf("id=\"tiers\"", StringComparison.Ordinal));
    }

    [Fact]
    public void SectionsComeInTheOrderPeopleReadThem()
    {
        var html = PoolHtml.Render(SomeReports.PoolReport());

        var order = SectionId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["headline", "change", "contact-first", "companies", "needs-enrichment", "inmail-pool", "tiers", "segments", "scores", "projection", "assumptions", "source"], order);
    }

    [Fact]
    public void ThePoolPageSendsReadersToTheDriftReportForTheChange()
    {
        var html = PoolHtml.Render(SomeReports.PoolReport());

        Assert.Contains("<a href=\"drift.html\">drift report</a>", Section(html, "change"), StringComparison.Ordinal);
    }

    [Fact]
    public void SegmentsTiersProjectionAndAssumptionsShowTheReportsNumbers()
    {
        var report = SomeReports.PoolReport();

        var html = PoolHtml.Render(report);

        Assert.Contains("<td>D</td><td class=\"num\">820</td><td class=\"num\">68.3%</td>", Section(html, "tiers"), StringComparison.Ordinal);
        Assert.Contains("<bdi>Software Development</bdi></td><td class=\"num\">420</td><td class=\"num\">88</td><td class=\"num\">21.0%</td>", Section(html, "segments"), StringComparison.Ordinal);
        var projection = Section(html, "projection");
        // Whole people; untargeted requests bring the network's share of ICP people, targeted ones Benchmarks:TargetedIcpShare (90%).
        Assert.Contains("<td>standard</td><td class=\"num\">100</td><td>average (28%)</td><td class=\"num\">28</td><td class=\"num\">115</td><td class=\"num\">12.5%</td><td class=\"num\">14</td>", projection, StringComparison.Ordinal);
        Assert.Contains("<td>standard</td><td class=\"num\">100</td><td>targeted (45%)</td><td class=\"num\">45</td><td class=\"num\">184</td><td class=\"num\">90.0%</td><td class=\"num\">166</td>", projection, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count(Section(html, "projection").Split("projection-months")[1], "<tr><td>"));
        var assumptions = Section(html, "assumptions");
        Assert.All(report.Assumptions, a => Assert.Contains(
            $"<tr><td>{WebUtility.HtmlEncode(a.Name)}</td><td>{WebUtility.HtmlEncode(a.Value)}</td><td>{WebUtility.HtmlEncode(a.Source)}</td></tr>", assumptions, StringComparison.Ordinal));
        var source = Section(html, "source");
        Assert.Contains("sales-navigator", source, StringComparison.Ordinal);
        Assert.Contains("930 of 1,240 connections (75.0%)", source, StringComparison.Ordinal);
        Assert.Contains("v3, threshold 0.55", source, StringComparison.Ordinal);
        Assert.Contains("from the file&#39;s place in the inbox", source, StringComparison.Ordinal);
    }

    [Fact]
    public void TheScoreHistogramAndOtherChartsAreInlineSvg()
    {
        var html = PoolHtml.Render(SomeReports.PoolReport());

        Assert.Equal(["chart-tiers", "chart-industries", "chart-scores", "chart-projection"], SvgId().Matches(html).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileTextFromTheDataRendersInert()
    {
        var report = SomeReports.PoolReport(
            account: "<script>alert(1)</script>",
            file: "\"><img src=x onerror=alert(1)>.csv",
            industry: "Software\u202Egnp.exe <b onmouseover=alert(1)>");

        var html = PoolHtml.Render(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.csv", html, StringComparison.Ordinal);
        Assert.Contains("Software[U+202E]gnp.exe &lt;b onmouseover=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageLoadsNothingFromElsewhere()
    {
        // Links to LinkedIn profiles are followed by a click, never loaded.
        var html = ProfileLink().Replace(PoolHtml.Render(SomeReports.PoolReport()), "<a>");

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlsInTheDataAreTheOnlyOnesInThePageAndAreEscaped()
    {
        var html = PoolHtml.Render(SomeReports.PoolReport(file: "https://evil.example/\"x\".csv"));

        var urls = UrlLike().Matches(html).Select(m => m.Value).Where(u => !u.StartsWith("https://www.linkedin.com/in/", StringComparison.Ordinal)).ToList();
        Assert.All(urls, u => Assert.StartsWith("https://evil.example/&quot;x&quot;.csv", u, StringComparison.Ordinal));
        Assert.NotEmpty(urls);
    }

    [Fact]
    public void OnlyLinkedInProfileAddressesBecomeLinksAndTheyAreEscaped()
    {
        var report = SomeReports.PoolReport();
        Contact Someone(string url) => report.ContactFirst[0] with { ProfileUrl = url };
        report = report with
        {
            ContactFirst =
            [
                Someone("javascript:alert(1)"), Someone("https://evil.example/in/ana"), Someone("https://www.linkedin.com/in/ana\"onmouseover=\"alert(1)"),
            ],
        };

        var html = Section(PoolHtml.Render(report), "contact-first");

        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onmouseover", html, StringComparison.Ordinal);
        Assert.Single(ProfileLink().Matches(html));
    }

    [Fact]
    public void CompaniesWithABuyingCommitteeShowTheirPeopleAndLinkCompaniesCsv()
    {
        var html = Section(PoolHtml.Render(SomeReports.PoolReport()), "companies");

        Assert.Contains("4 companies have two or more ICP connections", html, StringComparison.Ordinal);
        Assert.Contains("The 2 with the most:", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"companies.csv\">companies.csv</a>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><bdi>Northwind</bdi></td><td class=\"num\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<bdi>Cy Dee</bdi> · <bdi>Marketing Director</bdi>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ContactFirstListsTheBestTargetsWithTheirSignedReasonsTheNewMarkAndTheCsvLinks()
    {
        var html = Section(PoolHtml.Render(SomeReports.PoolReport()), "contact-first");

        Assert.Contains("<a href=\"targets.csv\">targets.csv</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"new-targets.csv\">new-targets.csv</a>", html, StringComparison.Ordinal);
        Assert.Contains("1 of the 150 was not a connection in 2026-04", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<tr><td>"));
        Assert.Equal(1, Regex.Count(html, "<span class=\"badge\">new</span>"));
        Assert.Contains("<span class=\"pts up\">+41 pts</span> Head in Marketing<br><span class=\"pts up\">+23 pts</span> industry: Software Development<br><span class=\"pts down\">−3 pts</span> company size: 51-200", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameReportRendersToTheSameBytes()
    {
        using var dir = new TempFolder();
        var report = SomeReports.PoolReport();

        PoolHtml.Write(dir.File("a/pool.html"), report);
        PoolHtml.Write(dir.File("b/pool.html"), report);

        Assert.Equal(File.ReadAllBytes(dir.File("a/pool.html")), File.ReadAllBytes(dir.File("b/pool.html")));
    }

    [Fact]
    public void AnEmptyPoolStillRenders()
    {
        var report = SomeReports.PoolReport() with
        {
            IcpMatched = 0, IcpMatchRate = 0, AddressablePool = 0, IcpMatchRateCi95 = [0, 0.003], PoolDepth = "too-shallow",
            ExpectedConversations = new ExpectedConversations(0, 0), ScoreHistogram = new long[20],
            Segments = new Segments([], [], [], []),
        };

        var html = PoolHtml.Render(report);

        Assert.Contains("Too shallow", html, StringComparison.Ordinal);
        Assert.Contains("no one to message yet", html, StringComparison.Ordinal);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<section id=\"([a-z-]+)\">")]
    private static partial Regex SectionId();

    [GeneratedRegex("<svg id=\"([a-z-]+)\"")]
    private static partial Regex SvgId();

    [GeneratedRegex("https?://[^\\s<]*")]
    private static partial Regex UrlLike();

    [GeneratedRegex("<a href=\"https://www\\.linkedin\\.com/in/[^\"]*\" rel=\"noopener noreferrer\">")]
    private static partial Regex ProfileLink();
}
