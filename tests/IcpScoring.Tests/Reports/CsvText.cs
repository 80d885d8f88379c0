using System.Text;

namespace IcpScoring.Tests.Reports;

/// <summary>Reads back what the CSV writers wrote: the raw bytes, and the records split the RFC 4180 way.</summary>
internal static class CsvText
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static List<List<string>> Records(string path)
    {
        var text = new UTF8Encoding(false).GetString(File.ReadAllBytes(path)[3..]);
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
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted cell");
        Assert.True(cell.Length == 0 && record.Count == 0, "the last record must end with CRLF");
        return records;
    }
}
