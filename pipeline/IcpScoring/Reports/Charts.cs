using ScottPlot;

namespace IcpScoring.Reports;

/// <summary>
/// The report charts, drawn by ScottPlot 5 as SVG and embedded inline (no files, no scripts).
/// Output is deterministic for the same data on the same machine: ScottPlot's counter-based ids
/// are renamed by <see cref="SvgCleanup"/>. Text is measured with an installed font; on a machine
/// with none, ScottPlot silently draws charts without any text, so <see cref="HandDrawnChart"/>
/// draws plain labelled charts instead (the browser measures their text).
/// </summary>
internal static class Charts
{
    public const int Width = 720;

    private static readonly string[] FontCandidates = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans", "Lato"];

    private static readonly Lazy<string?> _font = new(FindFont);

    private static readonly string[] Palette = ["#4338CA", "#0E7490", "#B45309", "#6D28D9", "#0F766E", "#BE123C"];

    /// <summary>The font ScottPlot measures text with, or null when the machine has none (charts are then hand-drawn).</summary>
    public static string? FontFamily => _font.Value;

    /// <summary>Vertical bars, one per label (tiers).</summary>
    public static string Bars(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string valueLabel)
    {
        const int height = 300;
        return Render(id, title, height, plot =>
        {
            var bars = labels.Select((_, i) => new Bar { Position = i, Value = values[i], FillColor = Color.FromHex(Palette[0]), LineWidth = 0 }).ToList();
            plot.Add.Bars(bars);
            plot.Axes.Bottom.SetTicks([.. labels.Select((_, i) => (double)i)], [.. labels.Select(HtmlText.Neutralize)]);
            plot.YLabel(valueLabel);
            plot.Axes.Margins(bottom: 0);
        }, () => HandDrawnChart.Bars(title, labels, values, Width, height));
    }

    /// <summary>Horizontal bars of totals with the ICP-matched part drawn over them (largest segments).</summary>
    public static string SegmentBars(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<double> totals, IReadOnlyList<double> matched)
    {
        var height = 80 + (28 * labels.Count);
        return Render(id, title, height, plot =>
        {
            var bars = new List<Bar>();
            for (var i = 0; i < labels.Count; i++)
            {
                // The largest first, at the top.
                var position = labels.Count - 1 - i;
                bars.Add(new Bar { Position = position, Value = totals[i], FillColor = Color.FromHex("#C7D2FE"), LineWidth = 0 });
                bars.Add(new Bar { Position = position, Value = matched[i], FillColor = Color.FromHex(Palette[0]), LineWidth = 0 });
            }

            plot.Add.Bars(bars).Horizontal = true;
            plot.Axes.Left.SetTicks([.. labels.Select((_, i) => (double)(labels.Count - 1 - i))], [.. labels.Select(l => Shorten(HtmlText.Neutralize(l)))]);
            plot.XLabel("connections");
            plot.Axes.Margins(left: 0);
            plot.Legend.IsVisible = true;
            plot.Legend.Alignment = Alignment.LowerRight;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "all connections", FillColor = Color.FromHex("#C7D2FE") });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "ICP-matched", FillColor = Color.FromHex(Palette[0]) });
        }, () => HandDrawnChart.Bars(title, labels, totals, Width, height));
    }

    /// <summary>The score histogram: bins of equal width over 0–1, with the model's threshold marked.</summary>
    public static string Histogram(string id, string title, IReadOnlyList<long> bins, double threshold)
    {
        const int height = 300;
        var width = 1.0 / Math.Max(1, bins.Count);
        return Render(id, title, height, plot =>
        {
            var bars = bins.Select((n, i) => new Bar
            {
                Position = (i + 0.5) * width,
                Value = n,
                Size = width * 0.92,
                FillColor = Color.FromHex((i + 0.5) * width >= threshold ? Palette[0] : "#A5B4FC"),
                LineWidth = 0,
            }).ToList();
            plot.Add.Bars(bars);
            var line = plot.Add.VerticalLine(threshold, 1.5f, Color.FromHex("#B91C1C"), LinePattern.Solid);
            line.LabelText = "threshold";
            plot.XLabel("score");
            plot.YLabel("connections");
            plot.Axes.SetLimitsX(0, 1);
            plot.Axes.Margins(bottom: 0);
        }, () => HandDrawnChart.Bars(title, [.. bins.Select((_, i) => $"{ReportFormat.Score(i * width)}–{ReportFormat.Score((i + 1) * width)}")], [.. bins.Select(b => (double)b)], Width, height));
    }

    /// <summary>Lines over a shared x axis (the pool month by month, one line per scenario).</summary>
    public static string Lines(string id, string title, string xLabel, string yLabel, IReadOnlyList<double> x, IReadOnlyList<ChartSeries> series)
    {
        const int height = 340;
        return Render(id, title, height, plot =>
        {
            for (var i = 0; i < series.Count; i++)
            {
                var line = plot.Add.ScatterLine(x.ToArray(), series[i].Values.ToArray(), Color.FromHex(Palette[i % Palette.Length]));
                line.LegendText = HtmlText.Neutralize(series[i].Name);
                line.MarkerSize = 5;
                // Skia's SVG canvas cannot draw dash patterns (it prints a warning per path): high-trust lines are thicker instead.
                line.LinePattern = LinePattern.Solid;
                line.LineWidth = i < Palette.Length / 2 ? 2 : 3.5f;
            }

            plot.XLabel(xLabel);
            plot.YLabel(yLabel);
            plot.ShowLegend(Edge.Right);
        }, () => HandDrawnChart.Lines(title, x, series, Width, height));
    }

    /// <summary>
    /// Two histograms over the same bins of 0–1 (a month and the one before), the earlier drawn wide
    /// and light, the later narrow and dark over it, so each bin shows then and now side by side.
    /// </summary>
    public static string OverlaidHistogram(string id, string title, ChartSeries behind, ChartSeries front, string valueLabel)
    {
        const int height = 320;
        var bins = Math.Max(behind.Values.Count, front.Values.Count);
        var width = 1.0 / Math.Max(1, bins);
        return Render(id, title, height, plot =>
        {
            var bars = new List<Bar>();
            for (var i = 0; i < bins; i++)
            {
                var position = (i + 0.5) * width;
                bars.Add(new Bar { Position = position, Value = ValueAt(behind, i), Size = width * 0.92, FillColor = Color.FromHex("#C7D2FE"), LineWidth = 0 });
                bars.Add(new Bar { Position = position, Value = ValueAt(front, i), Size = width * 0.5, FillColor = Color.FromHex(Palette[0]), LineWidth = 0 });
            }

            plot.Add.Bars(bars);
            plot.XLabel("score");
            plot.YLabel(valueLabel);
            plot.Axes.SetLimitsX(0, 1);
            plot.Axes.Margins(bottom: 0);
            plot.Legend.IsVisible = true;
            plot.Legend.Alignment = Alignment.UpperRight;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = HtmlText.Neutralize(behind.Name), FillColor = Color.FromHex("#C7D2FE") });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = HtmlText.Neutralize(front.Name), FillColor = Color.FromHex(Palette[0]) });
        }, () => HandDrawnChart.Lines(title, [.. Enumerable.Range(0, bins).Select(i => (double)i)], [behind, front], Width, height));
    }

    /// <summary>Horizontal bars in pairs, a value then and now for each label (largest category shifts), the first label at the top.</summary>
    public static string PairedBars(string id, string title, IReadOnlyList<string> labels, ChartSeries before, ChartSeries after, string valueLabel)
    {
        var height = 90 + (40 * labels.Count);
        return Render(id, title, height, plot =>
        {
            var bars = new List<Bar>();
            for (var i = 0; i < labels.Count; i++)
            {
                var position = labels.Count - 1 - i;
                bars.Add(new Bar { Position = position + 0.2, Value = ValueAt(before, i), Size = 0.38, FillColor = Color.FromHex("#A5B4FC"), LineWidth = 0 });
                bars.Add(new Bar { Position = position - 0.2, Value = ValueAt(after, i), Size = 0.38, FillColor = Color.FromHex(Palette[0]), LineWidth = 0 });
            }

            plot.Add.Bars(bars).Horizontal = true;
            plot.Axes.Left.SetTicks([.. labels.Select((_, i) => (double)(labels.Count - 1 - i))], [.. labels.Select(l => Shorten(HtmlText.Neutralize(l)))]);
            plot.XLabel(valueLabel);
            plot.Axes.Margins(left: 0);
            plot.Legend.IsVisible = true;
            plot.Legend.Alignment = Alignment.LowerRight;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = HtmlText.Neutralize(before.Name), FillColor = Color.FromHex("#A5B4FC") });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = HtmlText.Neutralize(after.Name), FillColor = Color.FromHex(Palette[0]) });
        }, () => HandDrawnChart.Bars(title,
            [.. labels.SelectMany(l => new[] { $"{l} ({before.Name})", $"{l} ({after.Name})" })],
            [.. labels.SelectMany((_, i) => new[] { ValueAt(before, i), ValueAt(after, i) })], Width, height));
    }

    /// <summary>Lines over labelled points in order (months), one line per series.</summary>
    public static string LabelledLines(string id, string title, string yLabel, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series)
    {
        const int height = 300;
        double[] x = [.. labels.Select((_, i) => (double)i)];
        return Render(id, title, height, plot =>
        {
            for (var i = 0; i < series.Count; i++)
            {
                var line = plot.Add.ScatterLine(x, series[i].Values.ToArray(), Color.FromHex(Palette[i % Palette.Length]));
                // One line needs no legend: the title names it.
                line.LegendText = series.Count > 1 ? HtmlText.Neutralize(series[i].Name) : string.Empty;
                line.MarkerSize = 6;
                line.LinePattern = LinePattern.Solid;
                line.LineWidth = 2;
            }

            plot.Axes.Bottom.SetTicks(x, [.. labels.Select(HtmlText.Neutralize)]);
            plot.YLabel(yLabel);
            plot.Axes.SetLimitsX(-0.5, Math.Max(0.5, x.Length - 0.5));
        }, () => HandDrawnChart.Lines(title, x, series, Width, height));
    }

    private static string Render(string id, string title, int height, Action<Plot> build, Func<string> fallback)
    {
        string svg;
        if (FontFamily is { } font)
        {
            var plot = new Plot();
            plot.Font.Set(font);
            build(plot);
            plot.Title(HtmlText.Neutralize(title), size: 15);
            svg = plot.GetSvgXml(Width, height);
        }
        else
        {
            svg = fallback();
        }

        return SvgCleanup.ForInlineHtml(svg, id, title, Width, height);
    }

    private static double ValueAt(ChartSeries series, int i) => i < series.Values.Count ? series.Values[i] : 0;

    private static string Shorten(string label) => label.Length <= 34 ? label : label[..32] + "…";

    private static string? FindFont()
    {
        foreach (var name in FontCandidates)
        {
            var typeface = Fonts.GetTypeface(name, bold: false, italic: false);
            if (typeface is not null && string.Equals(typeface.FamilyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        var fallback = Fonts.Default;
        return string.IsNullOrEmpty(fallback) ? null : fallback;
    }
}
