using System.Globalization;
using System.Text.RegularExpressions;

namespace IcpScoring.Reports;

/// <summary>
/// Makes ScottPlot's SVG fit to sit inline in an HTML page, byte-stable: no XML declaration, no
/// namespace URLs (an inline svg needs none, and the page then holds no http reference of its
/// own), a viewBox so CSS can scale it, an accessible name, and element ids renamed from
/// ScottPlot's process-wide counter (<c>cl_4</c>, which differs from one render to the next) to
/// ids derived from the chart's own id, unique in the page.
/// </summary>
internal static partial class SvgCleanup
{
    public static string ForInlineHtml(string svg, string chartId, string label, int width, int height)
    {
        var text = XmlDeclaration().Replace(svg, string.Empty).Trim();
        text = Namespaces().Replace(text, string.Empty);

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(text))
        {
            var old = m.Groups[1].Value;
            if (!ids.ContainsKey(old))
            {
                ids[old] = string.Create(CultureInfo.InvariantCulture, $"{chartId}-{ids.Count + 1}");
            }
        }

        text = IdReference().Replace(text, m =>
            ids.TryGetValue(m.Groups[2].Value, out var renamed) ? m.Groups[1].Value + renamed + m.Groups[3].Value : m.Value);

        // Skia writes glyph positions as "1, 2, 3, ": the trailing separator is not valid in an SVG
        // list of lengths and strict renderers drop the whole attribute.
        text = TrailingListSeparator().Replace(text, "$1\"");

        var open = string.Create(CultureInfo.InvariantCulture,
            $"<svg id=\"{chartId}\" class=\"chart\" role=\"img\" aria-label=\"{HtmlText.Encode(label)}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        return SvgOpenTag().Replace(text, open, 1).ReplaceLineEndings("\n");
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"\s+xmlns(:\w+)?=""[^""]*""")]
    private static partial Regex Namespaces();

    [GeneratedRegex(@"\sid=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"(\sid=""|url\(#|href=""#)([^""\)]+)(""|\))")]
    private static partial Regex IdReference();

    [GeneratedRegex(@"(\s[xy]=""[^""]*?),\s*""")]
    private static partial Regex TrailingListSeparator();

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex SvgOpenTag();
}
