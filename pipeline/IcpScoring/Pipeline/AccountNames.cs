using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IcpScoring.Pipeline;

/// <summary>
/// Account names as folder names: whatever an Account column, an inbox folder or <c>--account</c>
/// says, the folder stays inside the output and inbox folders (no separators, no dots, so no
/// <c>..</c>, no <c>index.html</c> and no device name with an extension), is never a Windows
/// device name, and belongs to that account alone.
/// </summary>
internal static class AccountNames
{
    private const int MaxLength = 80;

    // Windows device names (a portability hazard even on Linux: such a folder cannot be copied to
    // Windows), and the inbox's own folders.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "failed", "labels",
    };

    /// <summary>
    /// Lower-case ASCII letters, digits, <c>-</c> and <c>_</c>, not leading or trailing, at most 80
    /// characters. A name that is already such a slug is its own folder; any other name gets eight
    /// hex digits of its SHA-256 after its readable part, so two accounts whose names differ (in
    /// case, accents, punctuation or beyond the 80th character) never share a folder.
    /// </summary>
    public static string Slug(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var folded = account.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-', '_');
        if (slug.Length is > 0 and <= MaxLength && slug == account && !Reserved.Contains(slug))
        {
            return slug;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account)))[..8];
        var readable = slug.Length == 0 ? "account" : slug[..Math.Min(slug.Length, MaxLength - hash.Length - 1)].TrimEnd('-', '_');
        return readable + "-" + hash;
    }

    /// <summary>A month as the reports name it: <c>YYYY-MM</c>.</summary>
    public static bool IsMonth(string text) =>
        text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
