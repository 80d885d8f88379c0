using System.Globalization;

namespace IcpScoring.Model.Calibration;

/// <summary>
/// Fits Platt scaling and isotonic regression on out-of-fold predictions and keeps the one that
/// cross-validates better on the Brier score. Platt has two parameters and cannot overfit a few
/// hundred rows; isotonic follows any monotone shape but is noisy on small sets, so it is kept only
/// when it beats Platt by more than two standard errors of the paired difference.
/// </summary>
internal static class CalibratorFit
{
    private const int Folds = 5;

    /// <summary>The calibrator, and the calibrated out-of-fold predictions its choice was measured on (honest: each row calibrated by a map fitted without it).</summary>
    /// <remarks>Rows sharing a group (the same person's predictions from repeated folds) stay in one fold.</remarks>
    public static (Calibrator Calibrator, float[] CrossValidated) Choose(bool[] labels, float[] scores, int[] groups, int seed)
    {
        var fold = FoldsOf(labels, groups, seed);
        var platt = new float[scores.Length];
        var isotonic = new float[scores.Length];
        for (var f = 0; f < Folds; f++)
        {
            var fit = Enumerable.Range(0, scores.Length).Where(i => fold[i] != f).ToArray();
            if (fit.Length == scores.Length)
            {
                continue;
            }

            var fitLabels = fit.Select(i => labels[i]).ToArray();
            var fitScores = fit.Select(i => scores[i]).ToArray();
            var p = FitPlatt(fitLabels, fitScores);
            var q = FitIsotonic(fitLabels, fitScores);
            for (var i = 0; i < scores.Length; i++)
            {
                if (fold[i] == f)
                {
                    platt[i] = p.Apply(scores[i]);
                    isotonic[i] = q.Apply(scores[i]);
                }
            }
        }

        // Paired per-row difference of squared errors: positive when isotonic is better.
        var n = scores.Length;
        var d = new double[n];
        for (var i = 0; i < n; i++)
        {
            var y = labels[i] ? 1.0 : 0.0;
            d[i] = ((platt[i] - y) * (platt[i] - y)) - ((isotonic[i] - y) * (isotonic[i] - y));
        }

        var mean = d.Average();
        var se = n > 1 ? Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (n - 1) / n) : double.PositiveInfinity;
        var brierPlatt = Brier(labels, platt);
        var brierIsotonic = Brier(labels, isotonic);
        var useIsotonic = mean > 2 * se;
        var choice = string.Create(CultureInfo.InvariantCulture,
            $"cross-validated Brier score: platt {brierPlatt:F5}, isotonic {brierIsotonic:F5} (isotonic better by {mean:F5} ± {se:F5}; kept only when better by more than 2 standard errors)");
        var calibrator = (useIsotonic ? FitIsotonic(labels, scores) : FitPlatt(labels, scores)) with { Choice = choice };
        return (calibrator, useIsotonic ? isotonic : platt);
    }

    /// <summary>Logistic regression of the label on the score's log-odds, by Newton's method (a tiny ridge keeps separable data finite).</summary>
    public static Calibrator FitPlatt(bool[] labels, float[] scores)
    {
        double a = 1, b = 0;
        const double ridge = 1e-3;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = ridge * (a - 1), gb = 0, haa = ridge, hab = 0, hbb = ridge;
            for (var i = 0; i < scores.Length; i++)
            {
                var x = Calibrator.Logit(scores[i]);
                var p = Calibrator.Sigmoid((a * x) + b);
                var r = p - (labels[i] ? 1 : 0);
                var w = Math.Max(p * (1 - p), 1e-12);
                ga += r * x;
                gb += r;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }

            var det = (haa * hbb) - (hab * hab);
            if (det <= 0)
            {
                break;
            }

            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10)
            {
                break;
            }
        }

        return new Calibrator { Method = Calibrator.Platt, Slope = a, Intercept = b };
    }

    /// <summary>Pool adjacent violators over the scores in ascending order; tied scores form one block.</summary>
    public static Calibrator FitIsotonic(bool[] labels, float[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var x = new List<double>();
        var sum = new List<double>();
        var weight = new List<double>();
        var xWeighted = new List<double>();
        foreach (var i in order)
        {
            double s = scores[i];
            var y = labels[i] ? 1.0 : 0.0;
            if (x.Count > 0 && x[^1] == s)
            {
                sum[^1] += y;
                weight[^1] += 1;
                xWeighted[^1] += s;
            }
            else
            {
                x.Add(s);
                sum.Add(y);
                weight.Add(1);
                xWeighted.Add(s);
            }

            // Merge backwards while the block means decrease.
            while (sum.Count > 1 && sum[^2] / weight[^2] > sum[^1] / weight[^1])
            {
                sum[^2] += sum[^1];
                weight[^2] += weight[^1];
                xWeighted[^2] += xWeighted[^1];
                x.RemoveAt(x.Count - 1);
                sum.RemoveAt(sum.Count - 1);
                weight.RemoveAt(weight.Count - 1);
                xWeighted.RemoveAt(xWeighted.Count - 1);
            }
        }

        // Each block is placed at its mean score, and interpolation runs between blocks.
        var breakpoints = Enumerable.Range(0, sum.Count).Select(k => xWeighted[k] / weight[k]).ToArray();
        var probabilities = Enumerable.Range(0, sum.Count).Select(k => sum[k] / weight[k]).ToArray();
        return new Calibrator { Method = Calibrator.Isotonic, Scores = breakpoints, Probabilities = probabilities };
    }

    public static double Brier(bool[] labels, float[] p)
    {
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var e = p[i] - (labels[i] ? 1.0 : 0.0);
            sum += e * e;
        }

        return p.Length == 0 ? double.NaN : sum / p.Length;
    }

    // Stratified by label and seeded; a group goes where its first row goes.
    private static int[] FoldsOf(bool[] labels, int[] groups, int seed)
    {
        var rng = new Random(seed + 7);
        var groupFold = new Dictionary<int, int>();
        var firstOf = new Dictionary<int, int>();
        for (var i = 0; i < groups.Length; i++)
        {
            firstOf.TryAdd(groups[i], i);
        }

        foreach (var cls in new[] { true, false })
        {
            var members = firstOf.Where(kv => labels[kv.Value] == cls).Select(kv => kv.Key).Order().ToArray();
            rng.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                groupFold[members[k]] = k % Folds;
            }
        }

        return [.. groups.Select(g => groupFold[g])];
    }
}
