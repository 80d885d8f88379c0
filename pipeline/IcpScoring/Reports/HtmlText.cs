using System.Globalization;
using System.Text;

namespace IcpScoring.Reports;

/// <summary>
/// Text from the data (account, file, industry names) made safe for HTML: markup characters become
/// entities, and invisible controls that could reorder or hide what a reader sees (bidirectional
/// overrides and isolates, other control characters) become a visible <c>[U+202E]</c> marker.
/// </summary>
internal static class HtmlText
{
    /// <summary>Escapes for element content and for double- or single-quoted attribute values.</summary>
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in Neutralize(value))
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// Replaces controls with a visible marker but leaves markup characters alone, for text that
    /// another writer escapes itself (chart labels rendered by ScottPlot).
    /// </summary>
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (!value.Any(IsHazard))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (IsHazard(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"[U+{(int)c:X4}]");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    // Tab and newline are harmless whitespace in HTML; everything else here is invisible and
    // either reorders text (bidi controls) or has no business in a name.
    private static bool IsHazard(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF'
        || (char.IsControl(c) && c is not '\t' and not '\n');
}
