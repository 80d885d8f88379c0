using System.Globalization;

namespace IcpScoring.Reports;

/// <summary>Numbers as people read them in the HTML reports: 12,345; 12.3%; +1.5 pts. Always invariant culture.</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("#,0", Inv);

    /// <summary>A count that may be fractional: at most one decimal.</summary>
    public static string Amount(double value) => NoNegativeZero(value.ToString("#,0.#", Inv));

    /// <summary>An expected number of people (conversations, new connections) in whole people: 46.8 is 47, half rounds up.</summary>
    public static string People(double value) => Count((long)Math.Round(value, MidpointRounding.AwayFromZero));

    /// <summary>A rate between 0 and 1 as a percentage with one decimal.</summary>
    public static string Percent(double rate) => NoNegativeZero((rate * 100).ToString("0.0", Inv)) + "%";

    /// <summary>A benchmark rate with no needless decimals: 28%, 14.6%.</summary>
    public static string Rate(double rate) => NoNegativeZero((rate * 100).ToString("0.#", Inv)) + "%";

    public static string Interval(double[] ci) =>
        ci is [var low, var high] ? $"{Percent(low)}–{Percent(high)}" : "n/a";

    /// <summary>A change in percentage points, signed: +1.5 pts, −0.3 pts, 0.0 pts.</summary>
    public static string Points(double points)
    {
        var text = NoNegativeZero(points.ToString("0.0", Inv));
        return (text == "0.0" ? text : points > 0 ? "+" + text : "−" + text.TrimStart('-')) + " pts";
    }

    /// <summary>A signed change in a count: +12, −3, 0.</summary>
    public static string Change(long delta) =>
        delta > 0 ? "+" + Count(delta) : delta < 0 ? "−" + Count(-delta) : "0";

    public static string Score(double score) => score.ToString("0.00", Inv);

    public static string PoolDepth(string depth) => depth switch
    {
        "too-shallow" => "Too shallow",
        "minimal" => "Minimal",
        "healthy" => "Healthy",
        _ => depth,
    };

    private static string NoNegativeZero(string text) =>
        text.StartsWith('-') && text.Skip(1).All(c => c is '0' or '.' or ',') ? text[1..] : text;
}
