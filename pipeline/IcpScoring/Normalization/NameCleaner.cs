namespace IcpScoring.Normalization;

// Cleans a person's name: emoji, degree markers and pronouns out, and anything after a headline
// separator (" | ", " • ", " - " …), which is never part of a name ("Ana Pérez | Growth").
// Honorifics and credentials ("Dr.", ", PhD") stay: they are part of how people write their name.
internal static class NameCleaner
{
    private static readonly string[] _separators = [" | ", " • ", " · ", " - ", " -- ", " – ", " — ", "|"];

    public static string Clean(string? rawName)
    {
        if (string.IsNullOrWhiteSpace(rawName))
        {
            return string.Empty;
        }

        var name = LinkedInJunk.Strip(rawName);
        foreach (var separator in _separators)
        {
            var at = name.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                name = name[..at];
            }
        }

        return name.Trim().Trim(',', ';', ':', '-', '•', '·', '|').Trim();
    }
}
