using System.Globalization;

namespace IcpScoring.Model.Calibration;

/// <summary>
/// Fits Platt scaling, beta calibration and isotonic regression on out-of-fold predictions and keeps
/// the simplest that cross-validates as well as the others on log-loss. Platt has two parameters and
/// cannot overfit a few hundred rows; beta gives the two ends slopes of their own; isotonic follows
/// any monotone shape but is noisy below a few thousand rows, so each more flexible map is kept only
/// when it beats the choice so far by more than two standard errors of the paired difference.
/// </summary>
internal static class CalibratorFit
{
    private const int Folds = 5;

    private static readonly (string Method, Func<bool[], float[], Calibrator> Fit)[] Methods =
        [(Calibrator.Platt, FitPlatt), (Calibrator.Beta, FitBeta), (Calibrator.Isotonic, FitIsotonic)];

    /// <summary>The calibrator, and the calibrated out-of-fold predictions its choice was measured on (honest: each row calibrated by a map fitted without it).</summary>
    /// <remarks>Rows sharing a group (the same person's predictions from repeated folds) stay in one fold.</remarks>
    public static (Calibrator Calibrator, float[] CrossValidated) Choose(bool[] labels, float[] scores, int[] groups, int seed)
    {
        var fold = FoldsOf(labels, groups, seed);
        var predicted = Methods.Select(_ => new float[scores.Length]).ToArray();
        for (var f = 0; f < Folds; f++)
        {
            var fit = Enumerable.Range(0, scores.Length).Where(i => fold[i] != f).ToArray();
            if (fit.Length == scores.Length)
            {
                continue;
            }

            var fitLabels = fit.Select(i => labels[i]).ToArray();
            var fitScores = fit.Select(i => scores[i]).ToArray();
            for (var m = 0; m < Methods.Length; m++)
            {
                var calibrator = Methods[m].Fit(fitLabels, fitScores);
                for (var i = 0; i < scores.Length; i++)
                {
                    if (fold[i] == f)
                    {
                        predicted[m][i] = calibrator.Apply(scores[i]);
                    }
                }
            }
        }

        // Each more flexible method replaces the choice so far only when its cross-validated log-loss
        // is lower by more than two standard errors of the paired per-row difference.
        var chosen = 0;
        var c = CultureInfo.InvariantCulture;
        var notes = new List<string>();
        for (var m = 1; m < Methods.Length; m++)
        {
            var (mean, se) = PairedGain(labels, predicted[chosen], predicted[m]);
            notes.Add(string.Create(c, $"{Methods[m].Method} vs {Methods[chosen].Method} {mean:+0.00000;-0.00000} ± {se:F5}"));
            if (mean > 2 * se)
            {
                chosen = m;
            }
        }

        var losses = string.Join(", ", Methods.Select((x, m) => string.Create(c, $"{x.Method} {ClassifierMetrics.LogLoss(labels, predicted[m]):F5}")));
        var choice = $"cross-validated log-loss {losses}; gains {string.Join(", ", notes)} (a more flexible map is kept only when better by more than 2 standard errors)";
        return (Methods[chosen].Fit(labels, scores) with { Choice = choice }, predicted[chosen]);
    }

    // Mean per-row log-loss gain of b over a, and its standard error.
    private static (double Mean, double Se) PairedGain(bool[] labels, float[] a, float[] b)
    {
        var n = labels.Length;
        var d = new double[n];
        for (var i = 0; i < n; i++)
        {
            d[i] = Loss(labels[i], a[i]) - Loss(labels[i], b[i]);
        }

        var mean = d.Average();
        var se = n > 1 ? Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (n - 1) / n) : double.PositiveInfinity;
        return (mean, se);
    }

    private static double Loss(bool label, float p)
    {
        var q = Math.Clamp((double)p, 1e-15, 1 - 1e-15);
        return label ? -Math.Log(q) : -Math.Log(1 - q);
    }

    /// <summary>Logistic regression of the label on the score's log-odds.</summary>
    public static Calibrator FitPlatt(bool[] labels, float[] scores)
    {
        var w = Logistic(labels, [.. scores.Select(s => new[] { Calibrator.Logit(s) })], [1.0]);
        return new Calibrator { Method = Calibrator.Platt, Slope = w[0], Intercept = w[1] };
    }

    /// <summary>Logistic regression of the label on ln(score) and −ln(1 − score).</summary>
    public static Calibrator FitBeta(bool[] labels, float[] scores)
    {
        var w = Logistic(labels, [.. scores.Select(s => new[] { Calibrator.LogOf(s), -Calibrator.LogOf(1 - (double)s) })], [1.0, 1.0]);
        return new Calibrator { Method = Calibrator.Beta, Slope = w[0], LowerSlope = w[1], Intercept = w[2] };
    }

    // Newton's method on the log-loss, the last weight an intercept; a tiny ridge towards the identity
    // map (weights 1, intercept 0) keeps separable data finite.
    private static double[] Logistic(bool[] labels, double[][] x, double[] start)
    {
        const double ridge = 1e-3;
        var k = start.Length + 1;
        var w = new double[k];
        start.CopyTo(w, 0);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var g = new double[k];
            var h = new double[k, k];
            for (var j = 0; j < k - 1; j++)
            {
                g[j] = ridge * (w[j] - start[j]);
                h[j, j] = ridge;
            }

            h[k - 1, k - 1] = ridge;
            var row = new double[k];
            for (var i = 0; i < labels.Length; i++)
            {
                x[i].CopyTo(row, 0);
                row[k - 1] = 1;
                var z = 0.0;
                for (var j = 0; j < k; j++)
                {
                    z += w[j] * row[j];
                }

                var p = Calibrator.Sigmoid(z);
                var r = p - (labels[i] ? 1 : 0);
                var v = Math.Max(p * (1 - p), 1e-12);
                for (var j = 0; j < k; j++)
                {
                    g[j] += r * row[j];
                    for (var m = 0; m < k; m++)
                    {
                        h[j, m] += v * row[j] * row[m];
                    }
                }
            }

            var step = Solve(h, g);
            if (step is null)
            {
                break;
            }

            var size = 0.0;
            for (var j = 0; j < k; j++)
            {
                w[j] -= step[j];
                size += Math.Abs(step[j]);
            }

            if (size < 1e-10)
            {
                break;
            }
        }

        return w;
    }

    // Gaussian elimination with partial pivoting; null when singular.
    private static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var y = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(m[pivot, c]) < 1e-14)
            {
                return null;
            }

            if (pivot != c)
            {
                for (var j = 0; j < n; j++)
                {
                    (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
                }

                (y[c], y[pivot]) = (y[pivot], y[c]);
            }

            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                for (var j = c; j < n; j++)
                {
                    m[r, j] -= f * m[c, j];
                }

                y[r] -= f * y[c];
            }
        }

        var result = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = y[r];
            for (var j = r + 1; j < n; j++)
            {
                sum -= m[r, j] * result[j];
            }

            result[r] = sum / m[r, r];
        }

        return result;
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
