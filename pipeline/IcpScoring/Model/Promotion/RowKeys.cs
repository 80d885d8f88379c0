using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace IcpScoring.Model.Promotion;

/// <summary>
/// A stable 64-bit key for a labeled row: FNV-1a over the model's input as it sees it, with the
/// label in the lowest bit. Stable across runs, machines and .NET versions (unlike
/// <see cref="string.GetHashCode()"/>), so keys written with one version can be matched by the next.
/// </summary>
internal static class RowKeys
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(ModelInput row)
    {
        // The title in upper case, as the labeled-row deduplication compares it: the featurizer
        // does not tell "VP Sales" from "vp sales".
        var text = string.Join('\u001f',
            row.Title.ToUpperInvariant(),
            row.Industry,
            row.IndustryGroup,
            row.SizeBucket,
            row.SizeOrdinal.ToString("R", CultureInfo.InvariantCulture),
            row.Seniority,
            row.Function,
            row.SeniorityFunction);
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return (hash & ~1UL) | (row.Label ? 1UL : 0UL);
    }

    /// <summary>The key without its label: the same input, whatever it was labeled.</summary>
    public static ulong Input(ulong key) => key & ~1UL;

    public static bool Label(ulong key) => (key & 1UL) == 1UL;

    /// <summary>Keys as URL-safe base64 of their little-endian bytes: 11 characters a key instead of 20 digits, none that JSON escapes.</summary>
    public static string Encode(IEnumerable<ulong> keys)
    {
        var list = keys.ToList();
        var bytes = new byte[list.Count * sizeof(ulong)];
        for (var i = 0; i < list.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), list[i]);
        }

        return Base64Url.EncodeToString(bytes);
    }

    /// <exception cref="FormatException">Not base64 of whole keys.</exception>
    public static ulong[] Decode(string text)
    {
        var bytes = Base64Url.DecodeFromChars(text);
        if (bytes.Length % sizeof(ulong) != 0)
        {
            throw new FormatException("the keys are not a whole number of 8-byte values");
        }

        var keys = new ulong[bytes.Length / sizeof(ulong)];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)));
        }

        return keys;
    }
}
