using System.Globalization;
using System.Text;
using IcpScoring.Normalization;

namespace IcpScoring.Tests.Profiles;

/// <summary>
/// A generated network whose true ICP is known and is not the sample's: finance leaders (director
/// and above, FP&amp;A, treasury and accounting heads included, in six languages) at financial firms
/// (LinkedIn's Financial Services group) of 201 to 5,000 people. Near misses share its words (finance
/// managers, analysts, cost controllers, finance interns); a share of industries and sizes is
/// unknown, as in a native export the company directory covers only in part. <see cref="Profile"/>
/// states the ICP as a team would, naming only part of its titles.
/// </summary>
public static class KnownIcpPopulation
{
    /// <summary>The profile a team would write for this ICP: the example, naming part of the true titles.</summary>
    public const string Profile = """
        {
          "description": "Finance leaders at mid-size financial firms",
          "titles": { "include": ["cfo", "finance", "controller"], "exclude": ["intern", "assistant"] },
          "seniority": ["Director", "Head", "VP", "C-level"],
          "functions": ["Finance"],
          "industries": ["Financial Services", "Banking", "Insurance"],
          "companySizes": ["201-500", "501-1000", "1001-5000"]
        }
        """;

    // Finance leaders the profile names: its keywords, or a title read as finance at director level or above.
    private static readonly string[] NamedLeaders =
    [
        "CFO", "Chief Financial Officer", "VP Finance", "VP of Finance", "Vice President, Finance", "Head of Finance",
        "Finance Director", "Director of Finance", "Senior Director, Finance", "Financial Controller", "Group Financial Controller",
        "Global Head of Finance", "Regional Finance Director",
    ];

    // Finance leaders it does not name: other words for the same jobs.
    private static readonly string[] UnnamedLeaders =
    [
        "Head of FP&A", "Director, FP&A", "VP, Treasury", "Treasurer", "Group Treasurer", "Head of Treasury",
        "Directeur financier", "Directrice financière", "Directeur administratif et financier", "Finanzleiter", "Leiterin Rechnungswesen",
        "Director Financiero", "Directora Financiera", "Direttore Finanziario", "Diretor Financeiro", "Chief Accounting Officer",
        "Head of Accounting", "VP Financial Planning & Analysis", "Head of Tax", "Director of Tax",
    ];

    // Share words with the ICP but are not finance leaders.
    private static readonly string[] NearMisses =
    [
        "Financial Analyst", "Senior Financial Analyst", "FP&A Analyst", "Accountant", "Senior Accountant", "Accounts Payable Specialist",
        "Finance Intern", "Finance Assistant", "Treasury Analyst", "Tax Associate", "Bookkeeper", "Finance Manager", "Cost Controller",
        "Credit Analyst", "Comptable", "Buchhalterin", "Analista Financiero", "Payroll Specialist",
    ];

    private static readonly string[] Others =
    [
        "Software Engineer", "Senior Software Engineer", "Account Executive", "Sales Manager", "VP Sales", "Head of Marketing",
        "Marketing Manager", "Product Manager", "Data Scientist", "HR Manager", "Recruiter", "Registered Nurse", "Teacher",
        "Operations Manager", "Director of Operations", "CTO", "CEO", "Founder", "Customer Success Manager", "Project Manager",
        "Business Analyst", "Consultant", "Legal Counsel", "UX Designer", "Office Manager", "Student", "Risk Manager",
        "Compliance Officer", "Relationship Manager", "Investment Banker", "Portfolio Manager", "Underwriter", "Actuary",
        "Branch Manager", "Loan Officer", "Claims Adjuster",
    ];

    private static readonly string[] IcpSizes = ["201-500", "501-1000", "1001-5000"];
    private static readonly string[] OtherSizes = ["1-10", "11-50", "51-200", "5001-10000", "10001+"];

    private static readonly string[] FinancialIndustries =
        [.. IndustryCatalog.Default.All.Where(i => i.TopLevel == "Financial Services").Select(i => i.Label)];

    private static readonly string[] OtherIndustries =
    [
        "Software Development", "IT Services and IT Consulting", "Retail", "Hospitals and Health Care", "Construction",
        "Manufacturing", "Higher Education", "Government Administration", "Advertising Services", "Truck Transportation",
        "Real Estate", "Food and Beverage Services", "Telecommunications", "Legal Services", "Accounting",
    ];

    /// <summary>One connection: the export's cells (industry and size blank when unknown) and the truth, decided on the full facts.</summary>
    public sealed record Person(string Title, string Industry, string Size, bool KnownIndustry, bool KnownSize, bool IsIcp, string Kind);

    public static List<Person> People(int count, int seed, double unknownIndustry = 0.2, double unknownSize = 0.2)
    {
        var rng = new Random(seed);
        var people = new List<Person>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = rng.NextDouble();
            var (kind, pool) = roll < 0.10 ? ("named", NamedLeaders) : roll < 0.18 ? ("unnamed", UnnamedLeaders) : roll < 0.30 ? ("near", NearMisses) : ("other", Others);
            var title = pool[rng.Next(pool.Length)];
            var financial = rng.NextDouble() < 0.45;
            var industry = financial ? FinancialIndustries[rng.Next(FinancialIndustries.Length)] : OtherIndustries[rng.Next(OtherIndustries.Length)];
            var icpSize = rng.NextDouble() < 0.5;
            var size = icpSize ? IcpSizes[rng.Next(IcpSizes.Length)] : OtherSizes[rng.Next(OtherSizes.Length)];
            var isIcp = kind is "named" or "unnamed" && financial && icpSize;
            people.Add(new Person(title, industry, size, rng.NextDouble() >= unknownIndustry, rng.NextDouble() >= unknownSize, isIcp, kind));
        }

        return people;
    }

    /// <summary>The people as an enriched LinkedIn export (2023 columns plus Industry and Company Size).</summary>
    public static string Csv(IReadOnlyList<Person> people)
    {
        var sb = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On,Industry,Company Size\n");
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            sb.Append(CultureInfo.InvariantCulture, $"First{i},Last{i},https://www.linkedin.com/in/known-{i},,Company {i % 97},\"{p.Title}\",05 Jan 2025,\"{(p.KnownIndustry ? p.Industry : "")}\",{(p.KnownSize ? p.Size : "")}\n");
        }

        return sb.ToString();
    }
}
