using System.Globalization;
using System.Text;

namespace IcpScoring.Samples;

// Exports from enrichment tools: they carry industry and size, each in its own dialect.
internal sealed class EnrichedExportWriter(Random random, Companies companies, HashSet<string> usedSlugs)
{
    private static readonly string[] Keywords =
    [
        "saas", "b2b", "marketing automation", "analytics", "cloud", "cybersecurity", "consulting", "e-commerce",
        "fintech", "healthcare", "staffing", "digital agency", "abm", "crm", "logistics",
    ];

    private static readonly string[] Accounts = ["acme-marketing", "northwind-sales", "solara-growth"];

    public SampleFile Apollo(string path, int count)
    {
        var lines = new List<string>
        {
            "First Name,Last Name,Title,Company,Company Name for Emails,Email,Email Status,Seniority,Departments,"
            + "Contact Owner,First Phone,# Employees,Industry,Keywords,Person Linkedin Url,Website,Company Linkedin Url,City,State,Country",
        };
        var log = new QuirkLog();
        for (var i = 0; i < count; i++)
        {
            var (person, company, title, kind, quirks) = Prospect(0.25);
            var location = random.Pick(Locations.All);
            var email = random.Chance(0.75) ? People.Email(random, person) : "";
            var status = email.Length == 0 ? "Unavailable" : random.Chance(0.8) ? "Verified" : "Extrapolated";
            var industry = random.Chance(0.05) ? "" : company.Industry.ApolloLabel;
            var employees = random.Chance(0.05) ? "" : company.Employees.ToString(CultureInfo.InvariantCulture);
            quirks |= industry.Length == 0 ? Quirk.MissingIndustry : Quirk.None;
            quirks |= employees.Length == 0 ? Quirk.MissingSize : Quirk.None;
            var phone = random.Chance(0.2)
                ? "+1 555-01" + random.Next(100).ToString("00", CultureInfo.InvariantCulture)
                : "";
            var keywords = string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Pick(Keywords)).Distinct());

            // Apollo writes http:// profile URLs without a trailing slash.
            lines.Add(Csv.Line(
                person.FirstName, person.LastName, title, company.Name, company.BaseName, email, status,
                ApolloSeniority(kind), ApolloDepartment(kind), "alex.rivera@example.com", phone, employees, industry,
                keywords, "http://www.linkedin.com/in/" + person.Slug, "http://www." + company.Domain,
                "http://www.linkedin.com/company/" + Slug.Make(company.BaseName), location.City, location.State, location.Country));
            log.Note(lines.Count, quirks);
        }

        return Finish(path, lines, count, log);
    }

    public SampleFile SalesNavigator(string path, int count)
    {
        var lines = new List<string>
        {
            "First Name,Last Name,Full Name,Title,Company Name,Company Industry,Company Employee Count Range,Location,Linkedin,Connection Degree",
        };
        var log = new QuirkLog();
        for (var i = 0; i < count; i++)
        {
            var (person, company, title, _, quirks) = Prospect(0.3);
            var industry = random.Chance(0.04) ? "" : company.Industry.Label;
            var size = random.Chance(0.06) ? "" : company.Size.SalesNavLabel;
            quirks |= industry.Length == 0 ? Quirk.MissingIndustry : Quirk.None;
            quirks |= size.Length == 0 ? Quirk.MissingSize : Quirk.None;
            var degree = random.PickWeighted(new[] { ("1st", 4), ("2nd", 4), ("3rd", 2) }, d => d.Item2).Item1;
            lines.Add(Csv.Line(
                person.FirstName, person.LastName, person.FirstName + " " + person.LastName, title, company.Name, industry,
                size, random.Pick(Locations.All).Display, person.ProfileUrl, degree));
            log.Note(lines.Count, quirks);
        }

        return Finish(path, lines, count, log);
    }

    public SampleFile Phantombuster(string path, int count)
    {
        var lines = new List<string>
        {
            "profileUrl,fullName,firstName,lastName,companyName,title,companyId,companyUrl,industry,location,query,timestamp",
        };
        var log = new QuirkLog();
        var query = "https://www.linkedin.com/sales/search/people?savedSearchId=" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var started = new DateTime(2026, 10, 14, 9, 12, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var (person, company, title, _, quirks) = Prospect(0.3);
            var industry = random.Chance(0.04) ? "" : company.Industry.Label;
            quirks |= industry.Length == 0 ? Quirk.MissingIndustry : Quirk.None;
            var id = company.LinkedinId.ToString(CultureInfo.InvariantCulture);
            var timestamp = started.AddMilliseconds(i * 1_700 + random.Next(900))
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            lines.Add(Csv.Line(
                person.ProfileUrl, person.FirstName + " " + person.LastName, person.FirstName, person.LastName, company.Name,
                title, id, "https://www.linkedin.com/company/" + id + "/", industry, random.Pick(Locations.All).Display,
                query, timestamp));
            log.Note(lines.Count, quirks);
        }

        return Finish(path, lines, count, log);
    }

    // An agency's export for several client accounts at once; Account splits it.
    public SampleFile Agency(string path, int count)
    {
        var lines = new List<string>
        {
            "Account,First Name,Last Name,URL,Email Address,Company,Position,Connected On,Industry,Company Size",
        };
        var log = new QuirkLog();
        var rows = new List<(string Account, DateTime Date, string Line, Quirk Quirks)>();
        for (var i = 0; i < count; i++)
        {
            var account = Accounts[random.Next(Accounts.Length)];
            var (person, company, title, _, quirks) = Prospect(account == "northwind-sales" ? 0.08 : 0.2);
            var date = random.RecentSkewedDate(new DateTime(2019, 1, 1), new DateTime(2026, 10, 28));
            var email = random.Chance(0.1) ? People.Email(random, person) : "";
            var industry = random.Chance(0.07) ? "" : company.Industry.Label;
            var size = random.Chance(0.08) ? "" : company.Size.Label;
            quirks |= industry.Length == 0 ? Quirk.MissingIndustry : Quirk.None;
            quirks |= size.Length == 0 ? Quirk.MissingSize : Quirk.None;
            quirks |= email.Length > 0 ? Quirk.Email : Quirk.None;
            rows.Add((account, date, Csv.Line(
                account, person.FirstName, person.LastName, person.ProfileUrl, email, company.Name, title,
                date.ToString("dd MMM yyyy", CultureInfo.InvariantCulture), industry, size), quirks));
        }

        foreach (var row in rows.OrderBy(r => r.Account, StringComparer.Ordinal).ThenByDescending(r => r.Date))
        {
            lines.Add(row.Line);
            log.Note(lines.Count, row.Quirks);
        }

        return Finish(path, lines, count, log);
    }

    private static SampleFile Finish(string path, List<string> lines, int rows, QuirkLog log)
    {
        var content = new StringBuilder();
        foreach (var line in lines)
        {
            content.Append(line).Append('\n');
        }

        return new SampleFile(path, content.ToString(), WithBom: false, rows, log.FirstLines);
    }

    private static string ApolloSeniority(Title title) => title.Seniority switch
    {
        "C-level" => "c_suite",
        "VP" => "vp",
        "Director" => "director",
        "Head" => "head",
        "Manager" => "manager",
        "Senior" => "senior",
        "Owner" => "founder",
        "Intern/Student" => "intern",
        _ => "entry",
    };

    private static string ApolloDepartment(Title title) => title.Function switch
    {
        "Marketing" => "master_marketing",
        "Sales" => "master_sales",
        "Engineering" or "Data" => "master_engineering_technical",
        "Human Resources" => "master_human_resources",
        "Finance" => "master_finance",
        "Operations" => "master_operations",
        "Healthcare" => "master_medical_health",
        "Education" => "master_education",
        "Legal" => "master_legal",
        "Design" => "master_design",
        "IT" => "master_information_technology",
        "Product" => "master_product_management",
        "Consulting" => "master_consulting",
        "Customer Success" => "master_support",
        "Executive" or "Founder" => "c_suite",
        _ => "",
    };

    private (Person Person, Company Company, string Title, Title Kind, Quirk Quirks) Prospect(double icpShare)
    {
        var person = People.NewPerson(random, usedSlugs);
        var icp = random.Chance(icpShare);
        var title = icp ? Titles.Icp(random) : Titles.NonIcp(random);
        var company = icp ? companies.Pick(random, c => c.IsIcp) : random.Pick(companies.All);
        var (text, quirks) = Titles.Decorate(random, title.Text, 0.05);
        return (person, company, text, title, quirks);
    }
}
