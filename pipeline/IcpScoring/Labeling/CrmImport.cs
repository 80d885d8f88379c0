using System.Text;
using IcpScoring.Ingestion;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Storage;

namespace IcpScoring.Labeling;

/// <summary>
/// A CRM contacts export (HubSpot or Salesforce column names, or aliases under
/// <c>CrmLabels:Columns</c>) turned into a profile's labels: a status the settings call ICP or not
/// ICP becomes a label, any other status is counted and left out. A row is matched to a connection
/// of the profile by profile URL, else by name and company (as the duplicate filter compares them);
/// a row matching none is kept as a labeled prospect by its own title, company, industry and size.
/// </summary>
internal static class CrmImport
{
    // Several status columns (HubSpot has both): the first, in this order, whose value decides.
    private static readonly (string Role, string[] Names)[] BuiltIn =
    [
        ("Status", ["Lifecycle Stage", "Lead Status", "Status", "Lead Stage", "Contact Status"]),
        ("FirstName", ["First Name", "Given Name"]),
        ("LastName", ["Last Name", "Surname", "Family Name"]),
        ("FullName", ["Full Name", "Name", "Contact Name"]),
        ("Company", ["Company Name", "Company", "Account Name", "Associated Company", "Organization"]),
        ("Title", ["Job Title", "Title", "Position"]),
        ("Industry", ["Industry", "Company Industry"]),
        ("CompanySize", ["Company Size", "Number of Employees", "Employees", "Company Employees"]),
        ("ProfileUrl", ["LinkedIn URL", "LinkedIn", "LinkedIn Profile", "LinkedIn Profile URL", "LinkedIn Bio", "Profile URL"]),
    ];

    /// <summary>Reads <paramref name="path"/>, matches its rows against <paramref name="connections"/> and records the labels.</summary>
    /// <exception cref="UnreadableExportException">The file cannot be read, or has no status column, or no name or URL column.</exception>
    public static CrmImportResult Import(string path, CrmOptions options, IReadOnlyList<QueueCandidate> connections, ProfileLabels labels, string by)
    {
        var table = Read(path);
        var columns = Columns(table[0], options);
        var statuses = columns.GetValueOrDefault("Status") ?? [];
        if (statuses.Count == 0)
        {
            throw new UnreadableExportException(path, $"has no status column; expected one of {string.Join(", ", Names("Status", options))} (or a name under CrmLabels:Columns:Status)");
        }

        if (!columns.ContainsKey("ProfileUrl") && !columns.ContainsKey("FullName") && !(columns.ContainsKey("FirstName") || columns.ContainsKey("LastName")))
        {
            throw new UnreadableExportException(path, "has no name or LinkedIn URL column; expected First Name and Last Name, Full Name, or LinkedIn URL (or names under CrmLabels:Columns)");
        }

        var byKey = connections.ToDictionary(c => c.Key, StringComparer.Ordinal);
        foreach (var c in connections.Where(c => c.ProfileUrl.Length > 0))
        {
            byKey.TryAdd("url\u001f" + ProfileUrls.Canonical(c.ProfileUrl), c);
        }

        var byName = new Dictionary<string, QueueCandidate>(StringComparer.Ordinal);
        foreach (var c in connections.Where(c => c.NameKey.Length > 0))
        {
            byName.TryAdd(c.NameKey, c);
        }

        var icp = options.Icp;
        var notIcp = options.NotIcp;
        var matched = new List<PersonLabel>();
        var others = new List<(Connection, bool)>();
        var unlabeled = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        for (var line = 1; line < table.Count; line++)
        {
            var row = table[line];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows++;
            string Cell(string role) => columns.GetValueOrDefault(role) is [var first, ..] && first < row.Length ? row[first].Trim() : "";
            var decided = statuses.Select(i => i < row.Length ? CrmOptions.Key(row[i]) : "")
                .Select(s => icp.Contains(s) ? true : notIcp.Contains(s) ? false : (bool?)null)
                .FirstOrDefault(d => d is not null);
            if (decided is not { } isIcp)
            {
                var shown = statuses.Select(i => i < row.Length ? row[i].Trim() : "").FirstOrDefault(s => s.Length > 0) ?? "(empty)";
                unlabeled[shown] = unlabeled.GetValueOrDefault(shown) + 1;
                continue;
            }

            var person = Person(line + 1, Cell);
            var connection = person.ProfileUrl.Length > 0 && (byKey.TryGetValue(SnapshotKeys.For(person, 0), out var byUrl) || byKey.TryGetValue("url\u001f" + person.ProfileUrl, out byUrl)) ? byUrl
                : QueueCandidates.NameKey(person.Name, person.Company) is { Length: > 0 } nameKey && byName.TryGetValue(nameKey, out var sameName) ? sameName
                : null;
            if (connection is not null)
            {
                matched.Add(new PersonLabel(connection.Key, connection.Title, connection.Company, connection.Industry, connection.CompanySize, isIcp));
            }
            else
            {
                others.Add((person, isIcp));
            }
        }

        // A person twice in the export: the later row is the label kept, as any later label is.
        labels.Record(matched, others, LabelSource.Crm, by);
        var all = matched.Select(m => m.IsIcp).Concat(others.Select(o => o.Item2)).ToList();
        return new CrmImportResult(rows, matched.Count, all.Count(x => x), all.Count(x => !x), unlabeled.Values.Sum(), unlabeled);
    }

    private static Connection Person(long line, Func<string, string> cell)
    {
        var full = cell("FullName");
        var first = cell("FirstName");
        var last = cell("LastName");
        var name = first.Length == 0 && last.Length == 0 ? NameCleaner.Clean(full) : NameCleaner.Clean($"{first} {last}");
        var title = cell("Title");
        return new Connection(
            line, "", name, first, last, "", ProfileUrls.Canonical(cell("ProfileUrl")), cell("Company"), title, TitleCleaner.Clean(title),
            IndustryCatalog.Default.Find(cell("Industry")), CompanySizes.Parse(cell("CompanySize")), null, IsHidden: false, FirmographicsFromDirectory: false);
    }

    private static IEnumerable<string> Names(string role, CrmOptions options) =>
        options.Columns.Where(kv => kv.Key.Equals(role, StringComparison.OrdinalIgnoreCase)).SelectMany(kv => kv.Value)
            .Concat(BuiltIn.Single(b => b.Role == role).Names);

    // Each role's columns in the order of its names (configured first); a header is one role's only.
    private static Dictionary<string, List<int>> Columns(string[] header, CrmOptions options)
    {
        var keys = header.Select(CrmOptions.Key).ToArray();
        var taken = new HashSet<int>();
        var columns = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (role, _) in BuiltIn)
        {
            foreach (var name in Names(role, options).Select(CrmOptions.Key))
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    if (keys[i] == name && taken.Add(i))
                    {
                        if (!columns.TryGetValue(role, out var list))
                        {
                            columns[role] = list = [];
                        }

                        list.Add(i);
                    }
                }
            }
        }

        return columns;
    }

    // RFC 4180, the separator guessed from the header (comma, semicolon or tab); CRM exports are
    // small, so the whole file is read at once.
    private static List<string[]> Read(string path)
    {
        string text;
        try
        {
            using var raw = File.OpenRead(path);
            var (utf8, _) = TextDecoder.Open(raw, path);
            using var reader = new StreamReader(utf8, Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableExportException(path, $"cannot be read ({e.Message})", e);
        }

        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = end >= 0 ? text[..end] : text;
        var separator = new[] { ',', ';', '\t' }.MaxBy(s => firstLine.Count(c => c == s));
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        if (rows.Count == 0 || rows[0].All(string.IsNullOrWhiteSpace))
        {
            throw new UnreadableExportException(path, "is empty; expected a CRM contacts export with a header row");
        }

        return rows;
    }
}
