using System.Globalization;
using IcpScoring.Ingestion;

namespace IcpScoring.Reports;

/// <summary>
/// <c>rejects.csv</c>: the rows ingestion did not take, as <c>line,reason</c> (the header is the
/// first line, no comment lines). Ingestion lists only the first rejects; when more were rejected
/// than listed, a last row with an empty line number says how many are missing, so the file never
/// looks complete when it is not.
/// </summary>
internal static class RejectsCsv
{
    public static void Write(string path, string file, IEnumerable<RowReject> rejects, long totalRejected)
    {
        ArgumentNullException.ThrowIfNull(rejects);
        var listed = rejects.ToList();
        var rows = listed.Select(r => new[] { r.Line.ToString(CultureInfo.InvariantCulture), r.Reason }).ToList();
        if (totalRejected > listed.Count)
        {
            var fileName = Path.GetFileName(file);
            rows.Add(["", string.Create(CultureInfo.InvariantCulture,
                $"{totalRejected - listed.Count:#,0} more rejected rows of {fileName} are not listed ({totalRejected:#,0} rejected in all, the first {listed.Count:#,0} listed)")]);
        }

        SpreadsheetCsv.Write(path, ["line", "reason"], rows);
    }
}
