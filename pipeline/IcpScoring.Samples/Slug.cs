using System.Globalization;
using System.Text;

namespace IcpScoring.Samples;

internal static class Slug
{
    // Letters that Unicode decomposition does not reduce to ASCII.
    private static readonly Dictionary<char, string> Extra = new()
    {
        ['ø'] = "o", ['ß'] = "ss", ['ł'] = "l", ['đ'] = "d", ['ı'] = "i", ['æ'] = "ae", ['œ'] = "oe",
    };

    public static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(Extra.TryGetValue(c, out var replacement) ? replacement : c.ToString());
        }

        return builder.ToString();
    }

    // Keeps case: "Élan Zürich" -> "Elan Zurich".
    public static string StripAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    // "O'Brien Van der Berg" -> "obrien-van-der-berg"
    public static string Make(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in Ascii(text))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c is ' ' or '-' or '.' or '&' && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
