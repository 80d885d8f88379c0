using System.Text.Json;

namespace IcpScoring.Pipeline;

/// <summary>What the portfolio needs of a snapshot besides its counts, kept with it as JSON.</summary>
internal sealed record SnapshotSummary(string AccountFolder, double IcpMatchRate, string PoolDepth, string ModelVersion, string? Profile = null)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SnapshotSummary? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SnapshotSummary>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
