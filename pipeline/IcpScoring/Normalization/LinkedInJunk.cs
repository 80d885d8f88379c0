using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IcpScoring.Normalization;

// What LinkedIn and its users add to names and titles that is not part of them: emoji, the
// connection degree ("• 3rd"), pronouns ("(She/Her)"). Shared by TitleCleaner and NameCleaner.
internal static partial class LinkedInJunk
{
    private const string Pronoun = "she|her|hers|he|him|his|they|them|their|theirs|xe|xem|ze|zir|hir|"
        + "il|lui|elle|iel|er|ihm|sie|ihr|él|el|ella|elle|ele|dele|dela|pronouns";

    // Returns the text without emoji, pictographs, degree markers and pronouns, with runs of
    // whitespace collapsed to one space, trimmed, in Unicode composed form (é, not e + ´).
    public static string Strip(string text)
    {
        // ASCII text is already composed; asking ICU costs more than the rest of the cleaning.
        var normalized = Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var withoutSymbols = RemoveSymbols(normalized);
        var withoutDegree = DegreeRegex().Replace(withoutSymbols, " ");
        var withoutPronouns = PronounsRegex().Replace(withoutDegree, " ");
        return CollapseWhitespace(withoutPronouns);
    }

    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Emoji are symbols (So, Sk for skin tones), joined by ZWJ and variation selectors; private-use
    // and control characters are no text either. Letters, digits, punctuation and currency stay.
    private static string RemoveSymbols(string text)
    {
        if (!HasSymbols(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsSymbol(rune))
            {
                builder.Append(' ');
            }
            else if (!IsJoiner(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static bool HasSymbols(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value >= 0x80 && (IsSymbol(rune) || IsJoiner(rune)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSymbol(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.OtherSymbol or UnicodeCategory.PrivateUse or UnicodeCategory.Control
            or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
            || (category == UnicodeCategory.ModifierSymbol && rune.Value >= 0x1F000);
    }

    private static bool IsJoiner(Rune rune) =>
        rune.Value is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or 0x20E3 or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0000 and <= 0xE007F);

    // "• 3rd", "· 2nd", "•3rd+": LinkedIn's connection degree pasted along with the name or title.
    [GeneratedRegex(@"\s*[•·]\s*(?:1st|2nd|3rd)\+?(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DegreeRegex();

    // "(She/Her)", "[he/him/his]", "they/them" and the French, German, Spanish, Portuguese equivalents.
    [GeneratedRegex(
        @"[(\[]\s*(?:" + Pronoun + @")(?:\s*/\s*(?:" + Pronoun + @"))+\s*[)\]]|(?<!\w)(?:" + Pronoun + @")(?:\s*/\s*(?:" + Pronoun + @"))+(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounsRegex();
}
