using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IcpScoring.Drift;
using IcpScoring.Model;

namespace IcpScoring.Reports;

/// <summary>
/// <c>drift.json</c> (PRODUCT.md §4.3): every member of <see cref="DriftReport"/>, written as
/// <c>pool.json</c> is: camelCase, indented, "\n" line endings, keys in declaration order, doubles
/// rounded to 6 decimals (NaN and infinity as null), dictionaries in ordinal key order, UTF-8
/// without BOM, a final newline. For a first month the members with nothing to compare are null.
/// </summary>
internal static class DriftJson
{
    public static string Serialize(DriftReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var info = (JsonTypeInfo<DriftReport>)DriftJsonContext.Readable.GetTypeInfo(typeof(DriftReport))!;
        return JsonSerializer.Serialize(r, info) + "\n";
    }

    public static void Write(string path, DriftReport r) => AtomicFiles.WriteAllText(path, Serialize(r));
}
