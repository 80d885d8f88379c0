using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace IcpScoring.Reports;

// Source-generated, so keys come in declaration order on every runtime (as RegistryJson does);
// doubles rounded and dictionaries sorted by the converters, so the files are byte-stable.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    Converters = [typeof(RoundedDoubleConverter), typeof(OrdinalKeyOrderConverter<long>), typeof(OrdinalKeyOrderConverter<string>)])]
[JsonSerializable(typeof(PoolReport))]
[JsonSerializable(typeof(PortfolioReport))]
internal sealed partial class ReportJson : JsonSerializerContext
{
    /// <summary>
    /// The context the writers use: as <c>Default</c>, but names in any
    /// script stay readable ("Zoë", not "Zo\u00EB"); quotes, controls and HTML-significant
    /// characters are still escaped.
    /// </summary>
    public static ReportJson Readable => _readable.Value;

    // Lazy: the generated Default lives in the other half of this partial class, and static
    // initializers of partial classes run in no order one can rely on.
    private static readonly Lazy<ReportJson> _readable = new(CreateReadable);

    public static string Serialize<T>(T value)
    {
        var info = (JsonTypeInfo<T>)Readable.GetTypeInfo(typeof(T))!;
        return JsonSerializer.Serialize(value, info) + "\n";
    }

    private static ReportJson CreateReadable() => new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
