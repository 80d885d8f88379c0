using IcpScoring.Model;
using IcpScoring.Model.Promotion;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// What a retrain job did, kept as the job's result (in Hangfire's storage, shown on its dashboard
/// and on the retrain page): the challenger's holdout metrics and how it compared with the champion on rows neither trained on.
/// </summary>
internal sealed record RetrainResult(string Summary, string? Version = null, bool Promoted = false, ModelMetrics? Challenger = null, string? Champion = null, ModelMetrics? ChampionOnHoldout = null)
{
    /// <summary>The profile the challenger was trained for.</summary>
    public string Profile { get; init; } = "";

    /// <summary>How the challenger compared with the champion: on which rows, how sure, the verdict.</summary>
    public ChampionComparison? Comparison { get; init; }

    /// <summary>The challenger's reliability diagram on the held-out rows; null in results stored before calibration.</summary>
    public IcpScoring.Model.Calibration.Reliability? Reliability { get; init; }

    /// <summary>The calibration kept and why, in words.</summary>
    public string? Calibration { get; init; }

    /// <summary>What the numbers rest on, when it is little.</summary>
    public string[]? Caveats { get; init; }

    public override string ToString() => Summary;
}
