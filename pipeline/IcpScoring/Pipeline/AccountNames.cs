using System.Globalization;
using System.Text;

namespace IcpScoring.Pipeline;

/// <summary>
/// Account names as folder names: whatever an Account column or an upload says, the folder stays
/// inside the output and inbox folders (no separators, no <c>..</c>, no reserved device names).
/// </summary>
internal static class AccountNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "failed", "labels",
    };

    /// <summary>Lower-case letters, digits, <c>-</c>, <c>_</c> and <c>.</c> (not leading or trailing), at most 80 characters.</summary>
    public static string Slug(string account)
    {
        var folded = account.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-', '.', '_');
        while (slug.Contains("..", StringComparison.Ordinal))
        {
            slug = slug.Replace("..", ".", StringComparison.Ordinal);
        }

        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-', '.', '_');
        }

        return slug.Length == 0 || Reserved.Contains(slug) || Reserved.Contains(slug.Split('.')[0]) ? "account-" + (slug.Length == 0 ? "unnamed" : slug) : slug;
    }

    /// <summary>A month as the reports name it: <c>YYYY-MM</c>.</summary>
    public static bool IsMonth(string text) =>
        text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
