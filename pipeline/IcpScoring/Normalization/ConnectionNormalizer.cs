using IcpScoring.Ingestion;

namespace IcpScoring.Normalization;

/// <summary>
/// Turns export rows into <see cref="Connection"/>s. Exports repeat the same titles, industries and
/// companies many times, so each distinct value is normalized once.
/// </summary>
internal sealed class ConnectionNormalizer(CompanyDirectory directory)
{
    private const int MaxCached = 200_000;

    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Industry?> _industries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompanySize?> _sizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectoryEntry?> _companies = new(StringComparer.Ordinal);

    public Connection Normalize(ExportRow row)
    {
        var industry = Cached(_industries, row.Industry, IndustryCatalog.Default.Find);
        var size = Cached(_sizes, row.CompanySize, CompanySizes.Parse);
        var fromDirectory = false;
        if ((industry is null || size is null) && row.Company.Length > 0
            && Cached(_companies, row.Company, Lookup) is { } entry)
        {
            fromDirectory = (industry is null && entry.Industry is not null) || (size is null && entry.Size is not null);
            industry ??= entry.Industry;
            size ??= entry.Size;
        }

        var fromFullName = row.FullName.Length > 0 && row.FirstName.Length == 0 && row.LastName.Length == 0;
        var name = fromFullName ? NameCleaner.Clean(row.FullName) : NameCleaner.Clean($"{row.FirstName} {row.LastName}");
        var (first, last) = fromFullName ? PersonNames.Split(name) : (NameCleaner.Clean(row.FirstName), NameCleaner.Clean(row.LastName));

        return new Connection(
            row.Line,
            row.Account,
            name,
            first,
            last,
            row.Email,
            ProfileUrls.Canonical(row.ProfileUrl),
            row.Company,
            row.Title,
            Cached(_titles, row.Title, TitleCleaner.Clean),
            industry,
            size,
            row.ConnectedOn,
            row.IsHidden,
            fromDirectory,
            row.Degree);
    }

    private DirectoryEntry? Lookup(string company) => directory.TryFind(company, out var entry) ? entry : null;

    private static T Cached<T>(Dictionary<string, T> cache, string key, Func<string, T> compute)
    {
        if (key.Length == 0)
        {
            return compute(key);
        }

        if (!cache.TryGetValue(key, out var value))
        {
            value = compute(key);
            if (cache.Count < MaxCached)
            {
                cache[key] = value;
            }
        }

        return value;
    }
}
