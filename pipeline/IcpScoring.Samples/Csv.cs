namespace IcpScoring.Samples;

// CSV is written by hand, not with a library: several sample files need byte-exact quirks
// (unquoted padding, LinkedIn's quoting) that a CSV library would "fix".
internal static class Csv
{
    private static readonly char[] SpecialChars = [',', '"', '\r', '\n'];

    public static bool NeedsQuotes(string value) =>
        value.Length > 0
        && (value.IndexOfAny(SpecialChars) >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));

    public static string Quote(string value) =>
        NeedsQuotes(value) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    // LinkedIn and Excel quote only for comma, quote or line break, so padding stays bare and
    // readers have to trim it themselves.
    public static string QuoteLikeLinkedIn(string value) =>
        value.IndexOfAny(SpecialChars) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static string Line(params string[] values) => string.Join(',', values.Select(Quote));
}
