namespace IcpScoring.Ingestion;

/// <summary>Which columns of a header hold each <see cref="ColumnRole"/>, and the tool that wrote it.</summary>
internal sealed class ColumnLayout
{
    private static readonly string[] LinkedInColumns = ["firstname", "lastname", "emailaddress", "company", "position", "connectedon"];

    private readonly int[][] _columns;

    private ColumnLayout(IReadOnlyList<string> header, int[][] columns, SourceKind kind)
    {
        Header = header;
        _columns = columns;
        Kind = kind;
    }

    public IReadOnlyList<string> Header { get; }

    public SourceKind Kind { get; }

    /// <summary>Whether the header has the URL column that LinkedIn added in 2023.</summary>
    public bool HasLinkedInUrl => Kind == SourceKind.LinkedIn && Has(ColumnRole.ProfileUrl);

    /// <summary>The columns for a role, best first (a later one is read when an earlier one is empty).</summary>
    public ReadOnlySpan<int> Columns(ColumnRole role) => _columns[(int)role];

    public bool Has(ColumnRole role) => _columns[(int)role].Length > 0;

    /// <summary>
    /// A layout when the header fits the kind: for connections a title column, or a company column
    /// beside a person column (name, profile, email or date); for labeled prospects any feature column.
    /// </summary>
    public static bool TryCreate(IReadOnlyList<string> header, ColumnAliases aliases, ExportKind kind, out ColumnLayout layout)
    {
        var found = new List<(int Column, int Rank)>[Enum.GetValues<ColumnRole>().Length];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            keys.Add(ColumnAliases.Key(header[i]));
            if (aliases.TryMatch(header[i], out var role, out var rank))
            {
                (found[(int)role] ??= []).Add((i, rank));
            }
        }

        var columns = found.Select(f => f is null ? [] : f.OrderBy(x => x.Rank).Select(x => x.Column).ToArray()).ToArray();
        bool Has(ColumnRole role) => columns[(int)role].Length > 0;
        var roles = columns.Count(c => c.Length > 0);
        var person = Has(ColumnRole.FirstName) || Has(ColumnRole.LastName) || Has(ColumnRole.FullName)
            || Has(ColumnRole.ProfileUrl) || Has(ColumnRole.Email) || Has(ColumnRole.ConnectedOn);

        // A title says "people"; a company alone could be a company list (such as the directory).
        layout = null!;
        var accepted = kind == ExportKind.LabeledProspects
            ? Has(ColumnRole.Title) || Has(ColumnRole.Industry) || Has(ColumnRole.CompanySize)
            : roles >= 2 && (Has(ColumnRole.Title) || (Has(ColumnRole.Company) && person));
        if (!accepted)
        {
            return false;
        }

        layout = new ColumnLayout([.. header], columns, Classify(header, keys));
        return true;
    }

    private static SourceKind Classify(IReadOnlyList<string> header, HashSet<string> keys)
    {
        if (LinkedInColumns.All(keys.Contains))
        {
            return SourceKind.LinkedIn;
        }

        // Phantombuster writes camelCase names; the others write words.
        if (header.Contains("profileUrl", StringComparer.Ordinal) || header.Contains("companyName", StringComparer.Ordinal))
        {
            return SourceKind.Phantombuster;
        }

        if (keys.Contains("personlinkedinurl") || keys.Contains("#employees"))
        {
            return SourceKind.Apollo;
        }

        if (keys.Contains("companyname") && (keys.Contains("linkedin") || keys.Contains("companyindustry") || keys.Contains("companyemployeecountrange")))
        {
            return SourceKind.SalesNavigator;
        }

        return SourceKind.Custom;
    }
}
