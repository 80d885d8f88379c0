using System.Text;
using IcpScoring.Model;

namespace IcpScoring.Reports;

/// <summary>
/// CSV files meant to be opened in Excel and Google Sheets: UTF-8 with a byte order mark (without
/// it Excel reads UTF-8 as the local code page), CRLF line endings, every cell through
/// <see cref="CsvCell"/>, written atomically.
/// </summary>
internal static class SpreadsheetCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    public static void Write(string path, IEnumerable<string?> header, IEnumerable<IEnumerable<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFiles.Write(path, stream => WriteTo(stream, header, rows));
    }

    /// <summary>The same to a stream (standard output): the byte order mark, then the rows.</summary>
    public static void WriteTo(Stream stream, IEnumerable<string?> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var writer = new StreamWriter(stream, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(CsvCell.Row(header));
        foreach (var row in rows)
        {
            writer.WriteLine(CsvCell.Row(row));
        }
    }
}
