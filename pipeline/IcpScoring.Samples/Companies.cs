namespace IcpScoring.Samples;

// Fictional companies: brand-like stems plus a word fitting the industry plus a legal suffix.
internal sealed class Companies
{
    private static readonly string[] Stems =
    [
        "Northwind", "Brightlane", "Solara", "Vertex", "Bluepeak", "Lumen", "Corvid", "Keystone", "Tidewater",
        "Emberly", "Quillon", "Halcyon", "Ironbark", "Silverline", "Nimbus", "Cobalt", "Juniper", "Meridian",
        "Orchid", "Pinecrest", "Saffron", "Talon", "Umbra", "Willow", "Zephyr", "Aurora", "Beacon", "Cascade",
        "Driftwood", "Evergreen", "Foxglove", "Granite", "Harborlight", "Indigo", "Jasperly", "Kestrel", "Larchmont",
        "Novaterra", "Onyxia", "Pebblebrook", "Quartzline", "Riverbend", "Sablewood", "Thistle", "Upland", "Wrenfield",
        "Yarrow", "Élan", "Lumière", "Ångström", "Señal", "Bärenwald", "Nordlicht", "Açaí", "Citrine", "Fjordvik",
        "Mistral", "Sirocco", "Calypso", "Tamarind",
    ];

    private static readonly (string Suffix, int Weight)[] LegalSuffixes =
    [
        ("", 30), (" Inc.", 10), (", Inc.", 4), (" LLC", 6), (" Ltd", 5), (" Ltd.", 3), (" GmbH", 6), (" AG", 2),
        (" Pvt Ltd", 4), (" Co., Ltd.", 3), (" SA", 4), (" SAS", 3), (" S.r.l.", 2), (" S.L.", 2), (" B.V.", 2),
        (" AB", 1), (" Oy", 1), (" Pty Ltd", 2), (" plc", 1), (" Ltda.", 2),
    ];

    private readonly Company[] _all;

    private Companies(Company[] all) => _all = all;

    public IReadOnlyList<Company> All => _all;

    public static Companies Create(Random random, int count)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<Company>();

        // The names PRODUCT.md and the tests talk about, so they exist in every sample set.
        Add("Northwind Analytics", " Inc.", Find("Software Development"), Size("51-200"));
        Add("Brightlane", " GmbH", Find("Marketing Services"), Size("11-50"));
        Add("Solara", " Pvt Ltd", Find("IT Services and IT Consulting"), Size("1001-5000"));
        Add("Acme", " Co., Ltd.", Find("Motor Vehicle Manufacturing"), Size("10001+"));
        Add("Vertex", " SA", Find("Financial Services"), Size("501-1000"));
        Add("Acme Analytics", ", Inc.", Find("Software Development"), Size("201-500"));

        while (list.Count < count)
        {
            var industry = random.PickWeighted(Industries.All, i => i.Weight);
            var baseName = random.Pick(Stems) + " " + random.Pick(industry.Words);
            var suffix = industry.Incorporated ? random.PickWeighted(LegalSuffixes, s => s.Weight).Suffix : string.Empty;
            if (used.Contains(baseName))
            {
                continue;
            }

            Add(baseName, suffix, industry, random.PickWeighted(SizeBuckets.All, s => s.Weight));
        }

        return new Companies([.. list]);

        void Add(string baseName, string suffix, Industry industry, SizeBucket size)
        {
            used.Add(baseName);
            var name = baseName + suffix;

            // About one in five companies is missing from the directory, as in a real CRM extract.
            var inDirectory = list.Count < 6 || random.Chance(0.8);
            var directoryName = random.Chance(0.35) ? DirectoryVariant(random, baseName, suffix) : name;
            var domain = Slug.Make(baseName).Replace("-", string.Empty, StringComparison.Ordinal) + ".example";
            list.Add(new Company(
                name, baseName, directoryName, inDirectory, industry, size, SizeBuckets.Headcount(random, size), domain,
                random.Next(10_000, 99_999_999)));
        }
    }

    public Company Pick(Random random, Func<Company, bool> filter) => random.Pick(_all.Where(filter).ToArray());

    // How a person types their employer: usually the full name, sometimes without the legal suffix or in lower case.
    public static string AsWrittenByPerson(Random random, Company company) => random.NextDouble() switch
    {
        < 0.06 => company.BaseName,
        < 0.08 => company.Name.ToLowerInvariant(),
        _ => company.Name,
    };

    private static Industry Find(string label) => Industries.All.First(i => i.Label == label);

    private static SizeBucket Size(string label) => SizeBuckets.All.First(s => s.Label == label);

    // The directory writes some names differently from the exports, so matching has to normalize.
    private static string DirectoryVariant(Random random, string baseName, string suffix)
    {
        var options = new List<string>
        {
            (baseName + suffix).ToUpperInvariant(),
            baseName.ToLowerInvariant() + suffix,
        };
        if (suffix.Length > 0)
        {
            options.Add(baseName);
            options.Add(baseName + suffix.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('.'));
        }
        else
        {
            options.Add(baseName + random.Pick(new[] { " Inc", " Ltd", " LLC", " GmbH" }));
        }

        var stripped = Slug.StripAccents(baseName);
        if (!string.Equals(stripped, baseName, StringComparison.Ordinal))
        {
            options.Add(stripped + suffix);
            options.Add(stripped + suffix);
        }

        return random.Pick(options);
    }
}
