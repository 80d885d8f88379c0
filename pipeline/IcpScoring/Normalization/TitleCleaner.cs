namespace IcpScoring.Normalization;

// Cleans a job title for the model and the reports: LinkedIn junk out, taglines cut, accents kept.
//
// Headlines chain parts with " | ", " • ", " · ", " -- ", " – " or " — ". A part is cut when it reads
// as a tagline rather than a job title: it has a link, hashtag or exclamation, runs longer than
// eight words, or opens with a pitch word ("Helping…", "Passionate…", "I…", "Speaker", "Ex-…").
// Other parts stay, so "VP Sales | EMEA" and "Head of Growth – EMEA" keep their region and
// "Founder | CEO" keeps both roles; kept parts are joined with " | ". A plain hyphen ("Head of Growth - EMEA") is not a separator:
// titles use it inside names of roles. Within a part, "@ Company" is cut: it names the employer.
// When every part reads as a tagline the first one stays, since it still says what the person does.
internal static class TitleCleaner
{
    private const int MaxTitleWords = 8;

    private static readonly string[] _separators = [" | ", " • ", " · ", " -- ", " – ", " — ", " ▪ ", " ║ ", " || ", " // "];

    private static readonly HashSet<string> _pitchWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "helping", "i", "i'm", "im", "we", "my", "our", "passionate", "obsessed", "driving", "building", "scaling",
        "empowering", "transforming", "turning", "creating", "connecting", "making", "growing", "love", "loving",
        "speaker", "keynote", "author", "podcast", "podcaster", "host", "mentor", "ex", "former", "formerly",
        "let's", "lets", "on", "dm", "follow", "ask", "open", "looking", "seeking", "hiring", "we're",
    };

    public static string Clean(string? rawTitle)
    {
        if (string.IsNullOrEmpty(rawTitle))
        {
            return string.Empty;
        }

        if (IsAlreadyClean(rawTitle))
        {
            return rawTitle;
        }

        var text = LinkedInJunk.Strip(rawTitle);
        var parts = Split(text);
        var kept = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            var role = CutEmployer(part);
            if (role.Length > 0 && !IsTagline(role))
            {
                kept.Add(role);
            }
        }

        if (kept.Count == 0 && parts.Count > 0)
        {
            kept.Add(CutEmployer(parts[0]));
        }

        return TrimPunctuation(string.Join(" | ", kept));
    }

    // Most titles are plain ASCII words: they need no work and no allocation.
    private static bool IsAlreadyClean(string title)
    {
        if (title[0] == ' ' || title[^1] == ' ')
        {
            return false;
        }

        var previous = '\0';
        foreach (var c in title)
        {
            var plain = char.IsAsciiLetterOrDigit(c) || c is ',' or '.' or '&' or '\'' or ':';
            if (!plain && !(c == ' ' && previous != ' ') && !(c == '-' && previous != '-'))
            {
                return false;
            }

            previous = c;
        }

        return !char.IsPunctuation(title[^1]) && !char.IsPunctuation(title[0]);
    }

    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        var start = 0;
        while (start <= text.Length)
        {
            var next = -1;
            var separatorLength = 0;
            foreach (var separator in _separators)
            {
                var at = text.IndexOf(separator, start, StringComparison.Ordinal);
                if (at >= 0 && (next < 0 || at < next))
                {
                    next = at;
                    separatorLength = separator.Length;
                }
            }

            var end = next < 0 ? text.Length : next;
            var part = TrimPunctuation(text[start..end]);
            if (part.Length > 0)
            {
                parts.Add(part);
            }

            if (next < 0)
            {
                break;
            }

            start = next + separatorLength;
        }

        return parts;
    }

    private static string CutEmployer(string part)
    {
        var at = part.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? part : TrimPunctuation(part[..at]);
    }

    private static bool IsTagline(string part)
    {
        if (part.Contains("http", StringComparison.OrdinalIgnoreCase)
            || part.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || part.Contains('#', StringComparison.Ordinal)
            || part.Contains('!', StringComparison.Ordinal))
        {
            return true;
        }

        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxTitleWords)
        {
            return true;
        }

        var first = words[0].TrimEnd(',', ':', '.');
        var dash = first.IndexOf('-', StringComparison.Ordinal);
        return _pitchWords.Contains(first) || (dash > 0 && _pitchWords.Contains(first[..dash]));
    }

    private static string TrimPunctuation(string text) =>
        text.Trim().Trim(' ', ',', ';', ':', '-', '|', '•', '·', '–', '—', '/', '~', '▪').Trim();
}
