using IcpScoring.Reports;

namespace IcpScoring.Drift;

/// <summary>
/// The statistics of the drift report: population stability index, Jensen–Shannon divergence,
/// and the two-proportion comparison of match rates (Newcombe interval, pooled z-test).
/// </summary>
internal static class DriftStatistics
{
    /// <summary>Empty categories count as this share, so a category new in one month never makes PSI infinite.</summary>
    public const double Floor = 1e-4;

    /// <summary>PSI = Σ (now − then) · ln(now / then) over shares, with empty shares floored.</summary>
    public static double Psi(IReadOnlyList<double> previous, IReadOnlyList<double> current)
    {
        var psi = 0.0;
        for (var i = 0; i < previous.Count; i++)
        {
            var p = Math.Max(previous[i], Floor);
            var q = Math.Max(current[i], Floor);
            psi += (q - p) * Math.Log(q / p);
        }

        return psi;
    }

    /// <summary>Jensen–Shannon divergence in bits: 0 for the same distribution, at most 1; always finite.</summary>
    public static double JensenShannon(IReadOnlyList<double> previous, IReadOnlyList<double> current)
    {
        var js = 0.0;
        for (var i = 0; i < previous.Count; i++)
        {
            var p = previous[i];
            var q = current[i];
            var m = (p + q) / 2;
            if (p > 0)
            {
                js += 0.5 * p * Math.Log2(p / m);
            }

            if (q > 0)
            {
                js += 0.5 * q * Math.Log2(q / m);
            }
        }

        return Math.Max(0, js);
    }

    /// <summary>"stable" below 0.1, "moderate" up to 0.25, "major" above.</summary>
    public static string Band(double psi) => psi < 0.1 ? "stable" : psi <= 0.25 ? "moderate" : "major";

    /// <summary>A shift in words a marketer reads, with its band: "Industry mix shifted a lot (major)".</summary>
    public static string Describe(string what, double psi) => Band(psi) switch
    {
        "stable" => $"{what} held (stable)",
        "moderate" => $"{what} shifted somewhat (moderate)",
        _ => $"{what} shifted a lot (major)",
    };

    /// <summary>
    /// The change from x1/n1 to x2/n2: the difference, its 95% Newcombe (hybrid Wilson score)
    /// interval, and the two-sided p-value of the pooled two-proportion z-test.
    /// </summary>
    public static (double Delta, double Low, double High, double PValue) CompareProportions(long x1, long n1, long x2, long n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return (0, double.NaN, double.NaN, double.NaN);
        }

        var p1 = x1 / (double)n1;
        var p2 = x2 / (double)n2;
        var (l1, u1) = Bounds(x1, n1);
        var (l2, u2) = Bounds(x2, n2);
        var d = p2 - p1;
        var low = d - Math.Sqrt(((p2 - l2) * (p2 - l2)) + ((u1 - p1) * (u1 - p1)));
        var high = d + Math.Sqrt(((u2 - p2) * (u2 - p2)) + ((p1 - l1) * (p1 - l1)));

        var pooled = (x1 + x2) / (double)(n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        var pValue = se == 0 ? 1.0 : 2 * UpperTail(Math.Abs(d) / se);
        return (d, low, high, Math.Min(1, pValue));
    }

    /// <summary>Shares of each category, in the given order.</summary>
    public static double[] Shares(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        return [.. counts.Select(c => total == 0 ? 0 : c / (double)total)];
    }

    // The same Wilson score interval as the pool report's match rate.
    private static (double Low, double High) Bounds(long x, long n) => PoolArithmetic.Wilson95(x, n) is [var low, var high] ? (low, high) : (0, 1);

    /// <summary>P(Z &gt; z) of the standard normal, from the Chebyshev approximation of erfc in Numerical Recipes (relative error below 1.2e-7).</summary>
    internal static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var k = c.Length - 1; k >= 1; k--)
        {
            poly = t * (c[k] + poly);
        }

        var r = t * Math.Exp((-z * z) + c[0] + poly);
        return x >= 0 ? r : 2 - r;
    }
}
