using System.Text.Json;
using System.Text.Json.Serialization;

namespace IcpScoring.Reports;

/// <summary>
/// Doubles rounded to <see cref="Decimals"/> places, so a report's bytes do not depend on the last
/// bits of floating-point arithmetic. A value JSON cannot hold (NaN, infinity) is written as null.
/// </summary>
internal sealed class RoundedDoubleConverter : JsonConverter<double>
{
    public const int Decimals = 6;

    public override bool HandleNull => false;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (!double.IsFinite(value))
        {
            writer.WriteNullValue();
            return;
        }

        var rounded = Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
        // -0.0000001 rounds to -0, which would print as "-0".
        writer.WriteNumberValue(rounded == 0 ? 0 : rounded);
    }
}
