namespace IcpScoring.Reports;

/// <summary>
/// One CSV cell for spreadsheets: RFC 4180 quoting, and formula injection neutralised (OWASP "CSV
/// injection"): a cell a spreadsheet would run as a formula gets a leading apostrophe, so it shows
/// as text. The apostrophe is visible in the cell; that is the price of a cell that cannot run.
/// </summary>
internal static class CsvCell
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = StartsLikeFormula(value) ? "'" + value : value;
        return NeedsQuotes(text) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A row of escaped cells joined by commas (no line ending).</summary>
    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Escape));

    // The triggers of the brief (= + - @ tab CR), their full-width forms (which some spreadsheets
    // also read as formulas), and the same after leading spaces, which some importers trim.
    private static bool StartsLikeFormula(string value)
    {
        var first = value.TrimStart(' ');
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }

    private static bool NeedsQuotes(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text[0] == ' ' || text[^1] == ' ';
}
