using System.Globalization;

namespace IcpScoring.Model;

/// <summary>
/// Which candidate trainer to keep, from their out-of-fold predictions. Logistic regression is the
/// default: another trainer replaces it only when its average precision is ahead by more than two
/// standard errors across the folds (Nadeau and Bengio's corrected variance, since folds share most
/// of their training rows, and repeated folds share all of them). On a few hundred rows the
/// trainers' difference is mostly noise, and the simpler model is the safer bet.
/// </summary>
internal static class TrainerChoice
{
    /// <summary>The trainer kept, and a caveat in words when the comparison could not tell them apart.</summary>
    /// <remarks><paramref name="outOfFold"/> holds per trainer the pooled predictions, repetition r's row i at r × n + i; <paramref name="folds"/> each repetition's folds.</remarks>
    public static (string Trainer, string? Caveat) Choose(IReadOnlyList<string> candidates, bool[] labels, IReadOnlyDictionary<string, float[]> outOfFold, int[][] folds, int foldCount)
    {
        var byAuprc = candidates.OrderByDescending(t => ClassifierMetrics.AveragePrecision(Pooled(labels, folds.Length), outOfFold[t])).First();
        if (!candidates.Contains(TrainerCatalog.LogisticRegression, StringComparer.Ordinal) || candidates.Count == 1)
        {
            return (byAuprc, null);
        }

        var c = CultureInfo.InvariantCulture;
        var best = TrainerCatalog.LogisticRegression;
        string? caveat = null;
        foreach (var other in candidates.Where(t => t != TrainerCatalog.LogisticRegression))
        {
            var (mean, se) = Difference(labels, outOfFold[other], outOfFold[TrainerCatalog.LogisticRegression], folds, foldCount);
            if (mean > 2 * se)
            {
                if (best == TrainerCatalog.LogisticRegression || mean > Difference(labels, outOfFold[best], outOfFold[TrainerCatalog.LogisticRegression], folds, foldCount).Mean)
                {
                    best = other;
                }
            }
            else if (mean > 0)
            {
                caveat = string.Create(c, $"{other} was ahead of LogisticRegression by {mean:F3} average precision, within noise (± {se:F3}, {folds.Length} × {foldCount}-fold cross-validation on {labels.Length:N0} rows): LogisticRegression kept");
            }
        }

        return (best, best == TrainerCatalog.LogisticRegression ? caveat : null);
    }

    /// <summary>Mean fold-level difference in average precision (a − b) and its corrected standard error.</summary>
    public static (double Mean, double Se) Difference(bool[] labels, float[] a, float[] b, int[][] folds, int foldCount)
    {
        var n = labels.Length;
        var differences = new List<double>();
        for (var r = 0; r < folds.Length; r++)
        {
            for (var f = 0; f < foldCount; f++)
            {
                var rows = Enumerable.Range(0, n).Where(i => folds[r][i] == f).ToArray();
                var y = rows.Select(i => labels[i]).ToArray();
                if (!y.Contains(true))
                {
                    continue;
                }

                var d = ClassifierMetrics.AveragePrecision(y, [.. rows.Select(i => a[(r * n) + i])])
                    - ClassifierMetrics.AveragePrecision(y, [.. rows.Select(i => b[(r * n) + i])]);
                differences.Add(d);
            }
        }

        var j = differences.Count;
        if (j < 2)
        {
            return (differences.Count == 1 ? differences[0] : 0, double.PositiveInfinity);
        }

        var mean = differences.Average();
        var variance = differences.Sum(x => (x - mean) * (x - mean)) / (j - 1);
        var testShare = 1.0 / foldCount;
        var corrected = ((1.0 / j) + (testShare / (1 - testShare))) * variance;
        return (mean, Math.Sqrt(corrected));
    }

    /// <summary>The labels repeated once per repetition, matching the pooled predictions.</summary>
    public static bool[] Pooled(bool[] labels, int repetitions) =>
        [.. Enumerable.Range(0, repetitions).SelectMany(_ => labels)];
}
