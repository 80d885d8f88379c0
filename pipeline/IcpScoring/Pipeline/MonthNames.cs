using System.Globalization;
using System.Text.RegularExpressions;

namespace IcpScoring.Pipeline;

/// <summary>
/// The month an inbox file's name (or its folder's) says. A name looks like a month when it is made
/// of numbers and English month names alone, separated by <c>-</c>, <c>_</c>, <c>.</c> or spaces, with
/// a four-digit year among them (or run together: <c>202611</c>, <c>20261101</c>). Such a name is read
/// as the month it means when it means one: the year first or last, the month as a number or a name,
/// a day after the month or around it (<c>2026-11</c>, <c>2026_11</c>, <c>2026.11</c>, <c>2026 11</c>,
/// <c>202611</c>, <c>2026-11-01</c>, <c>11-2026</c>, <c>Nov 2026</c>). Otherwise it is not a month, and
/// says why (<c>2026-13</c>, <c>2026-00</c>, <c>13-2026</c>, <c>2026</c>, <c>03-04-2026</c>). A name with
/// anything else in it (<c>Connections</c>, <c>export-acme</c>) says no month.
/// </summary>
internal static partial class MonthNames
{
    private const string Rename = "rename it to the month the export stands for";

    private static readonly string[] Names =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>
    /// What <paramref name="name"/> says of a month, or null when it does not look like one;
    /// <paramref name="what"/> ("file", "folder") names it in the reason.
    /// </summary>
    public static MonthInName? Read(string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (AccountNames.IsMonth(name))
        {
            return new MonthInName(name, name, null);
        }

        var tokens = new List<Token>();
        foreach (var part in Separators().Split(name).Where(p => p.Length > 0))
        {
            if (!Tokenize(part, tokens))
            {
                return null;
            }
        }

        var years = tokens.Where(t => t.IsYear).ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var others = tokens.Where(t => !t.IsYear).ToList();
        var yearAt = tokens.IndexOf(years[0]);
        if (years.Count > 1 || others.Count > 2 || others.Any(t => t.Digits > 2) || (yearAt != 0 && yearAt != tokens.Count - 1))
        {
            return new MonthInName(name, null, $"the {what} name {name} looks like a month but cannot be read as one; {Rename} (YYYY-MM)");
        }

        if (others.Count == 0)
        {
            return new MonthInName(name, null, $"the {what} name {name} says a year but no month; {Rename} (YYYY-MM)");
        }

        var year = years[0].Value;
        // Month and day: after a leading year in that order; before a trailing year in either order
        // (11-01-2026 or 01-11-2026), unless a month name or a number above 12 tells them apart.
        (Token Month, Token? Day)[] readings = others.Count == 1 ? [(others[0], null)]
            : yearAt == 0 || others[0].IsName ? [(others[0], others[1])]
            : others[1].IsName ? [(others[1], others[0])]
            : [(others[0], others[1]), (others[1], others[0])];
        var valid = readings.Where(r => r.Month.Value is >= 1 and <= 12 && (r.Day is null || (!r.Day.IsName && r.Day.Value >= 1 && r.Day.Value <= DateTime.DaysInMonth(year, r.Month.Value)))).ToList();
        var months = valid.Select(r => Format(year, r.Month.Value)).Distinct(StringComparer.Ordinal).ToList();
        return months.Count switch
        {
            1 => new MonthInName(name, months[0], null),
            > 1 => new MonthInName(name, null, $"the {what} name {name} could mean {string.Join(" or ", months)}; {Rename} (YYYY-MM)"),
            _ when readings.All(r => r.Month.Value is < 1 or > 12) =>
                new MonthInName(name, null, $"the {what} name says month {name}, which is not a month (YYYY-MM, months 01 to 12); {Rename}"),
            _ => new MonthInName(name, null, $"the {what} name says the date {name}, which does not exist; {Rename} (YYYY-MM)"),
        };
    }

    private static string Format(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    // One part between separators: a number (a run-together 202611 or 20261101 is a year, a month
    // and a day), or a month's English name or its first three letters (and "sept"). Anything else
    // means the name is not a month's.
    private static bool Tokenize(string part, List<Token> tokens)
    {
        if (part.All(char.IsAsciiDigit))
        {
            if (part.Length is 6 or 8 && IsYear(part[..4]))
            {
                tokens.Add(Number(part[..4]));
                tokens.Add(Number(part[4..6]));
                if (part.Length == 8)
                {
                    tokens.Add(Number(part[6..]));
                }
            }
            else
            {
                tokens.Add(Number(part));
            }

            return true;
        }

        var lower = part.ToLowerInvariant();
        var index = Array.FindIndex(Names, n => n == lower || (lower.Length == 3 && n.StartsWith(lower, StringComparison.Ordinal)) || (lower == "sept" && n == "september"));
        if (index < 0)
        {
            return false;
        }

        tokens.Add(new Token(index + 1, 0, IsYear: false, IsName: true));
        return true;
    }

    private static Token Number(string digits) =>
        new(digits.Length > 9 ? int.MaxValue : int.Parse(digits, CultureInfo.InvariantCulture), digits.Length, IsYear: digits.Length == 4 && IsYear(digits), IsName: false);

    // Four digits that can be a year an export stands for.
    private static bool IsYear(string digits) => digits.Length == 4 && int.Parse(digits, CultureInfo.InvariantCulture) is >= 1900 and <= 2199;

    [GeneratedRegex(@"[-_. ]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    private sealed record Token(int Value, int Digits, bool IsYear, bool IsName);
}
