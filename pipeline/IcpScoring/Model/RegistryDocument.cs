namespace IcpScoring.Model;

// The content of registry.json: which version is champion and how it got there.
internal sealed record RegistryDocument(string? Champion, IReadOnlyList<RegistryPromotion> Promotions)
{
    public static RegistryDocument Empty { get; } = new(null, []);
}
