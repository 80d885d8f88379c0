using System.Text.Json;
using System.Text.Json.Serialization;

namespace IcpScoring.Model.Promotion;

// Source-generated like RegistryJson, so rows.json and comparison.json are reproducible byte for byte.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(VersionRows))]
[JsonSerializable(typeof(ChampionComparison))]
internal sealed partial class PromotionJson : JsonSerializerContext;
