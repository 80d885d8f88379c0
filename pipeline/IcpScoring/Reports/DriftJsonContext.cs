using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using IcpScoring.Drift;

namespace IcpScoring.Reports;

// ReportJson's options, plus the features dictionary sorted like the others. A context of its own
// because the JSON source generator cannot take [JsonSerializable] from a second partial declaration
// of ReportJson (it emits every file twice); folding DriftReport into ReportJson would remove this copy.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    Converters = [typeof(RoundedDoubleConverter), typeof(OrdinalKeyOrderConverter<long>), typeof(OrdinalKeyOrderConverter<string>), typeof(OrdinalKeyOrderConverter<FeatureDrift>)])]
[JsonSerializable(typeof(DriftReport))]
internal sealed partial class DriftJsonContext : JsonSerializerContext
{
    /// <summary>As <c>Default</c>, with names in any script left readable, as <see cref="ReportJson.Readable"/> does.</summary>
    public static DriftJsonContext Readable => _readable.Value;

    // Lazy for the reason ReportJson gives: Default is initialised in the generated half.
    private static readonly Lazy<DriftJsonContext> _readable = new(CreateReadable);

    private static DriftJsonContext CreateReadable() => new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
