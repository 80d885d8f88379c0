using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace IcpScoring.Ingestion;

/// <summary>
/// Header names that mean each <see cref="ColumnRole"/>. Matching ignores case, spaces and punctuation
/// (but not <c>#</c>), so <c>Company Name</c>, <c>company_name</c> and <c>companyName</c> are one name.
/// </summary>
internal sealed class ColumnAliases
{
    // Earlier names win when a file has several columns for one role (see ColumnLayout).
    private static readonly (ColumnRole Role, string[] Names)[] BuiltIn =
    [
        (ColumnRole.FirstName, ["First Name", "Firstname", "Given Name"]),
        (ColumnRole.LastName, ["Last Name", "Lastname", "Surname", "Family Name"]),
        (ColumnRole.FullName, ["Full Name", "Name", "Contact Name"]),
        (ColumnRole.Email, ["Email Address", "Email", "E-mail", "Work Email"]),
        (ColumnRole.ProfileUrl, ["URL", "Person Linkedin Url", "Linkedin", "LinkedIn URL", "Profile URL", "LinkedIn Profile", "LinkedIn Profile URL", "Linkedin Profile Url"]),
        (ColumnRole.Company, ["Company", "Company Name", "Organization", "Current Company", "Employer"]),
        (ColumnRole.Title, ["Position", "Title", "Job Title", "Current Title", "Current Position"]),
        (ColumnRole.Industry, ["Industry", "Company Industry"]),
        (ColumnRole.CompanySize, ["Company Size", "Company Employee Count Range", "Company Employee Count", "# Employees", "Employees", "Employee Count", "Headcount", "Company Headcount"]),
        (ColumnRole.ConnectedOn, ["Connected On", "Connection Date", "Connected At", "Connected"]),
        (ColumnRole.Account, ["Account", "Account Name", "Owner Account"]),
        // "Connection Degree" is also Phantombuster's connectionDegree: case, spaces and punctuation are ignored.
        (ColumnRole.ConnectionDegree, ["Connection Degree", "Degree", "Network Distance"]),
        (ColumnRole.Label, ["IsIcp", "Is ICP", "Label", "Icp", "ICP Match"]),
    ];

    private readonly FrozenDictionary<string, (ColumnRole Role, int Rank)> _byKey;

    private ColumnAliases(FrozenDictionary<string, (ColumnRole, int)> byKey) => _byKey = byKey;

    public static ColumnAliases Default { get; } = Create(new Dictionary<string, string[]>());

    /// <summary>The built-in aliases plus those configured under <c>Ingestion:Columns</c>.</summary>
    public static ColumnAliases Create(IReadOnlyDictionary<string, string[]> configured)
    {
        var map = new Dictionary<string, (ColumnRole, int)>(StringComparer.Ordinal);

        // Configured names come first: a user who maps a header means it, even over a built-in name.
        foreach (var (roleName, names) in configured)
        {
            var role = Enum.Parse<ColumnRole>(roleName, ignoreCase: true);
            for (var i = 0; i < names.Length; i++)
            {
                map.TryAdd(Key(names[i]), (role, i));
            }
        }

        foreach (var (role, names) in BuiltIn)
        {
            for (var i = 0; i < names.Length; i++)
            {
                map.TryAdd(Key(names[i]), (role, 100 + i));
            }
        }

        return new ColumnAliases(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The role a header name stands for, with its rank among that role's names (lower wins).</summary>
    public bool TryMatch(string header, out ColumnRole role, out int rank)
    {
        if (_byKey.TryGetValue(Key(header), out var hit))
        {
            (role, rank) = hit;
            return true;
        }

        (role, rank) = (default, 0);
        return false;
    }

    internal static string Key(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (c == '#')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
