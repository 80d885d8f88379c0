using System.Text.Json;
using System.Text.Json.Serialization;

namespace IcpScoring.Model;

// Source-generated, so property order is declaration order on every runtime and the files are
// byte-for-byte reproducible. Named literals because a metric of a degenerate fold can be NaN,
// which plain JSON cannot hold.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ModelMetadata))]
[JsonSerializable(typeof(RegistryDocument))]
internal sealed partial class RegistryJson : JsonSerializerContext;
