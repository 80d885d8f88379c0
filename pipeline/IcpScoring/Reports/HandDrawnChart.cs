using System.Globalization;
using System.Text;

namespace IcpScoring.Reports;

/// <summary>
/// Plain SVG charts written by hand, used when no font is installed for ScottPlot to measure text
/// with: labelled horizontal bars and polylines with a legend. The browser lays out the text.
/// </summary>
internal static class HandDrawnChart
{
    private const int LabelColumn = 200;
    private const int Top = 36;

    private static readonly string[] Palette = ["#4338CA", "#0E7490", "#B45309", "#6D28D9", "#0F766E", "#BE123C"];

    public static string Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, int width, int height)
    {
        var sb = Open(title, width, height);
        var max = values.Count == 0 ? 1 : Math.Max(1, values.Max());
        var row = labels.Count == 0 ? 0 : Math.Max(10.0, (height - Top - 8.0) / labels.Count);
        var room = width - LabelColumn - 80;
        for (var i = 0; i < labels.Count; i++)
        {
            var y = Top + (i * row);
            var w = room * values[i] / max;
            sb.Append(Inv($"<text x=\"4\" y=\"{y + (row * 0.7):0.##}\" font-size=\"12\">{HtmlText.Encode(labels[i])}</text>\n"));
            sb.Append(Inv($"<rect x=\"{LabelColumn}\" y=\"{y + 2:0.##}\" width=\"{w:0.##}\" height=\"{row - 4:0.##}\" fill=\"{Palette[0]}\"/>\n"));
            sb.Append(Inv($"<text x=\"{LabelColumn + w + 4:0.##}\" y=\"{y + (row * 0.7):0.##}\" font-size=\"12\">{ReportFormat.Amount(values[i])}</text>\n"));
        }

        return sb.Append("</svg>").ToString();
    }

    public static string Lines(string title, IReadOnlyList<double> x, IReadOnlyList<ChartSeries> series, int width, int height)
    {
        var sb = Open(title, width, height);
        var plotWidth = width - LabelColumn - 60;
        var plotHeight = height - Top - 40;
        var all = series.SelectMany(s => s.Values).DefaultIfEmpty(0).ToList();
        var (min, max) = (all.Min(), all.Max());
        var span = max > min ? max - min : 1;
        var xMax = x.Count == 0 ? 1 : Math.Max(1, x.Max());
        for (var i = 0; i < series.Count; i++)
        {
            var points = string.Join(' ', series[i].Values.Select((v, j) =>
                Inv($"{40 + (plotWidth * x[j] / xMax):0.##},{Top + plotHeight - (plotHeight * (v - min) / span):0.##}")));
            var color = Palette[i % Palette.Length];
            sb.Append(Inv($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>\n"));
            sb.Append(Inv($"<text x=\"{width - LabelColumn + 10}\" y=\"{Top + 14 + (i * 18)}\" font-size=\"12\" fill=\"{color}\">{HtmlText.Encode(series[i].Name)}</text>\n"));
        }

        sb.Append(Inv($"<text x=\"40\" y=\"{height - 12}\" font-size=\"12\">{ReportFormat.Amount(min)} to {ReportFormat.Amount(max)}</text>\n"));
        return sb.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder()
            .Append(Inv($"<svg width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\">\n"))
            .Append(Inv($"<rect fill=\"white\" width=\"{width}\" height=\"{height}\"/>\n"))
            .Append(Inv($"<text x=\"{width / 2}\" y=\"22\" font-size=\"15\" text-anchor=\"middle\">{HtmlText.Encode(title)}</text>\n"));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
