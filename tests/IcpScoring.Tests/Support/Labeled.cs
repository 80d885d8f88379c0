using System.Globalization;
using System.Text;

namespace IcpScoring.Tests.Support;

/// <summary>Labeled-prospect files for tests: a plain rule (marketing leaders at software companies) with no noise.</summary>
public static class Labeled
{
    private static readonly string[] IcpTitles = ["Head of Marketing", "VP Marketing", "Director of Demand Generation", "CMO", "Marketing Director", "Head of Growth", "Directeur Marketing", "Leiter Marketing"];
    private static readonly string[] OtherTitles = ["Software Engineer", "Account Executive", "Nurse", "Teacher", "HR Manager", "Financial Analyst", "Marketing Intern", "Data Scientist", "Recruiter", "Student"];
    private static readonly string[] IcpIndustries = ["Software Development", "IT Services and IT Consulting"];
    private static readonly string[] OtherIndustries = ["Hospitals and Health Care", "Retail", "Construction", "Banking"];

    public static string Csv(int rows, int seed = 1, string labelHeader = "IsIcp", Func<bool, string>? label = null)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder($"Title,Industry,Company Size,{labelHeader}\n");
        for (var i = 0; i < rows; i++)
        {
            var icpTitle = rng.Next(3) == 0;
            var icpIndustry = rng.Next(2) == 0;
            var title = icpTitle ? IcpTitles[rng.Next(IcpTitles.Length)] : OtherTitles[rng.Next(OtherTitles.Length)];
            var industry = icpIndustry ? IcpIndustries[rng.Next(IcpIndustries.Length)] : OtherIndustries[rng.Next(OtherIndustries.Length)];
            var size = rng.Next(2) == 0 ? "51-200" : "10001+";
            var isIcp = icpTitle && icpIndustry && size == "51-200";
            sb.Append(CultureInfo.InvariantCulture, $"{title},{industry},{size},{(label ?? (b => b ? "true" : "false"))(isIcp)}\n");
        }

        return sb.ToString();
    }
}
