using System.Text;

namespace IcpScoring.Tests.Hostile;

/// <summary>CSV by hand for hostile inputs: every field quoted the RFC 4180 way, and read back the same way.</summary>
internal static class HostileCsv
{
    /// <summary>One record, every field quoted (so a CR, LF, comma or quote inside a field stays inside it), LF at the end.</summary>
    public static string Record(params string[] fields) =>
        string.Join(',', fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\n";

    /// <summary>The records of a CSV text: quoted fields may hold separators and line breaks; CRLF, LF or CR end a record.</summary>
    public static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
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
            else if (c == ',')
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }

        return records;
    }

    /// <summary>
    /// The values of the named columns of an export: the header is the first record that has one of
    /// the names (LinkedIn puts a Notes: preamble above it).
    /// </summary>
    public static IEnumerable<string> Column(string path, params string[] names)
    {
        var records = Records(File.ReadAllText(path));
        var header = records.FindIndex(r => r.Any(c => names.Contains(c.Trim(), StringComparer.OrdinalIgnoreCase)));
        if (header < 0)
        {
            yield break;
        }

        var columns = records[header].Select((c, i) => (Name: c.Trim(), Index: i)).Where(c => names.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).Select(c => c.Index).ToList();
        foreach (var r in records.Skip(header + 1))
        {
            foreach (var i in columns.Where(i => i < r.Count))
            {
                yield return r[i];
            }
        }
    }
}
