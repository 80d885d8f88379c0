using System.Text.Json;
using IcpScoring.Model;

namespace IcpScoring.Cli.Commands;

/// <summary>JSON printed by <c>--json</c>: camelCase, indented, stable key order.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(TextWriter stdout, object body) => stdout.WriteLine(JsonSerializer.Serialize(body, Options));

    /// <summary>The metric keys of PRODUCT.md §7.</summary>
    public static object Metrics(ModelMetrics m) => new { auc = m.Auc, auprc = m.Auprc, f1 = m.F1, logLoss = m.LogLoss, ece = m.Ece };
}
