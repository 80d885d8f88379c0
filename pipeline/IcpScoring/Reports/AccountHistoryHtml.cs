using IcpScoring.Drift;

namespace IcpScoring.Reports;

/// <summary>
/// <c>&lt;out&gt;/&lt;account&gt;/index.html</c>: one account's months, oldest to newest, with match rate,
/// pool, connections, the model, the latest alerts, and links to every month's reports. Written with
/// the drift reports, so it always lists every month.
/// </summary>
internal static class AccountHistoryHtml
{
    public static string Render(DriftReport latest, IReadOnlyDictionary<string, IReadOnlyList<string>> alertsByMonth)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var sb = HtmlPage.Begin($"History · {latest.Account}");
        sb.Append(ReportNav.History(latest.Month))
            .Append("<header>\n<p class=\"eyebrow\">Account history</p>\n<h1><bdi>").Append(HtmlText.Encode(latest.Account)).Append("</bdi></h1>\n<p class=\"sub\">")
            .Append(HtmlText.Encode($"{PortfolioHtml.Plural(latest.Trend.Count, "month")} · latest {latest.Month} · ICP profile {latest.Profile}")).Append("</p>\n</header>\n");
        sb.Append("<section id=\"history\">\n<h2>Every month</h2>\n");
        if (latest.Trend.Count > 1)
        {
            sb.Append(Charts.LabelledLines("chart-history", "ICP match rate by month", "ICP match rate (%)", [.. latest.Trend.Select(t => t.Month)],
                [new ChartSeries("ICP match rate", [.. latest.Trend.Select(t => t.IcpMatchRate * 100)])])).Append('\n');
        }

        sb.Append("<table id=\"months\">\n<thead><tr><th>Month</th><th class=\"num\">ICP match rate</th><th class=\"num\">Addressable pool</th><th class=\"num\">Pool change</th>")
            .Append("<th class=\"num\">Connections</th><th>Model</th><th>Alerts</th><th>Reports</th></tr></thead>\n<tbody>\n");
        foreach (var t in latest.Trend.Reverse())
        {
            sb.Append("<tr><td>").Append(HtmlText.Encode(t.Month)).Append("</td><td class=\"num\">").Append(ReportFormat.Percent(t.IcpMatchRate))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Count(t.AddressablePool)).Append("</td><td class=\"num\">");
            var index = latest.Trend.ToList().IndexOf(t);
            sb.Append(index == 0 ? "<span class=\"note\">first month</span>" : ReportFormat.Change(t.AddressablePool - latest.Trend[index - 1].AddressablePool))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Count(t.Connections)).Append("</td><td>")
                .Append(HtmlText.Encode($"{t.Profile} {t.ModelVersion}".Trim())).Append("</td><td>");
            var alerts = alertsByMonth.GetValueOrDefault(t.Month) ?? [];
            sb.Append(alerts.Count == 0 ? "<span class=\"note\">none</span>" : HtmlText.Encode(PortfolioHtml.Plural(alerts.Count, "alert") + ": " + alerts[0] + (alerts.Count > 1 ? " …" : "")))
                .Append("</td><td>")
                .Append(Link($"{t.Month}/pool.html", "pool")).Append(" · ").Append(Link($"{t.Month}/drift.html", "drift")).Append(" · ").Append(Link($"{t.Month}/targets.csv", "targets"))
                .Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
        return HtmlPage.End(sb, $"IcpScoring · {latest.Account}");
    }

    private static string Link(string href, string text) =>
        PortfolioHtml.Href(href) is { } safe ? $"<a href=\"{HtmlText.Encode(safe)}\">{HtmlText.Encode(text)}</a>" : HtmlText.Encode(text);
}
