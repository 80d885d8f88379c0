using System.Text;

namespace IcpScoring.Ingestion;

/// <summary>Where the header of an export starts, after any preamble such as LinkedIn's <c>Notes:</c>.</summary>
internal sealed record HeaderLocation(int Line, int ByteOffset, char Separator, ColumnLayout Layout, bool HadPreamble);

/// <summary>
/// Finds the header line in the first bytes of a UTF-8 export by trying each record as a header:
/// the <c>Notes:</c> preamble of 2022-on exports is skipped this way, and a file whose first line is
/// not a header is never mistaken for an empty export.
/// </summary>
internal static class HeaderLocator
{
    private const int MaxRecordsTried = 30;
    private const string LinkedInHeader = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
    private const string LabeledHeader = "Title,Industry,Company Size,IsIcp";
    private static readonly char[] Separators = [',', ';', '\t', '|'];

    /// <summary>The header, or an <see cref="UnreadableExportException"/> saying why there is none.</summary>
    public static HeaderLocation Find(ReadOnlySpan<byte> head, bool complete, ColumnAliases aliases, ExportKind kind, string name, int blankLinesBefore = 0)
    {
        var pos = 0;
        var line = 1 + blankLinesBefore;
        var tried = 0;
        var preamble = false;
        var sawText = false;
        while (pos < head.Length && tried < MaxRecordsTried)
        {
            // Blank lines are not records.
            if (head[pos] is (byte)'\r' or (byte)'\n')
            {
                line += head[pos] == '\n' || pos + 1 >= head.Length || head[pos + 1] != '\n' ? 1 : 0;
                pos++;
                continue;
            }

            if (!TryRecordEnd(head, pos, complete, out var end, out var next, out var innerBreaks))
            {
                var expected = kind == ExportKind.LabeledProspects ? LabeledHeader : LinkedInHeader;
                throw new UnreadableExportException(name, complete
                    ? $"line {line} opens a quote that never closes, so no header can be found after it; expected a header such as {expected}"
                    : $"line {line} runs past the first {TextDecoder.HeadBytes / 1024:N0} KB without ending (an unclosed quote, or not a CSV file), so no header can be found; expected a header such as {expected}");
            }

            var record = head[pos..end];
            sawText = true;
            if (tried == 0 && record.StartsWith("Notes:"u8))
            {
                preamble = true;
            }
            else
            {
                foreach (var sep in Separators)
                {
                    var fields = Split(record, sep);
                    if (fields.Count >= 2 && ColumnLayout.TryCreate(fields, aliases, kind, out var layout))
                    {
                        return new HeaderLocation(line, pos, sep, layout, preamble);
                    }
                }
            }

            tried++;
            line += 1 + innerBreaks;
            pos = next;
        }

        if (!sawText)
        {
            throw new UnreadableExportException(name, $"is empty; expected a connections export with a header such as {LinkedInHeader}");
        }

        if (preamble && tried <= 2)
        {
            throw new UnreadableExportException(name, $"holds only LinkedIn's Notes: preamble and no header or rows; expected the header {LinkedInHeader} after it");
        }

        if (kind == ExportKind.LabeledProspects)
        {
            throw new UnreadableExportException(name, $"has no header naming a title, industry or company size column in its first {tried} lines; expected labeled prospects such as {LabeledHeader}");
        }

        throw new UnreadableExportException(name, $"has no header naming a title column, or a company column beside a name, profile or date column, in its first {tried} lines; expected a connections export (LinkedIn's Connections.csv, or Apollo, Sales Navigator or Phantombuster columns, or aliases under Ingestion:Columns)");
    }

    // The end of the record that starts at pos (exclusive, without its line break) and where the next starts.
    private static bool TryRecordEnd(ReadOnlySpan<byte> s, int pos, bool complete, out int end, out int next, out int innerBreaks)
    {
        var quoted = false;
        innerBreaks = 0;
        for (var i = pos; i < s.Length; i++)
        {
            var b = s[i];
            if (b == '"')
            {
                quoted = !quoted;
            }
            else if (b is (byte)'\n' or (byte)'\r')
            {
                if (quoted)
                {
                    innerBreaks += b == '\n' || i + 1 >= s.Length || s[i + 1] != '\n' ? 1 : 0;
                    continue;
                }

                end = i;
                next = b == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? i + 2 : i + 1;
                return true;
            }
        }

        end = next = s.Length;
        return complete && !quoted;
    }

    internal static List<string> Split(ReadOnlySpan<byte> record, char separator)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        var text = Encoding.UTF8.GetString(record);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(sb.ToString().Trim());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString().Trim());
        return fields;
    }
}
