using System.Globalization;
using System.Text;

namespace IcpScoring.Normalization;

// Matching keys compare text the way people read it: case, accents and punctuation do not matter.
// The fold of every Latin character is precomputed, so building a key allocates nothing per character.
internal static class TextFolding
{
    private const int TableSize = 0x250; // Basic Latin up to Latin Extended-B: every accent the six languages use.

    private static readonly string?[] _table = BuildTable();

    // Writes the lower-case, accent-free form of c into destination and returns its length:
    // 0 when c is not a letter or digit (a separator), at most 2 (ß → ss).
    public static int Fold(char c, Span<char> destination)
    {
        if (c < TableSize)
        {
            var folded = _table[c];
            if (folded is null)
            {
                return 0;
            }

            folded.CopyTo(destination);
            return folded.Length;
        }

        if (char.IsLetterOrDigit(c))
        {
            destination[0] = char.ToLowerInvariant(c);
            return 1;
        }

        return 0;
    }

    private static string?[] BuildTable()
    {
        var table = new string?[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            table[i] = c switch
            {
                'ß' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'đ' or 'Đ' or 'ð' or 'Ð' => "d",
                'ł' or 'Ł' => "l",
                'þ' or 'Þ' => "th",
                'ı' => "i",
                _ => BaseLetter(c),
            };
        }

        return table;
    }

    private static string BaseLetter(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var part in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(part));
            }
        }

        return builder.ToString();
    }
}
