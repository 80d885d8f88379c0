namespace IcpScoring.Model.Calibration;

/// <summary>
/// A reliability diagram: per equal-width bin of predicted probability, the mean prediction, the
/// observed ICP rate and the row count; their weighted gap is the ECE. <see cref="NoiseFloor"/> is
/// the ECE a perfectly calibrated model would show on these rows by chance (labels drawn from the
/// predictions themselves, averaged over seeded draws): on a few hundred rows it is several points,
/// and an ECE near it says no more than "not measurably miscalibrated".
/// </summary>
// Bins is an array, not a list interface: Hangfire stores a retrain job's result with type names
// wherever a declared type differs from the object's, which the retrain page could not read back.
internal sealed record Reliability(ReliabilityBin[] Bins, double Ece, double NoiseFloor, int Rows)
{
    public const int DefaultBins = 10;

    private const int Draws = 200;

    public static Reliability None { get; } = new([], 0, 0, 0);

    public static Reliability Of(bool[] labels, float[] scores, int seed, int bins = DefaultBins)
    {
        var rows = new int[bins];
        var positives = new int[bins];
        var sums = new double[bins];
        for (var i = 0; i < scores.Length; i++)
        {
            var b = Bin(scores[i], bins);
            rows[b]++;
            sums[b] += scores[i];
            positives[b] += labels[i] ? 1 : 0;
        }

        var list = new List<ReliabilityBin>();
        for (var b = 0; b < bins; b++)
        {
            if (rows[b] > 0)
            {
                list.Add(new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, sums[b] / rows[b], (double)positives[b] / rows[b], rows[b]));
            }
        }

        var ece = scores.Length == 0 ? 0 : ClassifierMetrics.ExpectedCalibrationError(labels, scores, bins);
        return new Reliability([.. list], ece, NoiseFloorOf(scores, seed, bins), scores.Length);
    }

    /// <summary>The mean ECE of labels drawn from <paramref name="scores"/> themselves.</summary>
    public static double NoiseFloorOf(float[] scores, int seed, int bins = DefaultBins)
    {
        if (scores.Length == 0)
        {
            return 0;
        }

        var rng = new Random(seed);
        var drawn = new bool[scores.Length];
        var total = 0.0;
        for (var d = 0; d < Draws; d++)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                drawn[i] = rng.NextDouble() < scores[i];
            }

            total += ClassifierMetrics.ExpectedCalibrationError(drawn, scores, bins);
        }

        return total / Draws;
    }

    private static int Bin(float score, int bins) => Math.Clamp((int)(score * bins), 0, bins - 1);
}
