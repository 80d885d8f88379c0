using System.Text.Json;
using IcpScoring.Model;
using IcpScoring.Model.Promotion;

namespace IcpScoring.Cli.Commands;

/// <summary>JSON printed by <c>--json</c>: camelCase, indented, stable key order.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(TextWriter stdout, object body) => stdout.WriteLine(JsonSerializer.Serialize(body, Options));

    /// <summary>The metric keys of PRODUCT.md §7.</summary>
    public static object Metrics(ModelMetrics m) => new { auc = m.Auc, auprc = m.Auprc, f1 = m.F1, logLoss = m.LogLoss, ece = m.Ece };

    /// <summary>A comparison with the champion: on which rows, the differences with their 95% intervals, the verdict.</summary>
    public static object Comparison(ChampionComparison c) => new
    {
        challenger = c.Challenger,
        champion = c.Champion,
        basis = c.Basis,
        rows = c.RowCount,
        positives = c.Positives,
        onRows = c.Rows,
        holdoutSeenByChampion = c.HoldoutSeenByChampion,
        challengerMetrics = c.ChallengerMetrics is { } a ? Metrics(a) : null,
        championMetrics = c.ChampionMetrics is { } b ? Metrics(b) : null,
        aucDifference = c.Difference is { } d ? new { value = d.Auc, low = d.AucLow, high = d.AucHigh } : null,
        averagePrecisionDifference = c.Difference is { } e ? new { value = e.AveragePrecision, low = e.AveragePrecisionLow, high = e.AveragePrecisionHigh } : null,
        resamples = c.Difference?.Resamples,
        tolerance = c.Tolerance,
        verdict = c.Verdict,
        why = c.Why,
        promoted = c.Promoted,
    };
}
