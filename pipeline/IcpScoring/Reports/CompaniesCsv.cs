using System.Globalization;

namespace IcpScoring.Reports;

/// <summary>
/// <c>companies.csv</c>: every company with two or more ICP connections, largest first, for
/// account-based, multi-threaded outreach: the company, how many ICP connections, the best score, and
/// the people (names and titles in the same order, best score first). UTF-8 with BOM, formula-safe.
/// </summary>
internal static class CompaniesCsv
{
    public static readonly IReadOnlyList<string> Header = ["Company", "ICP Connections", "Best Score", "Names", "Titles"];

    public static void Write(string path, IEnumerable<BuyingCommittee> companies)
    {
        ArgumentNullException.ThrowIfNull(companies);
        SpreadsheetCsv.Write(path, Header, companies.Select(c => new[]
        {
            c.Company,
            c.IcpConnections.ToString(CultureInfo.InvariantCulture),
            c.BestScore.ToString("0.0000", CultureInfo.InvariantCulture),
            string.Join(TargetsCsv.ReasonSeparator, c.People.Select(p => p.Name)),
            string.Join(TargetsCsv.ReasonSeparator, c.People.Select(p => p.Title)),
        }));
    }
}
