using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using IcpScoring.Normalization;

namespace IcpScoring.Profiles;

/// <summary>
/// Reads a profile's <c>profile.json</c> strictly: every key and value is understood or the file is
/// refused with one line naming the file, the key and the accepted values.
/// </summary>
internal static class ProfileFile
{
    public const string FileName = "profile.json";

    private const string Description = "description";
    private const string Titles = "titles";
    private const string Include = "include";
    private const string Exclude = "exclude";
    private const string SeniorityKey = "seniority";
    private const string FunctionsKey = "functions";
    private const string IndustriesKey = "industries";
    private const string SizesKey = "companySizes";

    private static readonly string[] TopKeys = [Description, Titles, SeniorityKey, FunctionsKey, IndustriesKey, SizesKey];
    private static readonly string[] TitleKeys = [Include, Exclude];

    private static readonly Seniority[] SeniorityValues = [.. Enum.GetValues<Seniority>().Where(s => s != Seniority.Unknown)];
    private static readonly JobFunction[] FunctionValues = [.. Enum.GetValues<JobFunction>().Where(f => f != JobFunction.Unknown)];

    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The accepted seniority names, as the reports print them.</summary>
    public static IEnumerable<string> SeniorityNames => SeniorityValues.Select(TitleTaxonomy.Label);

    /// <summary>The accepted function names, as the reports print them.</summary>
    public static IEnumerable<string> FunctionNames => FunctionValues.Select(TitleTaxonomy.Label);

    /// <exception cref="ProfileException">The file cannot be read, is not JSON, states nothing, or holds a key or value that is not understood.</exception>
    public static ProfileCriteria Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProfileException($"{path}: cannot be read ({ErrorText.FirstLine(e.Message)})", e);
        }

        return Parse(bytes, path);
    }

    public static ProfileCriteria Parse(byte[] bytes, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, JsonOptions);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw new ProfileException(string.Create(CultureInfo.InvariantCulture, $"{path}: not valid JSON (line {line}); a profile is an object such as {{\"titles\": {{\"include\": [\"cfo\"]}}, \"industries\": [\"Banking\"]}}"), e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Problem(path, "(top level)", $"is {Kind(root)}, not an object", "accepted keys", TopKeys);
            }

            var description = "";
            List<TitleKeyword> include = [], exclude = [];
            List<Seniority> seniorities = [];
            List<JobFunction> functions = [];
            List<IndustryChoice> industries = [];
            List<CompanySize> sizes = [];
            foreach (var property in root.EnumerateObject())
            {
                var key = Known(property.Name, TopKeys) ?? throw Problem(path, property.Name, "is not understood", "accepted keys", TopKeys);
                switch (key)
                {
                    case Description:
                        description = property.Value.ValueKind == JsonValueKind.String
                            ? property.Value.GetString()!.Trim()
                            : throw new ProfileException($"{path}: {Description}: must be a string, not {Kind(property.Value)}");
                        break;
                    case Titles:
                        ReadTitles(path, property.Value, include, exclude);
                        break;
                    case SeniorityKey:
                        seniorities = Names(path, key, property.Value, SeniorityValues, TitleTaxonomy.Label, SeniorityAlias);
                        break;
                    case FunctionsKey:
                        functions = Names(path, key, property.Value, FunctionValues, TitleTaxonomy.Label, FunctionAlias);
                        break;
                    case IndustriesKey:
                        industries = [.. Strings(path, key, property.Value).Select(s => IndustryOf(path, s))];
                        break;
                    case SizesKey:
                        sizes = [.. Strings(path, key, property.Value).Select(s => SizeOf(path, s)).Distinct()];
                        break;
                }
            }

            var criteria = new ProfileCriteria(description, include, exclude, seniorities, functions, industries, sizes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            if (criteria.IsEmpty)
            {
                throw new ProfileException($"{path}: states no criteria; give at least one of titles.include, titles.exclude, seniority, functions, industries, companySizes (every list may be left out, not all of them)");
            }

            return criteria;
        }
    }

    private static void ReadTitles(string path, JsonElement value, List<TitleKeyword> include, List<TitleKeyword> exclude)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ProfileException($"{path}: {Titles}: must be an object such as {{\"include\": [\"cfo\", \"finance\"], \"exclude\": [\"intern\"]}}, not {Kind(value)}");
        }

        foreach (var property in value.EnumerateObject())
        {
            var key = Known(property.Name, TitleKeys) ?? throw Problem(path, $"{Titles}.{property.Name}", "is not understood", "accepted keys", TitleKeys);
            var into = key == Include ? include : exclude;
            foreach (var text in Strings(path, $"{Titles}.{key}", property.Value))
            {
                into.Add(TitleKeyword.From(text)
                    ?? throw new ProfileException($"{path}: {Titles}.{key}: \"{text}\" holds no letters or digits to match in a title"));
            }
        }
    }

    private static List<string> Strings(string path, string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ProfileException($"{path}: {key}: must be a list of strings such as [\"a\", \"b\"], not {Kind(value)}");
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw new ProfileException($"{path}: {key}: every entry must be a non-empty string, not {Kind(item)}");
            }

            list.Add(item.GetString()!.Trim());
        }

        return list;
    }

    private static List<T> Names<T>(string path, string key, JsonElement value, T[] accepted, Func<T, string> label, Func<string, T?> alias)
        where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var text in Strings(path, key, value))
        {
            var match = accepted.Cast<T?>().FirstOrDefault(v => Same(label(v!.Value), text) || Same(v!.Value.ToString(), text)) ?? alias(Folded(text))
                ?? throw Problem(path, key, $"\"{text}\" is not understood", "accepted values", accepted.Select(label));
            if (!result.Contains(match))
            {
                result.Add(match);
            }
        }

        return result;
    }

    private static Seniority? SeniorityAlias(string folded) => folded switch
    {
        "vice president" or "vp" or "svp" or "evp" => Seniority.VicePresident,
        "c level" or "c suite" or "cxo" or "chief" or "executive" => Seniority.CLevel,
        "owner" or "founder" or "co founder" or "cofounder" => Seniority.Owner,
        "intern" or "student" => Seniority.Intern,
        "ic" or "individual contributor" => Seniority.IndividualContributor,
        _ => null,
    };

    private static JobFunction? FunctionAlias(string folded) => folded switch
    {
        "hr" or "people" or "human resources" => JobFunction.HumanResources,
        "executive" or "general management" or "management" => JobFunction.Executive,
        "customer success" or "support" => JobFunction.CustomerSuccess,
        _ => null,
    };

    private static IndustryChoice IndustryOf(string path, string text)
    {
        var catalog = IndustryCatalog.Default;
        var key = Folded(text);
        // A top-level group stands for every industry in it (its own label among them).
        var group = catalog.All.Where(i => Folded(i.TopLevel) == key).ToList();
        if (group.Count > 1)
        {
            return new IndustryChoice(text, group, IsGroup: true);
        }

        if (catalog.Find(text) is { } industry)
        {
            return new IndustryChoice(text, [industry], IsGroup: false);
        }

        var suggestion = Nearest(text, catalog.All.Select(i => i.Label).Concat(catalog.All.Select(i => i.TopLevel)).Distinct(StringComparer.Ordinal));
        throw new ProfileException($"{path}: {IndustriesKey}: \"{text}\" is not a LinkedIn industry; accepted values: LinkedIn's V2 industry labels, their V1 names, or a top-level group (Financial Services, Manufacturing, Technology, Information and Media, …){(suggestion is null ? "" : $"; did you mean \"{suggestion}\"?")}");
    }

    private static CompanySize SizeOf(string path, string text)
    {
        var compact = text.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return CompanySizes.All.FirstOrDefault(s => string.Equals(s.Label.Replace(" ", "", StringComparison.Ordinal), compact, StringComparison.OrdinalIgnoreCase))
            ?? (Folded(text) is "self employed" ? CompanySizes.All[0] : null)
            ?? throw Problem(path, SizesKey, $"\"{text}\" is not one of LinkedIn's company-size buckets", "accepted values", CompanySizes.All.Select(s => s.Label));
    }

    private static string? Known(string name, string[] keys) =>
        keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    private static bool Same(string a, string b) => Folded(a) == Folded(b);

    private static string Folded(string text) => TextKey.Build(text, dropAnd: false);

    private static ProfileException Problem(string path, string key, string problem, string what, IEnumerable<string> accepted) =>
        new($"{path}: {key}: {problem}; {what}: {string.Join(", ", accepted)}");

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    // The accepted name closest to what was written (edit distance on folded words), when close enough to be a typo.
    private static string? Nearest(string text, IEnumerable<string> names)
    {
        var key = Folded(text);
        var best = names.Select(n => (Name: n, Distance: Distance(key, Folded(n)))).MinBy(x => x.Distance);
        return best.Name is not null && best.Distance <= Math.Max(2, key.Length / 4) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
