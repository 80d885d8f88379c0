using System.Globalization;

namespace IcpScoring.Reports;

/// <summary>
/// <c>targets.csv</c> (PRODUCT.md §4.2) and <c>new-targets.csv</c>: addressable connections, one row
/// per connection in the order given (the caller sorts best first). Headers a CRM import maps by
/// itself: <c>First Name</c>, <c>Last Name</c>, <c>Email</c>, <c>Company</c> and <c>Industry</c> are
/// Salesforce's lead-import labels, and <c>First Name</c>, <c>Last Name</c>, <c>Email</c>,
/// <c>Company</c> and <c>Job Title</c> HubSpot's contact property names (see README). Email only when
/// the settings allow it.
/// </summary>
internal static class TargetsCsv
{
    public const string ReasonSeparator = "; ";

    public static IReadOnlyList<string> Header(bool includeEmails)
    {
        List<string> header = ["First Name", "Last Name", "Company", "Job Title", "Profile URL"];
        if (includeEmails)
        {
            header.Add("Email");
        }

        return [.. header, "Industry", "Company Size", "Connected On", "Score", "Tier", "Top Reasons", "New This Month"];
    }

    public static void Write(string path, IEnumerable<TargetRow> rows, bool includeEmails)
    {
        ArgumentNullException.ThrowIfNull(rows);
        SpreadsheetCsv.Write(path, Header(includeEmails), rows.Select(r => Cells(r, includeEmails)));
    }

    private static IEnumerable<string?> Cells(TargetRow r, bool includeEmails)
    {
        yield return r.FirstName;
        yield return r.LastName;
        yield return r.Company;
        yield return r.Title;
        yield return r.ProfileUrl;
        if (includeEmails)
        {
            yield return r.Email;
        }

        yield return r.Industry;
        yield return r.CompanySize;
        yield return r.ConnectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        yield return r.Score.ToString("0.0000", CultureInfo.InvariantCulture);
        yield return r.Tier;
        yield return string.Join(ReasonSeparator, r.Reasons ?? []);
        yield return r.NewThisMonth ? "Yes" : "No";
    }
}
