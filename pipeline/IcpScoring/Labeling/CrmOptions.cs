namespace IcpScoring.Labeling;

/// <summary>
/// The <c>CrmLabels</c> section of appsettings.json: how <c>icp labels import</c> reads a CRM
/// contacts export. Which status values mean ICP and which mean not (compared ignoring case, spaces
/// and punctuation, so <c>Sales Qualified Lead</c> is <c>salesqualifiedlead</c>); empty lists take the
/// defaults (the configuration binder appends to an initialised array, so they are not set here).
/// <see cref="Columns"/> adds header names per column (Status, FirstName, LastName, FullName,
/// Company, Title, Industry, CompanySize, ProfileUrl) to the HubSpot and Salesforce ones.
/// </summary>
internal sealed record CrmOptions
{
    public static readonly string[] DefaultIcp =
        ["customer", "opportunity", "sql", "salesqualifiedlead", "evangelist", "opendeal", "closedwon", "closedconverted", "converted"];

    public static readonly string[] DefaultNotIcp =
        ["disqualified", "unqualified", "badfit", "notafit", "nofit", "junk", "spam"];

    public static readonly string[] Roles = ["Status", "FirstName", "LastName", "FullName", "Company", "Title", "Industry", "CompanySize", "ProfileUrl"];

    public string[] IcpStatuses { get; init; } = [];

    public string[] NotIcpStatuses { get; init; } = [];

    public Dictionary<string, string[]> Columns { get; init; } = [];

    public IReadOnlySet<string> Icp => (IcpStatuses.Length == 0 ? DefaultIcp : IcpStatuses).Select(Key).ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> NotIcp => (NotIcpStatuses.Length == 0 ? DefaultNotIcp : NotIcpStatuses).Select(Key).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<string> Validate()
    {
        var both = Icp.Intersect(NotIcp).ToList();
        if (both.Count > 0)
        {
            yield return $"CrmLabels: status {both[0]} is both in IcpStatuses and NotIcpStatuses";
        }

        foreach (var role in Columns.Keys.Where(r => !Roles.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"CrmLabels:Columns: unknown column '{role}' (expected {string.Join(", ", Roles)})";
        }
    }

    /// <summary>A header or status as compared: lower case letters and digits only.</summary>
    public static string Key(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
