using System.Globalization;

namespace IcpScoring.Normalization;

// Reads company sizes however exports spell them: a headcount ("250"), LinkedIn's labels ("201-500",
// "10,001+", "Self-employed"), other tools' ranges ("1,000-4,999", "1K-5K", "51 to 200 employees")
// and LinkedIn's codes ("E").
//
// A range maps to the bucket that holds most of it on a logarithmic scale (ties go to the smaller
// bucket). Company headcounts are spread roughly evenly over orders of magnitude, so that is the
// likeliest bucket, and it puts other tools' off-by-one ranges where they belong: "1,000-4,999"
// → 1001-5000 and "50-200" → 51-200, where "the bucket of the lower bound" would give 501-1000 and
// 11-50. "1-10" is LinkedIn's own B bucket, not A, for the same reason.
// An open range "N+" means "more than N": tools that round write "10,000+" for LinkedIn's
// "10,001+", so it maps to the bucket holding N + 1.
internal static class CompanySizes
{
    private const string ResourceName = "IcpScoring.Reference.company-size-codes.csv";

    private static readonly string[] _selfEmployed =
    [
        "self employed", "self-employed", "selfemployed", "myself only", "just me", "only me",
        "sole proprietor", "sole trader", "freelance", "freelancer",
    ];

    // "51 to 200", "51 a 200", "51 bis 200", "between 51 and 200".
    private static readonly HashSet<string> _rangeWords = new(StringComparer.Ordinal) { "to", "and", "a", "à", "bis", "tot", "al", "e", "y" };

    // "more than 50", "over 10,000", "10,000 or more", "plus de 50", "más de 50".
    private static readonly HashSet<string> _openWords = new(StringComparer.Ordinal)
    {
        "more", "over", "above", "plus", "mehr", "über", "mas", "más", "mais", "oltre",
    };

    private static readonly HashSet<string> _underWords = new(StringComparer.Ordinal) { "less", "under", "fewer", "below", "up" };

    public static IReadOnlyList<CompanySize> All { get; } = LoadEmbedded();

    public static CompanySize? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Length == 1)
        {
            var code = char.ToUpperInvariant(text[0]);
            return code is >= 'A' and <= 'I' ? All[code - 'A']
                : char.IsAsciiDigit(code) ? FromHeadcount(code - '0')
                : null;
        }

        foreach (var size in All)
        {
            if (string.Equals(size.Label, text, StringComparison.OrdinalIgnoreCase))
            {
                return size;
            }
        }

        var lower = text.ToLowerInvariant();
        foreach (var phrase in _selfEmployed)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                return All[0];
            }
        }

        return ParseNumbers(lower);
    }

    // The bucket of an exact headcount: 1 is self-employed, 0 or less is no company size at all.
    internal static CompanySize? FromHeadcount(long headcount)
    {
        if (headcount < 1)
        {
            return null;
        }

        foreach (var size in All)
        {
            if (headcount >= size.MinEmployees && (size.MaxEmployees is null || headcount <= size.MaxEmployees))
            {
                return size;
            }
        }

        return null;
    }

    // Some tools start their smallest range at 0 ("0-1", "0-10"): nobody works at a company of zero.
    internal static CompanySize? FromRange(long low, long high)
    {
        low = Math.Max(low, 1);
        if (high < low)
        {
            return null;
        }

        if (low == high)
        {
            return FromHeadcount(low);
        }

        CompanySize? best = null;
        var bestWeight = 0.0;
        foreach (var size in All)
        {
            // The self-employed bucket is a headcount of exactly one; a range such as 1-10 is about
            // small companies, so A takes part only as the headcount it is.
            if (size.Ordinal == 1)
            {
                continue;
            }

            var from = Math.Max(low, size.MinEmployees);
            var to = Math.Min(high, size.MaxEmployees ?? long.MaxValue);
            if (from > to)
            {
                continue;
            }

            var weight = Math.Log((to + 1.0) / from);
            if (weight > bestWeight)
            {
                best = size;
                bestWeight = weight;
            }
        }

        return best;
    }

    private static CompanySize? ParseNumbers(string text)
    {
        var numbers = new List<long>(2);
        var open = false;
        var under = false;
        var connected = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (!TryReadNumber(text, ref i, out var number) || numbers.Count == 2)
                {
                    return null;
                }

                numbers.Add(number);
                continue;
            }

            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                // Other words ("employees", "(LinkedIn)") carry no number and are passed over.
                var word = text[start..i];
                if (_rangeWords.Contains(word) && numbers.Count == 1)
                {
                    connected = true;
                }
                else if (_openWords.Contains(word))
                {
                    open = true;
                }
                else if (_underWords.Contains(word) && numbers.Count == 0)
                {
                    under = true;
                }

                continue;
            }

            switch (c)
            {
                case '-' or '–' or '—' or '~':
                    connected |= numbers.Count == 1;
                    break;
                case '+' or '>' when numbers.Count == 0:
                    open = c == '>';
                    break;
                case '+':
                    open = true;
                    break;
                case '<':
                    under = true;
                    break;
                case ' ' or ',' or '(' or ')' or '#' or ':' or '=' or '.' or '\u00a0' or '/' or '_' or '≈' or '*':
                    break;
                default:
                    return null;
            }

            i++;
        }

        return numbers.Count switch
        {
            1 when under => FromRange(1, numbers[0] - 1),
            1 when open => FromHeadcount(numbers[0] + 1),
            1 => FromHeadcount(numbers[0]),
            2 when connected && !under => FromRange(numbers[0], numbers[1]),
            _ => null,
        };
    }

    // Reads 250, 10,001, 10.001, 1k, 1.5K, 2m. A comma or period followed by exactly three digits is a
    // thousands separator; a space is not ("10 001" is two numbers, and so unparseable).
    private static bool TryReadNumber(string text, ref int i, out long value)
    {
        value = 0;
        long fraction = 0;
        long fractionScale = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (value > 100_000_000)
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
                i++;
            }
            else if ((c is ',' or '.') && IsThousandsGroup(text, i + 1))
            {
                i++;
            }
            else if (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                // A decimal point only makes sense before k or m ("1.5k").
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    if (fractionScale < 1000)
                    {
                        fraction = (fraction * 10) + (text[i] - '0');
                        fractionScale *= 10;
                    }

                    i++;
                }

                return TryMultiplier(text, ref i, ref value, fraction, fractionScale, requireMultiplier: true);
            }
            else
            {
                break;
            }
        }

        return TryMultiplier(text, ref i, ref value, fraction, fractionScale, requireMultiplier: false);
    }

    private static bool TryMultiplier(string text, ref int i, ref long value, long fraction, long fractionScale, bool requireMultiplier)
    {
        var multiplier = 1L;
        if (i < text.Length && (text[i] is 'k' or 'm') && (i + 1 == text.Length || !char.IsLetter(text[i + 1])))
        {
            multiplier = text[i] == 'k' ? 1_000 : 1_000_000;
            i++;
        }
        else if (requireMultiplier)
        {
            return false;
        }

        value = (value * multiplier) + (fraction * multiplier / fractionScale);
        return true;
    }

    private static bool IsThousandsGroup(string text, int start) =>
        start + 3 <= text.Length
        && char.IsAsciiDigit(text[start]) && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2])
        && (start + 3 == text.Length || !char.IsAsciiDigit(text[start + 3]));

    private static CompanySize[] LoadEmbedded()
    {
        using var stream = typeof(CompanySizes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var sizes = new List<CompanySize>();
        _ = reader.ReadLine(); // header: code,label,min_employees,max_employees
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            var code = fields[0][0];
            sizes.Add(new CompanySize(
                code,
                fields[1],
                code - 'A' + 1,
                int.Parse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture),
                fields[3].Length == 0 ? null : int.Parse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture)));
        }

        return [.. sizes];
    }
}
