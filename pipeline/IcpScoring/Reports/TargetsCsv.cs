using System.Globalization;

namespace IcpScoring.Reports;

/// <summary>
/// <c>targets.csv</c> (PRODUCT.md §4.2): the addressable pool, one row per connection in the order
/// given (the caller sorts best first). Email only when the settings allow it.
/// </summary>
internal static class TargetsCsv
{
    public const string ReasonSeparator = "; ";

    public static IReadOnlyList<string> Header(bool includeEmails) =>
        includeEmails
            ? ["Name", "Company", "Title", "Profile URL", "Email", "Industry", "Company Size", "Score", "Tier", "Top Reasons"]
            : ["Name", "Company", "Title", "Profile URL", "Industry", "Company Size", "Score", "Tier", "Top Reasons"];

    public static void Write(string path, IEnumerable<TargetRow> rows, bool includeEmails)
    {
        ArgumentNullException.ThrowIfNull(rows);
        SpreadsheetCsv.Write(path, Header(includeEmails), rows.Select(r => Cells(r, includeEmails)));
    }

    private static IEnumerable<string?> Cells(TargetRow r, bool includeEmails)
    {
        yield return r.Name;
        yield return r.Company;
        yield return r.Title;
        yield return r.ProfileUrl;
        if (includeEmails)
        {
            yield return r.Email;
        }

        yield return r.Industry;
        yield return r.CompanySize;
        yield return r.Score.ToString("0.0000", CultureInfo.InvariantCulture);
        yield return r.Tier;
        yield return string.Join(ReasonSeparator, r.Reasons ?? []);
    }
}
