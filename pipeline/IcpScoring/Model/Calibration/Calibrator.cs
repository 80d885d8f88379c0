namespace IcpScoring.Model.Calibration;

/// <summary>
/// The map from a trainer's raw score to a calibrated probability, fitted on out-of-fold predictions
/// and stored in <c>model.json</c> (<c>calibration</c>). Monotone, so the ranking (AUC) is kept:
/// Platt scaling is a logistic curve on the score's log-odds; isotonic is a non-decreasing step
/// curve (pool adjacent violators), interpolated linearly between its breakpoints.
/// </summary>
internal sealed record Calibrator
{
    public const string Platt = "platt";
    public const string Isotonic = "isotonic";
    public const string Beta = "beta";

    // Isotonic steps can reach 0 or 1 on a few rows; no connection is certain, and log-loss would be infinite.
    private const double Floor = 1e-3;

    // Isotonic is flat below its first and above its last breakpoint; a thousandth of the raw score
    // keeps the map strictly increasing there, so no two connections the model ranks apart tie (AUC kept).
    private const double TieBreak = 1e-3;

    /// <summary><see cref="Platt"/> or <see cref="Isotonic"/>.</summary>
    public string Method { get; init; } = "";

    /// <summary>Platt: probability = σ(Slope × logit(score) + Intercept).</summary>
    public double Slope { get; init; } = 1;

    public double Intercept { get; init; }

    /// <summary>Beta calibration (Kull et al. 2017): probability = σ(Slope × ln(score) − LowerSlope × ln(1 − score) + Intercept); the two ends get slopes of their own.</summary>
    public double LowerSlope { get; init; }

    /// <summary>Isotonic: raw scores of the breakpoints, ascending.</summary>
    public double[] Scores { get; init; } = [];

    /// <summary>Isotonic: the calibrated probability at each breakpoint, non-decreasing.</summary>
    public double[] Probabilities { get; init; } = [];

    /// <summary>Why this method: the cross-validated Brier scores it was chosen on.</summary>
    public string Choice { get; init; } = "";

    public float Apply(float score) => Method switch
    {
        Platt => (float)Sigmoid((Slope * Logit(score)) + Intercept),
        Beta => (float)Sigmoid((Slope * LogOf(score)) - (LowerSlope * LogOf(1 - (double)score)) + Intercept),
        Isotonic => (float)(((1 - TieBreak) * Interpolate(score)) + (TieBreak * score)),
        _ => score,
    };

    public float[] Apply(IReadOnlyList<float> scores)
    {
        var result = new float[scores.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Apply(scores[i]);
        }

        return result;
    }

    internal static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-7, 1 - 1e-7);
        return Math.Log(q / (1 - q));
    }

    internal static double LogOf(double p) => Math.Log(Math.Clamp(p, 1e-7, 1));

    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private double Interpolate(double score)
    {
        var x = Scores;
        var y = Probabilities;
        if (x.Length == 0)
        {
            return score;
        }

        double p;
        if (score <= x[0])
        {
            p = y[0];
        }
        else if (score >= x[^1])
        {
            p = y[^1];
        }
        else
        {
            var k = Array.BinarySearch(x, score);
            if (k >= 0)
            {
                p = y[k];
            }
            else
            {
                var hi = ~k;
                var lo = hi - 1;
                p = y[lo] + ((y[hi] - y[lo]) * (score - x[lo]) / (x[hi] - x[lo]));
            }
        }

        return Math.Clamp(p, Floor, 1 - Floor);
    }
}
