using System.Text;

namespace IcpScoring.Samples;

// companies.csv: the optional directory that gives native exports their industry and size (PRODUCT.md §3.3).
internal static class CompanyDirectory
{
    public static SampleFile Write(string path, Companies companies)
    {
        var content = new StringBuilder("Company,Industry,Company Size,Domain\n");
        var rows = companies.All.Where(c => c.InDirectory).OrderBy(c => c.DirectoryName, StringComparer.Ordinal).ToList();
        var log = new QuirkLog();
        var line = 1;
        foreach (var company in rows)
        {
            line++;
            content.Append(Csv.Line(company.DirectoryName, company.Industry.Label, company.Size.Label, company.Domain)).Append('\n');
            if (!string.Equals(company.DirectoryName, company.Name, StringComparison.Ordinal))
            {
                log.Note(line, Quirk.NameVariant);
            }
        }

        return new SampleFile(path, content.ToString(), WithBom: false, rows.Count, log.FirstLines);
    }
}
