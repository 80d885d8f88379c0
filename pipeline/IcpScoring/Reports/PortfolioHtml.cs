using System.Globalization;
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
            .Append(HtmlText.Encode($"{Plural(p.Accounts.Count, "account")} · {Plural(p.Failed.Count, "failed file")} · profiles and models: {p.ModelVersion}"))
            .Append("</p>\n</header>\n");
        Totals(sb, p);
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

    /// <summary>"1 account", "2 accounts".</summary>
    public static string Plural(long n, string noun) => $"{ReportFormat.Count(n)} {noun}{(n == 1 ? "" : "s")}";

    private static void Totals(StringBuilder sb, PortfolioReport p)
    {
        if (p.Accounts.Count == 0)
        {
            return;
        }

        var t = p.Totals;
        sb.Append("<section id=\"totals\">\n<h2>Across all accounts</h2>\n<div class=\"cards\">\n");
        Card(sb, "Addressable pool", ReportFormat.Count(t.AddressablePool), $"{ReportFormat.Change(t.PoolChange)} since each account's previous month");
        Card(sb, "ICP match rate", ReportFormat.Percent(t.IcpMatchRate), $"{ReportFormat.Count(t.IcpMatched)} of {ReportFormat.Count(t.Scored)} scored connections");
        Card(sb, "Connections", ReportFormat.Count(t.Connections), $"in the latest month of {Plural(p.Accounts.Count, "account")}");
        var suspect = p.Accounts.Count(a => a.Suspect.Count > 0);
        Card(sb, "Uploads to check", ReportFormat.Count(suspect), suspect == 0 ? "none looks wrong" : "latest months that look like a wrong upload (marked below)");
        sb.Append("</div>\n</section>\n");
    }

    private static void Card(StringBuilder sb, string label, string value, string detail) =>
        sb.Append("<div class=\"card\"><div class=\"label\">").Append(HtmlText.Encode(label)).Append("</div><div class=\"value\">")
            .Append(HtmlText.Encode(value)).Append("</div><div class=\"detail\">").Append(HtmlText.Encode(detail)).Append("</div></div>\n");

    private static void Accounts(StringBuilder sb, PortfolioReport p)
    {
        sb.Append("<section id=\"accounts\">\n<h2>Accounts</h2>\n");
        if (p.Accounts.Count == 0)
        {
            sb.Append("<p class=\"note\">No account has a report yet.</p>\n</section>\n");
            return;
        }

        sb.Append("<table>\n<thead><tr><th style=\"min-width:13em\">Account</th><th>Latest month</th><th class=\"num\">Match rate</th><th class=\"num\">Change</th>")
            .Append("<th class=\"num\">Pool</th><th class=\"num\">Change</th><th class=\"num\">Connections</th><th>Pool depth</th><th style=\"min-width:16em\">Alerts</th><th>Reports</th></tr></thead>\n<tbody>\n");
        foreach (var a in p.Accounts.OrderBy(a => a.Account, StringComparer.Ordinal))
        {
            var suspect = a.Suspect.Count > 0;
            var history = a.Links.TryGetValue("history", out var h) ? Href(h) : null;
            sb.Append(suspect ? "<tr class=\"suspect\" style=\"background: #fef2f2\">" : "<tr>").Append("<td>")
                .Append(history is null ? "<bdi>" : $"<a class=\"account\" href=\"{HtmlText.Encode(history)}\"><bdi>").Append(HtmlText.Encode(a.Account)).Append(history is null ? "</bdi>" : "</bdi></a>").Append("<br><span class=\"note\">")
                .Append(HtmlText.Encode($"ICP profile {a.Profile}, model {a.ModelVersion}")).Append("<br>").Append(HtmlText.Encode(Months(a.Months))).Append("</span>");
            History(sb, a);
            sb.Append("</td><td>").Append(HtmlText.Encode(a.LatestMonth));
            if (suspect)
            {
                sb.Append("<br><span class=\"badge\" style=\"background: #fef2f2; color: var(--bad)\">check this upload</span>");
            }

            sb.Append("</td><td class=\"num\">").Append(ReportFormat.Percent(a.IcpMatchRate)).Append("</td>");
            // A month that looks like a wrong upload shows no green or red change: the change may be another account's.
            ChangeCell(sb, suspect ? "?" : a.MatchRateChangePoints is { } points ? ReportFormat.Points(points) : null, suspect ? 0 : Math.Sign(Math.Round(a.MatchRateChangePoints ?? 0, 1)));
            sb.Append("<td class=\"num\">").Append(ReportFormat.Count(a.AddressablePool)).Append("</td>");
            ChangeCell(sb, suspect ? "?" : a.PoolChange is { } delta ? ReportFormat.Change(delta) : null, suspect ? 0 : Math.Sign(a.PoolChange ?? 0));
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
            // The pages people read; portfolio.json keeps every link, the JSON ones included.
            foreach (var (name, target) in a.Links.Where(l => ReadableLinks.Contains(l.Key)).OrderBy(l => Array.IndexOf(ReadableLinks, l.Key)))
            {
                sb.Append(first ? string.Empty : "<br>");
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

        sb.Append("</tbody>\n</table>\n<p class=\"note\">Change: since the account&#39;s previous month, in percentage points of match rate and in pool size; &quot;first month&quot; when there is none yet, &quot;?&quot; when the latest month looks like a wrong upload. ")
            .Append("The line under an account is its match rate over its months; the months link to their pool reports.</p>\n</section>\n");
    }

    // A small line of the match rate over the account's months, and a link to each month's pool report.
    private static void History(StringBuilder sb, PortfolioAccount a)
    {
        if (a.History.Count == 0)
        {
            return;
        }

        if (a.History.Count > 1)
        {
            sb.Append("<br>").Append(Sparkline([.. a.History.Select(h => h.IcpMatchRate)], $"{a.Account}: match rate {string.Join(", ", a.History.Select(h => $"{h.Month} {ReportFormat.Percent(h.IcpMatchRate)} (pool {ReportFormat.Count(h.AddressablePool)})"))}"));
        }

        sb.Append("<br><span class=\"note months\">");
        var first = true;
        foreach (var h in a.History)
        {
            sb.Append(first ? string.Empty : " · ");
            first = false;
            if (Href(h.Pool) is { } href)
            {
                sb.Append("<a href=\"").Append(HtmlText.Encode(href)).Append("\">").Append(HtmlText.Encode(h.Month)).Append("</a>");
            }
            else
            {
                sb.Append(HtmlText.Encode(h.Month));
            }
        }

        sb.Append("</span>");
    }

    private static string Sparkline(IReadOnlyList<double> values, string title)
    {
        const double Width = 120, Height = 28, Pad = 3;
        var min = values.Min();
        var max = values.Max();
        var span = max - min < 1e-9 ? 1 : max - min;
        var points = string.Join(' ', values.Select((v, i) => string.Create(CultureInfo.InvariantCulture,
            $"{Pad + (i * (Width - (2 * Pad)) / (values.Count - 1)):0.#},{Height - Pad - ((v - min) / span * (Height - (2 * Pad))):0.#}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"chart sparkline\" style=\"display:inline-block;margin:4px 0 0\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\"><title>{HtmlText.Encode(title)}</title><polyline fill=\"none\" stroke=\"#4f46e5\" stroke-width=\"2\" points=\"{points}\"/></svg>");
    }

    private static readonly string[] ReadableLinks = ["pool", "drift", "targets", "history", "rejects"];

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
