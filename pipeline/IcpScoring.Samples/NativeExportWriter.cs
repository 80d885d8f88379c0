using System.Globalization;
using System.Text;

namespace IcpScoring.Samples;

internal static class NativeExportWriter
{
    // LinkedIn's own wording, cut off where LinkedIn cuts it.
    public const string NotesParagraph =
        "\"When exporting your connection data, you may notice that some of the email addresses are missing. "
        + "You will only see email addresses for connections who have allowed their connections to see or download "
        + "their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
        + "You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"";

    private const string SixColumns = "First Name,Last Name,Email Address,Company,Position,Connected On";

    private const string SevenColumns = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

    public static SampleFile Write(string path, NativeEra era, IReadOnlyList<Connection> rows, bool finalNewline)
    {
        var newline = era == NativeEra.ExcelResave ? "\r\n" : "\n";
        var lines = new List<string>();
        if (era is NativeEra.Y2022 or NativeEra.Y2023)
        {
            lines.Add("Notes:");
            lines.Add(NotesParagraph);
            lines.Add("");
        }

        lines.Add(era is NativeEra.Y2023 or NativeEra.ExcelResave ? SevenColumns : SixColumns);
        var log = new QuirkLog();
        foreach (var row in rows)
        {
            var line = Row(era, row);
            lines.Add(line);
            log.Note(lines.Count, Detect(row, line));
        }

        var content = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            content.Append(lines[i]);
            if (i < lines.Count - 1 || finalNewline)
            {
                content.Append(newline);
            }
        }

        return new SampleFile(path, content.ToString(), era == NativeEra.ExcelResave, rows.Count, log.FirstLines);
    }

    public static string Date(NativeEra era, DateTime value) => era switch
    {
        NativeEra.Y2018 => value.ToString("M/d/yy, h:mm tt", CultureInfo.InvariantCulture),
        NativeEra.Y2020 => value.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        NativeEra.ExcelResave => value.ToString("d-MMM-yy", CultureInfo.InvariantCulture),
        _ => value.ToString("dd MMM yyyy", CultureInfo.InvariantCulture),
    };

    private static string Row(NativeEra era, Connection row)
    {
        var fields = era is NativeEra.Y2023 or NativeEra.ExcelResave
            ? new[] { row.FirstName, row.LastName, row.Url, row.Email, row.Company, row.Position }
            : new[] { row.FirstName, row.LastName, row.Email, row.Company, row.Position };
        return string.Join(',', fields.Select(Csv.QuoteLikeLinkedIn)) + "," + Csv.QuoteLikeLinkedIn(Date(era, row.ConnectedOn));
    }

    // Padding and punctuation are read off the values, since a job change may have replaced them.
    private static Quirk Detect(Connection row, string line)
    {
        var fields = new[] { row.FirstName, row.LastName, row.Email, row.Company, row.Position };
        var quirks = row.Quirks & ~Quirk.Untrimmed;
        if (fields.Any(f => f.Length > 0 && !string.Equals(f, f.Trim(), StringComparison.Ordinal)))
        {
            quirks |= Quirk.Untrimmed;
        }

        if (line.Contains("\"\"", StringComparison.Ordinal))
        {
            quirks |= Quirk.DoubledQuotes;
        }

        if (fields.Any(f => f.Contains(',', StringComparison.Ordinal)))
        {
            quirks |= Quirk.CommaInField;
        }

        if (!row.IsHidden && row.Position.Length == 0)
        {
            quirks |= Quirk.EmptyTitle;
        }

        if (row.Email.Length > 0)
        {
            quirks |= Quirk.Email;
        }

        return quirks;
    }
}
