using System.Globalization;
using System.Text;

namespace IcpScoring.Samples;

// Generates every file of data-samples/ from one seed. Each part draws from its own Random,
// seeded from a master Random in a fixed order, so the output is identical byte for byte for a
// seed and one part can change without reshuffling the others.
internal sealed class Generator(int seed)
{
    public IReadOnlyList<SampleFile> Generate()
    {
        var master = new Random(seed);
        var companySeed = master.Next();
        var nativeSeed = master.Next();
        var enrichedSeed = master.Next();
        var labeledSeed = master.Next();
        var labeledSmallSeed = master.Next();
        var inboxSeed = master.Next();

        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        var companies = Companies.Create(new Random(companySeed), 240);
        var files = new List<SampleFile>();

        files.AddRange(NativeExports.Build(new ConnectionFactory(new Random(nativeSeed), companies, usedSlugs)));

        var enriched = new EnrichedExportWriter(new Random(enrichedSeed), companies, usedSlugs);
        files.Add(enriched.Apollo("exports/apollo-contacts.csv", 300));
        files.Add(enriched.SalesNavigator("exports/salesnav-extract.csv", 300));
        files.Add(enriched.Phantombuster("exports/phantombuster-salesnav.csv", 300));
        files.Add(enriched.Agency("exports/agency-enriched.csv", 300));

        files.Add(CompanyDirectory.Write("companies.csv", companies));
        files.Add(LabeledProspects.Write("labeled/prospects.csv", new Random(labeledSeed), 3000));
        files.Add(LabeledProspects.Write("labeled/prospects-small.csv", new Random(labeledSmallSeed), 300));

        var inbox = new InboxHistory(new ConnectionFactory(new Random(inboxSeed), companies, usedSlugs));
        files.AddRange(inbox.Build("acme-marketing", size: 1200, monthlyAdds: 60, icpShare: 0.2, salesBias: 0));
        files.AddRange(inbox.Build("northwind-sales", size: 600, monthlyAdds: 35, icpShare: 0.1, salesBias: 0.3));

        // The quirks are byte-level (CRLF, BOM, no final newline, trailing spaces): keep git and editors off them.
        files.Add(new SampleFile(".gitattributes", "* -text\n", WithBom: false, 0, new Dictionary<Quirk, int>()));
        files.Add(new SampleFile(
            ".editorconfig",
            "# Generated sample data: bytes are exact on purpose.\n[*]\ncharset = unset\nend_of_line = unset\n"
            + "insert_final_newline = unset\ntrim_trailing_whitespace = unset\n",
            WithBom: false,
            0,
            new Dictionary<Quirk, int>()));
        files.Add(Readmes.Exports(files));
        files.Add(Readmes.Root(files, inbox.Notes, seed));
        return files;
    }

    public static void WriteAll(string root, IEnumerable<SampleFile> files)
    {
        foreach (var file in files)
        {
            AtomicFile.Write(Path.Combine(root, file.Path), file.Content, file.WithBom);
        }
    }

    public static string Summary(IEnumerable<SampleFile> files)
    {
        var builder = new StringBuilder();
        foreach (var file in files)
        {
            builder.Append(file.Path).Append(' ').Append(file.Rows.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return builder.ToString();
    }
}
