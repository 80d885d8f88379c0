using System.Text.RegularExpressions;
using IcpScoring.Reports;

namespace IcpScoring.Tests.Reports;

public sealed partial class ChartsTests
{
    [Fact]
    public void TheSameChartRendersToTheSameSvgEveryTime()
    {
        var first = Charts.Bars("chart-x", "Tiers", ["A", "B"], [3, 5], "connections");
        var second = Charts.Bars("chart-x", "Tiers", ["A", "B"], [3, 5], "connections");

        Assert.Equal(first, second);
    }

    [Fact]
    public void ChartIdsComeFromTheChartNotFromScottPlotsCounter()
    {
        var svg = Charts.Lines("chart-y", "Pool", "months", "pool", [0, 1, 2], [new("a", [1, 2, 3]), new("b", [2, 3, 4])]);

        var ids = IdAttribute().Matches(svg).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("chart-y", ids[0]);
        Assert.All(ids.Skip(1), id => Assert.Matches("^chart-y-[0-9]+$", id));
        Assert.DoesNotContain("cl_", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartsAreInlineSvgWithoutDeclarationOrNamespaceUrls()
    {
        var svg = Charts.Histogram("chart-z", "Scores", new long[20], 0.5);

        Assert.StartsWith("<svg id=\"chart-z\" class=\"chart\" role=\"img\" aria-label=\"Scores\" viewBox=\"0 0 720 300\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("http", svg, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\s[xy]=""[^""]*,\s*""", svg);
    }

    [Fact]
    public void ChartLabelsFromTheDataAreEscaped()
    {
        var svg = Charts.SegmentBars("chart-h", "Industries", ["<script>alert(1)</script>", "A & B \u202Ex"], [10, 5], [2, 1]);

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInstalledFontIsUsedToMeasureText()
    {
        var font = Charts.FontFamily;

        Assert.False(string.IsNullOrEmpty(font), "no font found: charts are hand-drawn on this machine");
    }

    [Fact]
    public void HandDrawnChartsLabelTheirBarsAndEscapeThem()
    {
        var svg = HandDrawnChart.Bars("Industries", ["<b>Retail</b>", "Banking"], [4, 2], 720, 200);

        Assert.Contains("&lt;b&gt;Retail&lt;/b&gt;", svg, StringComparison.Ordinal);
        Assert.Contains(">Banking</text>", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg, StringComparison.Ordinal);
    }

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
