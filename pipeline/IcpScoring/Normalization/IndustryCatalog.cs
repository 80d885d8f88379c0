using System.Globalization;
using CsvHelper;

namespace IcpScoring.Normalization;

internal sealed class IndustryCatalog
{
    private const string ResourceName = "IcpScoring.Reference.linkedin-industries.csv";

    private static readonly Lazy<IndustryCatalog> _default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // Raw spellings seen in exports (V2 labels, V1 labels, their lower case, ids) hit here without building a key.
    private readonly Dictionary<string, Industry> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Industry> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Industry>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;

    internal IndustryCatalog(IEnumerable<Industry> industries)
    {
        // Lowest id first, so that a V1 label shared by several ids maps to the lowest of them
        // (TryAdd keeps the first). The shipped reference has no shared V1 label, but a newer copy may.
        All = [.. industries.OrderBy(i => i.Id)];
        foreach (var industry in All)
        {
            AddSpellings(industry.Label, industry);
            _exact.TryAdd(industry.Id.ToString(CultureInfo.InvariantCulture), industry);
        }

        // V2 labels first: a V1 label never takes a key a V2 label already owns.
        foreach (var industry in All)
        {
            if (industry.LabelV1 is not null)
            {
                AddSpellings(industry.LabelV1, industry);
            }
        }

        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static IndustryCatalog Default => _default.Value;

    public IReadOnlyList<Industry> All { get; }

    public Industry? Find(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        if (_exact.TryGetValue(raw, out var exact))
        {
            return exact;
        }

        var text = raw.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        Span<char> key = text.Length <= TextKey.StackInputLimit
            ? stackalloc char[TextKey.MaxKeyLength(TextKey.StackInputLimit)]
            : new char[TextKey.MaxKeyLength(text.Length)];
        var length = TextKey.Write(text, key, dropAnd: true);
        return length > 0 && _byKeySpan.TryGetValue(key[..length], out var industry) ? industry : null;
    }

    internal static IndustryCatalog Load(Stream csv)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var reader = CsvReader.Create(csv, options);
        var id = reader.GetFieldIndex("id");
        var labelV2 = reader.GetFieldIndex("label_v2");
        var labelV1 = reader.GetFieldIndex("label_v1");
        var topLevel = reader.GetFieldIndex("top_level");
        var industries = new List<Industry>();
        while (reader.Read())
        {
            var v1 = reader.GetString(labelV1);
            industries.Add(new Industry(
                int.Parse(reader.GetString(id), NumberStyles.None, CultureInfo.InvariantCulture),
                reader.GetString(labelV2),
                string.IsNullOrWhiteSpace(v1) ? null : v1,
                reader.GetString(topLevel)));
        }

        return new IndustryCatalog(industries);
    }

    private static IndustryCatalog LoadEmbedded()
    {
        using var stream = typeof(IndustryCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return Load(stream);
    }

    private void AddSpellings(string label, Industry industry)
    {
        _exact.TryAdd(label, industry);
        _exact.TryAdd(label.ToLowerInvariant(), industry);
        _byKey.TryAdd(TextKey.Build(label, dropAnd: true), industry);
    }
}
