namespace IcpScoring.Model.Promotion;

/// <summary>
/// How uncertain the difference between two models' AUC and average precision is, measured on the
/// same rows: a seeded, stratified, paired bootstrap. Each resample draws the positives from the
/// positives and the negatives from the negatives (so every resample has both classes and the class
/// balance of the rows), and scores both models on the same drawn rows, so what the models share
/// (hard rows, easy rows) cancels out of the difference.
/// </summary>
internal static class PairedBootstrap
{
    public const int DefaultResamples = 1000;

    /// <summary>The differences <paramref name="challenger"/> minus <paramref name="champion"/> with 95% percentile intervals.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a class is missing.</exception>
    public static BootstrapDifference Compare(IReadOnlyList<bool> labels, IReadOnlyList<float> challenger, IReadOnlyList<float> champion, int seed, int resamples = DefaultResamples)
    {
        if (labels.Count != challenger.Count || labels.Count != champion.Count)
        {
            throw new ArgumentException($"{labels.Count} labels for {challenger.Count} and {champion.Count} scores", nameof(labels));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var positives = Enumerable.Range(0, labels.Count).Where(i => labels[i]).ToArray();
        var negatives = Enumerable.Range(0, labels.Count).Where(i => !labels[i]).ToArray();
        if (positives.Length == 0 || negatives.Length == 0)
        {
            throw new ArgumentException("both classes are needed to compare AUC and average precision", nameof(labels));
        }

        var (auc, ap) = Differences(labels, challenger, champion, Enumerable.Range(0, labels.Count).ToArray());
        var aucs = new double[resamples];
        var aps = new double[resamples];
        var rng = new Random(seed);
        var drawn = new int[labels.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < positives.Length; i++)
            {
                drawn[i] = positives[rng.Next(positives.Length)];
            }

            for (var i = 0; i < negatives.Length; i++)
            {
                drawn[positives.Length + i] = negatives[rng.Next(negatives.Length)];
            }

            (aucs[r], aps[r]) = Differences(labels, challenger, champion, drawn);
        }

        Array.Sort(aucs);
        Array.Sort(aps);
        return new BootstrapDifference(
            auc, Quantile(aucs, 0.025), Quantile(aucs, 0.975),
            ap, Quantile(aps, 0.025), Quantile(aps, 0.975),
            resamples, seed);
    }

    // Linear interpolation between the order statistics, as numpy's default percentile does.
    internal static double Quantile(double[] sorted, double q)
    {
        var at = q * (sorted.Length - 1);
        var low = (int)Math.Floor(at);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((at - low) * (sorted[high] - sorted[low]));
    }

    private static (double Auc, double Ap) Differences(IReadOnlyList<bool> labels, IReadOnlyList<float> challenger, IReadOnlyList<float> champion, int[] rows)
    {
        var y = new bool[rows.Length];
        var a = new float[rows.Length];
        var b = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            y[i] = labels[rows[i]];
            a[i] = challenger[rows[i]];
            b[i] = champion[rows[i]];
        }

        var ga = MetricScoreGroups.From(y, a);
        var gb = MetricScoreGroups.From(y, b);
        return (ClassifierMetrics.Auc(ga) - ClassifierMetrics.Auc(gb), ClassifierMetrics.AveragePrecision(ga) - ClassifierMetrics.AveragePrecision(gb));
    }
}
