using System.Security.Cryptography;
using System.Text;
using IcpScoring.Normalization;

namespace IcpScoring.Pipeline;

/// <summary>
/// The identity of a connection across months, as an opaque hash (no names in the database): the
/// profile URL, or without one the name and the connection date (not the company, which changes
/// when the person changes jobs).
/// </summary>
internal static class SnapshotKeys
{
    public static string For(Connection c, long ordinal)
    {
        var identity = c.IsHidden ? $"hidden\u001f{ordinal}"
            : c.ProfileUrl.Length > 0 ? "url\u001f" + c.ProfileUrl
            : c.Name.Length > 0 ? $"name\u001f{c.Name.ToUpperInvariant()}\u001f{c.ConnectedOn?.DayNumber}"
            : $"anonymous\u001f{ordinal}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(identity), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
