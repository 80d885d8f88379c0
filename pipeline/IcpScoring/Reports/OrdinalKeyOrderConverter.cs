using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace IcpScoring.Reports;

/// <summary>
/// A string-keyed dictionary written with its keys in ordinal order, whatever order it was built
/// in, so the same report always gives the same bytes. Keys are written as given (tier "A", link names).
/// </summary>
internal sealed class OrdinalKeyOrderConverter<TValue> : JsonConverter<IReadOnlyDictionary<string, TValue>>
{
    public override IReadOnlyDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object");
        }

        var info = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        var result = new SortedDictionary<string, TValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            result[key] = JsonSerializer.Deserialize(ref reader, info)!;
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, TValue> value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        writer.WriteStartObject();
        foreach (var key in value.Keys.Order(StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, value[key], info);
        }

        writer.WriteEndObject();
    }
}
