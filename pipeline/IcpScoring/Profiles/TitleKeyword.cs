using IcpScoring.Normalization;

namespace IcpScoring.Profiles;

/// <summary>
/// A title keyword of a profile, as written and as folded words: it matches a title that contains
/// those words in that order, whole, whatever their case and accents ("Directeur financier" holds
/// "financier"; "FP&amp;A" holds "fp&amp;a"; "Marketingleiter" does not hold "marketing").
/// </summary>
internal sealed record TitleKeyword(string Text, string[] Words)
{
    public static TitleKeyword? From(string text)
    {
        var words = Fold(text);
        return words.Length == 0 ? null : new TitleKeyword(text.Trim(), words);
    }

    /// <summary>A title's words as keywords are matched against them.</summary>
    public static string[] Fold(string text) =>
        TextKey.Build(text, dropAnd: false).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsIn(ReadOnlySpan<string> titleWords)
    {
        for (var start = 0; start + Words.Length <= titleWords.Length; start++)
        {
            var all = true;
            for (var k = 0; k < Words.Length && all; k++)
            {
                all = string.Equals(titleWords[start + k], Words[k], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
