namespace IcpScoring.Model;

/// <summary>
/// Predictions collapsed to one entry per distinct score, highest score first, with the number of
/// positives and negatives at each score. Ranking metrics walk these groups so that tied scores are
/// always treated as one threshold, as scikit-learn does.
/// </summary>
internal sealed class MetricScoreGroups
{
    private MetricScoreGroups(float[] scores, int[] positives, int[] negatives, int count, int totalPositives, int rows)
    {
        Scores = scores;
        Positives = positives;
        Negatives = negatives;
        Count = count;
        TotalPositives = totalPositives;
        TotalNegatives = rows - totalPositives;
    }

    /// <summary>Distinct scores, descending; only the first <see cref="Count"/> entries are used.</summary>
    public float[] Scores { get; }

    public int[] Positives { get; }

    public int[] Negatives { get; }

    public int Count { get; }

    public int TotalPositives { get; }

    public int TotalNegatives { get; }

    public static MetricScoreGroups From(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores)
    {
        MetricInput.Validate(labels, scores);

        // One co-sort of copies of the scores and labels: O(n log n), two arrays, nothing per element.
        // Order inside a run of equal scores is irrelevant because the run becomes one group.
        var sortedScores = scores.ToArray();
        var sortedLabels = labels.ToArray();
        sortedScores.AsSpan().Sort(sortedLabels.AsSpan());

        var distinct = new float[sortedScores.Length];
        var positives = new int[sortedScores.Length];
        var negatives = new int[sortedScores.Length];
        var count = 0;
        var totalPositives = 0;
        var i = sortedScores.Length - 1;
        while (i >= 0)
        {
            var score = sortedScores[i];
            var pos = 0;
            var neg = 0;
            while (i >= 0 && sortedScores[i] == score)
            {
                if (sortedLabels[i])
                {
                    pos++;
                }
                else
                {
                    neg++;
                }

                i--;
            }

            distinct[count] = score;
            positives[count] = pos;
            negatives[count] = neg;
            totalPositives += pos;
            count++;
        }

        return new MetricScoreGroups(distinct, positives, negatives, count, totalPositives, sortedScores.Length);
    }
}
