namespace IcpScoring.Model;

/// <summary>
/// Evaluation metrics for a binary classifier, defined as scikit-learn defines them so that our
/// numbers can be set beside a scikit-learn baseline. <c>labels[i]</c> is true for a positive;
/// <c>scores[i]</c> is the predicted probability of the positive class.
/// </summary>
/// <remarks>
/// Ranking metrics sort once (O(n log n)); the others are a single pass. All sums are in double.
/// Mismatched lengths and NaN scores throw <see cref="ArgumentException"/>.
/// </remarks>
internal static class ClassifierMetrics
{
    // sklearn's historical log_loss eps; sklearn 1.2+ defaults to the dtype's machine epsilon instead,
    // which differs only for scores within 1e-15 of 0 or 1.
    private const double LogLossEpsilon = 1e-15;

    /// <summary>ROC AUC with tied scores counted half (= sklearn <c>roc_auc_score</c>); NaN when a class is missing.</summary>
    public static double Auc(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores) =>
        Auc(MetricScoreGroups.From(labels, scores));

    /// <summary>
    /// Step-wise average precision, one step per distinct score (= sklearn <c>average_precision_score</c>);
    /// NaN without positives.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores) =>
        AveragePrecision(MetricScoreGroups.From(labels, scores));

    /// <summary>
    /// F1 with a row predicted positive when its score is at least <paramref name="threshold"/>;
    /// 0 when there are neither predicted nor actual positives (sklearn's <c>zero_division</c> default).
    /// </summary>
    public static double F1(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, double threshold)
    {
        MetricInput.Validate(labels, scores);
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("Threshold is NaN.", nameof(threshold));
        }

        var truePositives = 0;
        var falsePositives = 0;
        var positives = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var predicted = scores[i] >= threshold;
            if (labels[i])
            {
                positives++;
                if (predicted)
                {
                    truePositives++;
                }
            }
            else if (predicted)
            {
                falsePositives++;
            }
        }

        return F1(truePositives, falsePositives, positives);
    }

    /// <summary>
    /// Mean natural-log loss with probabilities clipped to [1e-15, 1 - 1e-15] (= sklearn <c>log_loss</c>
    /// with <c>eps=1e-15</c>); NaN for no rows. Unlike sklearn it does not refuse a single-class input.
    /// </summary>
    public static double LogLoss(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores)
    {
        MetricInput.Validate(labels, scores);
        if (scores.Length == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            // Clip first, then take the complement, in the order sklearn does.
            var p = Math.Clamp((double)scores[i], LogLossEpsilon, 1 - LogLossEpsilon);
            sum -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / scores.Length;
    }

    /// <summary>
    /// Expected calibration error over <paramref name="bins"/> equal-width bins of [0, 1]
    /// (bin k holds [k/B, (k+1)/B), a score of exactly 1 goes in the last bin): the sum over bins of
    /// (n_b / N) * |mean(label) - mean(score)|. NaN for no rows; scores must lie in [0, 1].
    /// </summary>
    public static double ExpectedCalibrationError(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, int bins = 10)
    {
        MetricInput.Validate(labels, scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (scores.Length == 0)
        {
            return double.NaN;
        }

        var rows = new int[bins];
        var positives = new int[bins];
        var scoreSums = new double[bins];
        for (var i = 0; i < scores.Length; i++)
        {
            double score = scores[i];
            if (score is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(scores), score, $"Score at index {i} is outside [0, 1].");
            }

            // A float times a bin count below 2^29 is exact in double, so the floor lands every score in
            // the bin its true value belongs to, with no rounding across an edge.
            var bin = Math.Min((int)(score * bins), bins - 1);
            rows[bin]++;
            scoreSums[bin] += score;
            if (labels[i])
            {
                positives[bin]++;
            }
        }

        // (n_b / N) * |pos_b / n_b - sum_b / n_b| = |pos_b - sum_b| / N.
        var gap = 0.0;
        for (var b = 0; b < bins; b++)
        {
            gap += Math.Abs(positives[b] - scoreSums[b]);
        }

        return gap / scores.Length;
    }

    /// <summary>Every metric above, sorting the predictions only once.</summary>
    public static ModelMetricsValues All(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, double threshold)
    {
        var groups = MetricScoreGroups.From(labels, scores);
        return new ModelMetricsValues(
            Auc(groups),
            AveragePrecision(groups),
            F1(labels, scores, threshold),
            LogLoss(labels, scores),
            ExpectedCalibrationError(labels, scores),
            scores.Length,
            groups.TotalPositives);
    }

    internal static double Auc(MetricScoreGroups groups)
    {
        if (groups.TotalPositives == 0 || groups.TotalNegatives == 0)
        {
            return double.NaN;
        }

        // Mann-Whitney: each negative scores 1 per positive above it and 1/2 per positive tied with it.
        // The sum is a multiple of 1/2 below 2^52 for any realistic row count, so it is exact.
        var positivesAbove = 0.0;
        var wins = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            wins += groups.Negatives[g] * (positivesAbove + (groups.Positives[g] * 0.5));
            positivesAbove += groups.Positives[g];
        }

        return wins / ((double)groups.TotalPositives * groups.TotalNegatives);
    }

    internal static double AveragePrecision(MetricScoreGroups groups)
    {
        if (groups.TotalPositives == 0)
        {
            return double.NaN;
        }

        // Sum over thresholds of (recall gain) * (precision at that threshold), a threshold per distinct score.
        var truePositives = 0;
        var predicted = 0;
        var sum = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            var gained = groups.Positives[g];
            truePositives += gained;
            predicted += gained + groups.Negatives[g];
            if (gained > 0)
            {
                sum += gained * ((double)truePositives / predicted);
            }
        }

        // Dividing once keeps a perfect ranking at exactly 1, not 1 + rounding.
        return Math.Min(1.0, sum / groups.TotalPositives);
    }

    internal static double F1(int truePositives, int falsePositives, int positives)
    {
        // 2TP / (2TP + FP + FN) with FN = positives - TP.
        var denominator = (double)truePositives + falsePositives + positives;
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }
}

/// <summary>The evaluation of one set of predictions; lives beside <see cref="ClassifierMetrics.All"/>, its only producer.</summary>
internal readonly record struct ModelMetricsValues(
    double Auc, double Auprc, double F1, double LogLoss, double Ece, int Rows, int Positives);
