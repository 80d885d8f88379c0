namespace IcpScoring.Normalization;

// A cleaned full name split into first and last name for CRM imports, for exports that give only a
// full name: the last word is the last name, with the particles that lead into it ("de la Fuente",
// "van der Berg"); the words before it are the first name ("Mary Ann"). Credentials after a comma
// stay with the last name ("Pérez, PhD"); a leading honorific ("Dr.") is not a first name, so it is
// left out of both. A name of one word is a first name, that is how people are greeted, unless an
// honorific came before it ("Dr. Okafor").
internal static class PersonNames
{
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "ter", "ten", "bin", "al", "el", "y", "zu",
    };

    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "sir", "dame",
    };

    public static (string First, string Last) Split(string cleanName)
    {
        var comma = cleanName.IndexOf(',', StringComparison.Ordinal);
        var credentials = comma >= 0 ? cleanName[comma..] : "";
        var words = (comma >= 0 ? cleanName[..comma] : cleanName).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var honorific = false;
        while (words.Count > 1 && Honorifics.Contains(words[0]))
        {
            words.RemoveAt(0);
            honorific = true;
        }

        if (words.Count == 0)
        {
            return ("", credentials.TrimStart(',', ' '));
        }

        // "Dr. Okafor" names the family; "Ana" alone is how Ana is greeted.
        if (words.Count == 1)
        {
            return honorific ? ("", words[0] + credentials) : (words[0], credentials.TrimStart(',', ' '));
        }

        // The last name starts at the last word, or earlier at the particles just before it (never at the first word).
        var start = words.Count - 1;
        while (start > 1 && Particles.Contains(words[start - 1]))
        {
            start--;
        }

        return (string.Join(' ', words.Take(start)), string.Join(' ', words.Skip(start)) + credentials);
    }
}
