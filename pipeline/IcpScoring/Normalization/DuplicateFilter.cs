namespace IcpScoring.Normalization;

/// <summary>
/// Recognises a connection seen before in the same account: the same profile URL, or without one the
/// same name, company and connection date. Hidden profiles are never duplicates (they have no
/// identity). Keys are kept as 64-bit hashes, so memory grows by a few bytes a row, not by the
/// row's text.
/// </summary>
internal sealed class DuplicateFilter
{
    private readonly HashSet<ulong> _seen = [];

    /// <summary>True the first time a connection is seen; false for a duplicate.</summary>
    public bool FirstTime(Connection connection)
    {
        if (connection.IsHidden)
        {
            return true;
        }

        ulong key;
        if (connection.ProfileUrl.Length > 0)
        {
            key = Hash(Hash(Hash(Offset, connection.Account), "url"), connection.ProfileUrl);
        }
        else if (connection.Name.Length > 0)
        {
            key = Hash(Hash(Hash(Hash(Offset, connection.Account), connection.Name.ToUpperInvariant()), CompanyNames.Key(connection.Company)), connection.ConnectedOn?.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        else
        {
            // Nothing identifies the person: never call it a duplicate.
            return true;
        }

        return _seen.Add(key);
    }

    private const ulong Offset = 14695981039346656037;

    // FNV-1a over the characters, with a separator so ("ab","c") and ("a","bc") differ.
    private static ulong Hash(ulong h, string s)
    {
        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211;
        }

        return (h ^ 0x1F) * 1099511628211;
    }
}
