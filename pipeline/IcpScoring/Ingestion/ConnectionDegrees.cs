namespace IcpScoring.Ingestion;

/// <summary>
/// Reads a connection degree as exporters write it: <c>1st</c>, <c>2nd</c>, <c>3rd</c>, <c>3rd+</c>,
/// <c>1</c>, <c>2</c>, <c>3</c>, <c>• 2nd</c>, <c>2nd degree</c>, <c>Out of network</c>,
/// <c>OUT_OF_NETWORK</c>, <c>DISTANCE_2</c>, in any case.
/// </summary>
internal static class ConnectionDegrees
{
    /// <summary>The degree of a cell; false for a value that is not a degree (an empty cell is <see cref="ConnectionDegree.Unknown"/>).</summary>
    public static bool TryParse(string? text, out ConnectionDegree degree)
    {
        degree = ConnectionDegree.Unknown;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        // Letters, digits and "+" only, lower case; the words around the number say nothing more.
        var key = new string([.. text.Where(c => char.IsAsciiLetterOrDigit(c) || c == '+').Select(char.ToLowerInvariant)])
            .Replace("degree", "", StringComparison.Ordinal)
            .Replace("distance", "", StringComparison.Ordinal)
            .Replace("connection", "", StringComparison.Ordinal);
        degree = key switch
        {
            "1" or "1st" or "first" => ConnectionDegree.First,
            "2" or "2nd" or "second" => ConnectionDegree.Second,
            "3" or "3rd" or "3+" or "3rd+" or "third" => ConnectionDegree.Third,
            "outofnetwork" or "oon" => ConnectionDegree.OutOfNetwork,
            _ => ConnectionDegree.Unknown,
        };
        return degree != ConnectionDegree.Unknown;
    }

    /// <summary>How reports name a degree: "1st", "2nd", "3rd", "out of network".</summary>
    public static string Label(ConnectionDegree degree) => degree switch
    {
        ConnectionDegree.First => "1st",
        ConnectionDegree.Second => "2nd",
        ConnectionDegree.Third => "3rd",
        ConnectionDegree.OutOfNetwork => "out of network",
        _ => "unknown",
    };
}
