using System.Diagnostics.CodeAnalysis;
using CsvHelper;

namespace IcpScoring.Normalization;

// The optional company directory (Company,Industry,Company Size[,Domain]) that supplies the
// firmographics LinkedIn's own export lacks, matched on CompanyNames.Key.
internal sealed class CompanyDirectory
{
    private const string ExpectedHeader = "Company,Industry,Company Size (optionally Domain)";

    private static readonly string[] _companyColumns = ["Company", "Company Name"];
    private static readonly string[] _industryColumns = ["Industry", "Company Industry"];
    private static readonly string[] _sizeColumns = ["Company Size", "Size", "Employees", "# Employees", "Company Employee Count Range"];
    private static readonly string[] _domainColumns = ["Domain", "Website", "Company Domain"];

    private readonly Dictionary<string, DirectoryEntry> _entries;

    private CompanyDirectory(Dictionary<string, DirectoryEntry> entries) => _entries = entries;

    public static CompanyDirectory Empty { get; } = new(new Dictionary<string, DirectoryEntry>(StringComparer.Ordinal));

    public int Count => _entries.Count;

    // Rows whose industry or size was given but not recognized; the report can say why coverage is low.
    public int UnrecognizedIndustries { get; private init; }

    public int UnrecognizedSizes { get; private init; }

    public static CompanyDirectory Load(string path)
    {
        if (!File.Exists(path))
        {
            throw Fail(path, "does not exist");
        }

        try
        {
            if (LooksBinary(path))
            {
                throw Fail(path, "is not a text CSV file");
            }

            return Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            throw Fail(path, $"cannot be read ({e.Message})");
        }
    }

    public bool TryFind(string? company, [MaybeNullWhen(false)] out DirectoryEntry entry)
    {
        var key = CompanyNames.Key(company);
        if (key.Length == 0)
        {
            entry = null;
            return false;
        }

        return _entries.TryGetValue(key, out entry);
    }

    private static CompanyDirectory Read(string path)
    {
        // The separator is detected (Excel in much of Europe saves with ';'); quoting errors stop the
        // load, since a directory is configuration, not data to be reported row by row.
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using var reader = CsvReader.FromFile(path, options);
        var company = FindColumn(reader, _companyColumns);
        var industry = FindColumn(reader, _industryColumns);
        var size = FindColumn(reader, _sizeColumns);
        var domain = FindColumn(reader, _domainColumns);
        if (company < 0 || industry < 0 || size < 0)
        {
            var found = string.Join(",", reader.Headers);
            throw Fail(path, $"has the header \"{Shorten(found)}\", without the columns Company, Industry and Company Size");
        }

        var entries = new Dictionary<string, DirectoryEntry>(StringComparer.Ordinal);
        var unknownIndustries = 0;
        var unknownSizes = 0;
        var catalog = IndustryCatalog.Default;
        while (reader.Read())
        {
            var name = reader.GetString(company).Trim();
            var key = CompanyNames.Key(name);
            if (key.Length == 0 || entries.ContainsKey(key))
            {
                continue; // no company, or a later duplicate: the first row wins
            }

            var industryText = reader.GetString(industry);
            var sizeText = reader.GetString(size);
            var entry = new DirectoryEntry(
                name,
                catalog.Find(industryText),
                CompanySizes.Parse(sizeText),
                domain < 0 ? null : NullIfEmpty(reader.GetString(domain)));
            unknownIndustries += entry.Industry is null && !string.IsNullOrWhiteSpace(industryText) ? 1 : 0;
            unknownSizes += entry.Size is null && !string.IsNullOrWhiteSpace(sizeText) ? 1 : 0;
            entries.Add(key, entry);
        }

        return new CompanyDirectory(entries) { UnrecognizedIndustries = unknownIndustries, UnrecognizedSizes = unknownSizes };
    }

    private static int FindColumn(CsvReader reader, string[] names)
    {
        foreach (var name in names)
        {
            if (reader.TryGetFieldIndex(name, out var index))
            {
                return index;
            }
        }

        return -1;
    }

    // A NUL byte never occurs in a UTF-8 CSV; it does in spreadsheets, archives and UTF-16 text.
    private static bool LooksBinary(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head[..read];
        var utf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
        return !utf16 && bytes.Contains((byte)0);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 120), "…");

    private static CompanyDirectoryException Fail(string path, string problem) =>
        new($"Company directory '{path}' {problem}; expected a CSV file with the header {ExpectedHeader}.");
}
