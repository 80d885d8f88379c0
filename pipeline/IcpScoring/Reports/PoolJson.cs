using IcpScoring.Model;

namespace IcpScoring.Reports;

/// <summary>
/// <c>pool.json</c> (PRODUCT.md §4.1): every member of <see cref="PoolReport"/>, camelCase, indented,
/// "\n" line endings, keys in declaration order, doubles rounded to 6 decimals, UTF-8 without BOM.
/// </summary>
internal static class PoolJson
{
    public static string Serialize(PoolReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return ReportJson.Serialize(r);
    }

    public static void Write(string path, PoolReport r) => AtomicFiles.WriteAllText(path, Serialize(r));
}
