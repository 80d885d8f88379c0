using System.Globalization;
using System.Text;
using IcpScoring.Model.Promotion;
using IcpScoring.Reports;

namespace IcpScoring.Cli.Web;

/// <summary>
/// The retrain page's account of the comparison with the champion: the rows it rests on, how
/// uncertain the difference is, and the verdict with its reason.
/// </summary>
internal static class ComparisonHtml
{
    public static void Append(StringBuilder sb, ChampionComparison c)
    {
        sb.Append("<div id=\"comparison\"><p id=\"comparison-rows\">Compared with champion ").Append(HtmlText.Encode(c.Champion ?? "none"));
        if (c.Difference is { } d)
        {
            sb.Append(" on ").Append(HtmlText.Encode(c.Rows)).Append(".</p><p id=\"comparison-difference\">")
                .Append(HtmlText.Encode(string.Create(CultureInfo.InvariantCulture,
                    $"AUC difference {Signed(d.Auc)} (95% interval {Signed(d.AucLow)} to {Signed(d.AucHigh)}), average precision difference {Signed(d.AveragePrecision)} ({Signed(d.AveragePrecisionLow)} to {Signed(d.AveragePrecisionHigh)}): challenger minus champion, paired bootstrap of {d.Resamples:N0} resamples of the {c.RowCount:N0} rows ({c.Positives:N0} ICP).")));
        }
        else
        {
            sb.Append(".");
        }

        sb.Append("</p><p id=\"verdict\" class=\"").Append(ComparisonVerdict.Promotes(c.Verdict) ? "up" : "down").Append("\">Verdict: ")
            .Append(HtmlText.Encode(ComparisonVerdict.Words(c.Verdict))).Append(" — ").Append(HtmlText.Encode(c.Why)).Append("</p></div>");
    }

    private static string Signed(double value) => value.ToString("+0.0000;-0.0000;+0.0000", CultureInfo.InvariantCulture);
}
