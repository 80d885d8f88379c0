using System.Text;
using IcpScoring.Model;

namespace IcpScoring.Reports;

/// <summary>
/// <c>index.html</c> at the top of the output folder: every account's latest month with its change
/// since the month before, alerts and links to its reports, and the exports that failed.
/// </summary>
internal static class PortfolioHtml
{
    public static string Render(PortfolioReport p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var sb = HtmlPage.Begin("ICP portfolio");
        sb.Append("<header>\n<p class=\"eyebrow\">ICP-match portfolio</p>\n<h1>All accounts</h1>\n<p class=\"sub\">")
            .Append(HtmlText.Encode($"{ReportFormat.Count(p.Accounts.Count)} accounts · {ReportFormat.Count(p.Failed.Count)} failed files · profiles and models: {p.ModelVersion}"))
            .Append("</p>\n</header>\n");
        Accounts(sb, p);
        Failed(sb, p);
        return HtmlPage.End(sb, $"IcpScoring · {p.ModelVersion}");
    }

    public static void Write(string path, PortfolioReport p) => AtomicFiles.WriteAllText(path, Render(p));

    /// <summary>
    /// A link's href from a path relative to the output folder: each segment percent-encoded (an
    /// account may be called "A&amp;B #2"). Anything that is not a plain relative path (a scheme such
    /// as <c>javascript:</c>, a rooted or <c>..</c> path) gets no link at all: null.
    /// </summary>
    public static string? Href(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            return null;
        }

        var path = relativePath.Replace('\\', '/');
        var segments = path.Split('/');
        if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || segments.Any(s => s is "" or "." or ".."))
        {
            return null;
        }

        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    private static void Accounts(StringBuilder sb, PortfolioReport p)
    {
        sb.Append("<section id=\"accounts\">\n<h2>Accounts</h2>\n");
        if (p.Accounts.Count == 0)
        {
            sb.Append("<p class=\"note\">No account has a report yet.</p>\n</section>\n");
            return;
        }

        sb.Append("<table>\n<thead><tr><th>Account</th><th>ICP profile</th><th>Latest month</th><th class=\"num\">ICP match rate</th><th class=\"num\">Change</th>")
            .Append("<th class=\"num\">Addressable pool</th><th class=\"num\">Pool change</th><th class=\"num\">Connections</th><th>Pool depth</th><th>Alerts</th><th>Reports</th></tr></thead>\n<tbody>\n");
        foreach (var a in p.Accounts.OrderBy(a => a.Account, StringComparer.Ordinal))
        {
            sb.Append("<tr><td><bdi>").Append(HtmlText.Encode(a.Account)).Append("</bdi><br><span class=\"note\">")
                .Append(HtmlText.Encode(Months(a.Months))).Append("</span></td><td>").Append(HtmlText.Encode(a.Profile))
                .Append("<br><span class=\"note\">model ").Append(HtmlText.Encode(a.ModelVersion)).Append("</span></td><td>").Append(HtmlText.Encode(a.LatestMonth))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Percent(a.IcpMatchRate)).Append("</td>");
            ChangeCell(sb, a.MatchRateChangePoints is { } points ? ReportFormat.Points(points) : null, Math.Sign(Math.Round(a.MatchRateChangePoints ?? 0, 1)));
            sb.Append("<td class=\"num\">").Append(ReportFormat.Count(a.AddressablePool)).Append("</td>");
            ChangeCell(sb, a.PoolChange is { } delta ? ReportFormat.Change(delta) : null, Math.Sign(a.PoolChange ?? 0));
            sb.Append("<td class=\"num\">").Append(ReportFormat.Count(a.Connections)).Append("</td><td><span class=\"badge depth-")
                .Append(HtmlText.Encode(a.PoolDepth)).Append("\">").Append(HtmlText.Encode(ReportFormat.PoolDepth(a.PoolDepth))).Append("</span></td><td>");
            if (a.Alerts.Count == 0)
            {
                sb.Append("<span class=\"note\">none</span>");
            }
            else
            {
                sb.Append("<ul class=\"alerts\">");
                foreach (var alert in a.Alerts)
                {
                    sb.Append("<li>").Append(HtmlText.Encode(alert)).Append("</li>");
                }

                sb.Append("</ul>");
            }

            sb.Append("</td><td>");
            var first = true;
            foreach (var (name, target) in a.Links.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                sb.Append(first ? string.Empty : " · ");
                first = false;
                if (Href(target) is { } href)
                {
                    sb.Append("<a href=\"").Append(HtmlText.Encode(href)).Append("\">").Append(HtmlText.Encode(name)).Append("</a>");
                }
                else
                {
                    sb.Append(HtmlText.Encode(name)).Append(" (").Append(HtmlText.Encode(target)).Append(')');
                }
            }

            sb.Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">Change: since the account's previous month, in percentage points of match rate and in pool size; blank for a first month.</p>\n</section>\n");
    }

    private static void ChangeCell(StringBuilder sb, string? text, int sign) =>
        sb.Append("<td class=\"num ").Append(text is null ? "same" : sign > 0 ? "up" : sign < 0 ? "down" : "same").Append("\">")
            .Append(text ?? "<span class=\"note\">first month</span>").Append("</td>");

    private static string Months(IReadOnlyList<string> months) =>
        months.Count switch
        {
            0 => "no months",
            1 => "1 month",
            _ => $"{ReportFormat.Count(months.Count)} months: {months.Min(StringComparer.Ordinal)} to {months.Max(StringComparer.Ordinal)}",
        };

    private static void Failed(StringBuilder sb, PortfolioReport p)
    {
        sb.Append("<section id=\"failed\">\n<h2>Failed files</h2>\n");
        if (p.Failed.Count == 0)
        {
            sb.Append("<p class=\"note\">None: every export was read.</p>\n</section>\n");
            return;
        }

        sb.Append("<table>\n<thead><tr><th>File</th><th>Reason</th><th>Moved to</th></tr></thead>\n<tbody>\n");
        foreach (var f in p.Failed)
        {
            sb.Append("<tr><td><bdi>").Append(HtmlText.Encode(f.File)).Append("</bdi></td><td>").Append(HtmlText.Encode(f.Reason))
                .Append("</td><td>").Append(HtmlText.Encode(f.MovedTo)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }
}
