using System.Text;

namespace IcpScoring.Reports;

/// <summary>
/// The links at the top of every report page, relative to <c>&lt;out&gt;/&lt;account&gt;/&lt;month&gt;/</c>,
/// so the pages work from disk, from a share and under <c>icp serve</c>'s <c>/reports/</c>: the
/// portfolio, the account's history (every month), this month's pool and drift reports, and the
/// drift reports of the months before and after (pages written again whenever a month arrives).
/// </summary>
internal static class ReportNav
{
    private const string Open = "<nav class=\"reports\" id=\"report-nav\" style=\"display:flex;flex-wrap:wrap;gap:6px 18px;margin:0 0 16px;font-size:14px\">";

    /// <summary>The links of a pool report: written once, so months that arrive later are reached through the history.</summary>
    public static string Pool() =>
        Open + Link("../../index.html", "Portfolio") + Link("../index.html", "Account history (all months)")
        + "<strong>Pool report</strong>" + Link("drift.html", "Drift report") + Link("targets.csv", "Targets CSV") + "</nav>\n";

    /// <summary>The links of a drift report, with the months before and after among <paramref name="months"/> (the account's, in order).</summary>
    public static string Drift(string month, IReadOnlyList<string> months)
    {
        var sb = new StringBuilder(Open)
            .Append(Link("../../index.html", "Portfolio")).Append(Link("../index.html", "Account history (all months)"))
            .Append(Link("pool.html", "Pool report")).Append("<strong>Drift report</strong>");
        var i = months.ToList().IndexOf(month);
        if (i > 0)
        {
            sb.Append(Link($"../{months[i - 1]}/drift.html", $"← {months[i - 1]}"));
        }

        if (i >= 0 && i < months.Count - 1)
        {
            sb.Append(Link($"../{months[i + 1]}/drift.html", $"{months[i + 1]} →"));
        }

        return sb.Append("</nav>\n").ToString();
    }

    /// <summary>The links of an account's history page (<c>&lt;out&gt;/&lt;account&gt;/index.html</c>).</summary>
    public static string History(string latest) =>
        Open + Link("../index.html", "Portfolio") + "<strong>Account history</strong>"
        + Link($"{latest}/pool.html", $"Latest pool report ({latest})") + Link($"{latest}/drift.html", $"Latest drift report ({latest})") + "</nav>\n";

    // The links are made of fixed names and months (YYYY-MM); each segment is percent-encoded all the same.
    private static string Link(string href, string text) =>
        $"<a href=\"{HtmlText.Encode(string.Join('/', href.Split('/').Select(s => s == ".." ? s : Uri.EscapeDataString(s))))}\">{HtmlText.Encode(text)}</a>";
}
