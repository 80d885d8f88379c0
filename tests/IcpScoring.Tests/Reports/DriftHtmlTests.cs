using System.Text.RegularExpressions;
using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

public sealed partial class DriftHtmlTests
{
    [Fact]
    public void SectionsComeInTheOrderPeopleReadThem()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        var order = SectionId().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["alerts", "summary", "headline", "why", "network", "scores", "features", "data-quality", "trend"], order);
    }

    [Fact]
    public void AlertsAreListedAtTheTopBeforeTheHeadline()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        var alerts = Section(html, "alerts");
        Assert.Contains("3 alerts", alerts, StringComparison.Ordinal);
        Assert.Contains("<li><bdi>Industry drifted: PSI 0.274 (major).</bdi></li>", alerts, StringComparison.Ordinal);
        Assert.Contains("New industry &quot;Hospitals and Health Care&quot;: 11.3% of connections.", alerts, StringComparison.Ordinal);
        Assert.True(html.IndexOf("</header>", StringComparison.Ordinal) < html.IndexOf("id=\"alerts\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"alerts\"", StringComparison.Ordinal) < html.IndexOf("id=\"headline\"", StringComparison.Ordinal));
    }

    [Fact]
    public void NoAlertsIsSaidOutLoud()
    {
        var html = DriftHtml.Render(SomeDrift.Report(alerts: []));

        Assert.Contains("<h2>No alerts</h2>", Section(html, "alerts"), StringComparison.Ordinal);
        Assert.DoesNotContain("<li>", Section(html, "alerts"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeaderNamesTheAccountBothMonthsAndTheModel()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        Assert.Contains("<h1><bdi>Northwind Demand Gen</bdi></h1>", html, StringComparison.Ordinal);
        Assert.Contains("2026-05 compared with 2026-04 · ICP profile demand-gen · model v3 (was v2)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeadlineShowsTheChangeItsIntervalAndTheTest()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        var headline = Section(html, "headline");
        Assert.Contains("<tr><th>ICP match rate</th><td class=\"num\">11.8%</td><td class=\"num\">12.5%</td><td class=\"num up\">+0.7 pts</td>"
            + "<td class=\"num\">−1.9 pts to +3.3 pts</td><td>p = 0.599: not significant at 5%</td></tr>", headline, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Addressable pool</th><td class=\"num\">138</td><td class=\"num\">150</td><td class=\"num up\">+12</td>", headline, StringComparison.Ordinal);
        Assert.Contains(
            "The match rate rose 0.7 points to 12.5%",
            Section(html, "summary"), StringComparison.Ordinal);
    }

    [Fact]
    public void ASignificantChangeIsCalledSignificant()
    {
        var report = SomeDrift.Report();
        report = report with { IcpMatchRate = report.IcpMatchRate! with { PValue = 0.0004 } };

        var html = DriftHtml.Render(report);

        Assert.Contains("p &lt; 0.001: significant at 5%", Section(html, "headline"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheChangeIsSplitBetweenNetworkAndModelWhenTheModelChanged()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        var why = Section(html, "why");
        Assert.Contains("The model changed from v2 to v3. Re-scored with v3, 2026-04 matches at 12.1%.", why, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Network changed (both months scored by v3)</td><td class=\"num\">+0.4 pts</td></tr>", why, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Model changed (v2 → v3)</td><td class=\"num\">+0.3 pts</td></tr>", why, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Total</td><td class=\"num\">+0.7 pts</td></tr>", why, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheSameModelTheWholeChangeIsTheNetworks()
    {
        var report = SomeDrift.Report() with { ModelChanged = false, PreviousModelVersion = "v3", Attribution = new(0.00705128, 0, 0.00705128, null) };

        var html = DriftHtml.Render(report);

        Assert.Contains("The model did not change (v3 in both months): the whole change, +0.7 pts, is the network&#39;s.", Section(html, "why"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"attribution\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void NetworkMovementShowsWhoCameWentAndChanged()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        var network = Section(html, "network");
        Assert.Contains("<tr><td>Added</td><td class=\"num\">95</td><td class=\"num\">14</td><td class=\"num\">—</td><td class=\"num\">+14</td></tr>", network, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Removed</td><td class=\"num\">26</td><td class=\"num\">—</td><td class=\"num\">3</td><td class=\"num\">−3</td></tr>", network, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">41</td><td class=\"num\">6</td><td class=\"num\">5</td><td class=\"num\">+1</td></tr>", network, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Same title and company</td><td class=\"num\">1,104</td>", network, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"total\"><th>Pool change</th>", network, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreAndFeatureDriftShowTheirBandsAndNewCategories()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        Assert.Contains("<strong>Score mix held (stable)</strong> <span class=\"badge\" style=\"background: #ecfdf5; color: var(--good)\">stable</span> <span class=\"note\">(population stability index, PSI: 0.062)</span>", Section(html, "scores"), StringComparison.Ordinal);
        var features = Section(html, "features");
        Assert.Equal(["Industry", "Company size", "Seniority", "Function"], FeatureRow().Matches(features).Select(m => m.Groups[1].Value));
        Assert.Contains("<td>Industry</td><td>mix shifted a lot (major)</td><td class=\"num\">0.274</td><td><span class=\"badge\" style=\"background: #fef2f2; color: var(--bad)\">major</span></td><td class=\"num\">0.048</td>"
            + "<td><bdi>Hospitals and Health Care</bdi> (11.3%)</td><td><bdi>Oil and Gas</bdi> (0.6%)</td></tr>", features, StringComparison.Ordinal);
        Assert.Contains("<td>Industry</td><td><bdi>Hospitals and Health Care</bdi></td><td class=\"num\">0.0%</td><td class=\"num\">11.3%</td><td class=\"num\">+11.3 pts</td>",
            features, StringComparison.Ordinal);
    }

    [Fact]
    public void DataQualityComparesBothMonths()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        var quality = Section(html, "data-quality");
        Assert.Contains("<tr><td>Without a title</td><td class=\"num\">3.1%</td><td class=\"num\">3.5%</td><td class=\"num\">+0.4 pts</td></tr>", quality, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Rejected rows</td><td class=\"num\">2 (0.2%)</td><td class=\"num\">3 (0.2%)</td><td class=\"num\">+1</td></tr>", quality, StringComparison.Ordinal);
    }

    [Fact]
    public void TheChartsAreInlineSvg()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        Assert.Equal(["chart-scores", "chart-shifts", "chart-trend"], SvgId().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Equal(5, Regex.Count(Section(html, "trend").Split("trend-months")[1], "<tr><td>"));
    }

    [Fact]
    public void AFirstMonthShowsOnlyTheHeaderTheNoticeAndTheTrendTable()
    {
        var html = DriftHtml.Render(SomeDrift.FirstMonth());

        Assert.Equal(["first-month", "trend"], SectionId().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("First month for this account: nothing to compare yet", html, StringComparison.Ordinal);
        Assert.Contains("2026-05 · first month · ICP profile demand-gen · model v3", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2026-05</td><td class=\"num\">12.5%</td><td class=\"num\">150</td><td class=\"num\">1,240</td><td>v3</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIdenticalMonthSaysSoRightAfterTheAlerts()
    {
        var html = DriftHtml.Render(SomeDrift.Identical());

        Assert.Contains("Identical to 2026-05: same connections, same scores.", Section(html, "identical"), StringComparison.Ordinal);
        Assert.Equal(["alerts", "identical", "summary"], SectionId().Matches(html).Select(m => m.Groups[1].Value).Take(3));
        Assert.Contains("the whole change, 0.0 pts, is the network", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileTextFromTheDataRendersInert()
    {
        var report = SomeDrift.Report(
            account: "<script>alert(1)</script>",
            newIndustry: "\"><img src=x onerror=alert(1)>",
            alerts: ["Software\u202Egnp.exe <b onmouseover=alert(1)>"]);

        var html = DriftHtml.Render(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.Contains("<h1><bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi></h1>", html, StringComparison.Ordinal);
        Assert.Contains("<bdi>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</bdi> (11.3%)", html, StringComparison.Ordinal);
        Assert.Contains("<li><bdi>Software[U+202E]gnp.exe &lt;b onmouseover=alert(1)&gt;</bdi></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageLoadsNothingFromElsewhere()
    {
        var html = DriftHtml.Render(SomeDrift.Report());

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheSameReportRendersToTheSameBytes()
    {
        using var dir = new TempFolder();
        var report = SomeDrift.Report();

        DriftHtml.Write(dir.File("a/drift.html"), report);
        DriftHtml.Write(dir.File("b/drift.html"), report);

        Assert.Equal(File.ReadAllBytes(dir.File("a/drift.html")), File.ReadAllBytes(dir.File("b/drift.html")));
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<section id=\"([a-z-]+)\"")]
    private static partial Regex SectionId();

    [GeneratedRegex("<svg id=\"([a-z-]+)\"")]
    private static partial Regex SvgId();

    [GeneratedRegex("<tr><td>([^<]+)</td><td>[^<]+</td><td class=\"num\">[0-9.]+</td><td><span class=\"badge\"")]
    private static partial Regex FeatureRow();
}
