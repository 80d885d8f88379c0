using System.Globalization;
using System.Text;
using IcpScoring.Model.Calibration;
using IcpScoring.Reports;

namespace IcpScoring.Cli.Web;

/// <summary>
/// The reliability diagram of a model's held-out probabilities as inline SVG: per bin, the mean
/// predicted probability against the observed ICP rate (a dot sized by its rows), the diagonal a
/// perfectly calibrated model follows, and the ECE beside the noise floor the rows allow.
/// </summary>
internal static class ReliabilityDiagram
{
    private const int Size = 260;
    private const int Margin = 34;

    public static void Append(StringBuilder sb, Reliability? r, IReadOnlyList<string>? caveats, string? calibration)
    {
        if (r is null || r.Bins.Length == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var plot = Size - (2 * Margin);
        double X(double p) => Margin + (p * plot);
        double Y(double p) => Size - Margin - (p * plot);
        var most = r.Bins.Max(b => b.Rows);
        sb.Append("<section id=\"reliability\"><h2>Calibration on the held-out rows</h2><p>")
            .Append(HtmlText.Encode(string.Create(c, $"ECE {r.Ece:F4} on {r.Rows:N0} rows; a perfectly calibrated model would show about {r.NoiseFloor:F4} on as many rows by chance (the noise floor).")))
            .Append(calibration is { Length: > 0 } ? " Calibration: " + HtmlText.Encode(calibration) + "." : "")
            .Append("</p>\n")
            .Append(string.Create(c, $"<svg id=\"reliability-diagram\" role=\"img\" aria-label=\"Reliability diagram: predicted probability against observed ICP rate\" width=\"{Size}\" height=\"{Size}\" viewBox=\"0 0 {Size} {Size}\">"))
            .Append(string.Create(c, $"<rect x=\"{Margin}\" y=\"{Margin}\" width=\"{plot}\" height=\"{plot}\" fill=\"none\" stroke=\"#ccc\"/>"))
            .Append(string.Create(c, $"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(1)}\" y2=\"{Y(1)}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"))
            .Append(string.Create(c, $"<text x=\"{Size / 2}\" y=\"{Size - 6}\" text-anchor=\"middle\" font-size=\"11\">predicted probability</text>"))
            .Append(string.Create(c, $"<text x=\"12\" y=\"{Size / 2}\" text-anchor=\"middle\" font-size=\"11\" transform=\"rotate(-90 12 {Size / 2})\">observed ICP rate</text>"));
        var points = string.Join(' ', r.Bins.Select(b => string.Create(c, $"{X(b.Predicted):F1},{Y(b.Observed):F1}")));
        sb.Append("<polyline points=\"").Append(points).Append("\" fill=\"none\" stroke=\"#2b6cb0\"/>");
        foreach (var b in r.Bins)
        {
            var radius = 2.5 + (5.5 * Math.Sqrt((double)b.Rows / most));
            sb.Append(string.Create(c, $"<circle cx=\"{X(b.Predicted):F1}\" cy=\"{Y(b.Observed):F1}\" r=\"{radius:F1}\" fill=\"#2b6cb0\" fill-opacity=\"0.7\"><title>{b.From:F1}–{b.To:F1}: predicted {b.Predicted:F3}, observed {b.Observed:F3}, {b.Rows:N0} rows</title></circle>"));
        }

        sb.Append("</svg>\n<table id=\"reliability-bins\"><thead><tr><th>Bin</th><th class=\"num\">Predicted</th><th class=\"num\">Observed</th><th class=\"num\">Rows</th></tr></thead><tbody>");
        foreach (var b in r.Bins)
        {
            sb.Append(string.Create(c, $"<tr><td>{b.From:F1}–{b.To:F1}</td><td class=\"num\">{b.Predicted:F3}</td><td class=\"num\">{b.Observed:F3}</td><td class=\"num\">{b.Rows:N0}</td></tr>"));
        }

        sb.Append("</tbody></table>");
        if (caveats is { Count: > 0 })
        {
            sb.Append("<ul id=\"caveats\">");
            foreach (var caveat in caveats)
            {
                sb.Append("<li>").Append(HtmlText.Encode(caveat)).Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</section>\n");
    }
}
