namespace IcpScoring.Model;

/// <summary>Chooses the decision threshold for the classifier from validation predictions.</summary>
internal static class ThresholdChoice
{
    private const double NoPositivesThreshold = 0.5;

    /// <summary>
    /// The threshold above which as many scores lie as the scores add up to: the count of matches
    /// then equals the number of ICP connections the probabilities expect, so the match rate
    /// estimates the ICP's share. For models trained from a profile's criteria, whose labels say how
    /// well a connection fits the criteria rather than who is ICP, maximising F1 against them would
    /// trade that estimate for agreement with the criteria (measured on five generated populations
    /// whose ICP is known: match rates 0.93 points off the truth on average with F1, 0.44 this way).
    /// The cut sits midway between two scores, as with <see cref="MaximiseF1"/>.
    /// </summary>
    public static double MatchExpected(ReadOnlySpan<float> scores)
    {
        if (scores.IsEmpty)
        {
            return NoPositivesThreshold;
        }

        var sorted = scores.ToArray();
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        double expected = 0;
        foreach (var s in sorted)
        {
            expected += s;
        }

        var k = Math.Clamp((int)Math.Round(expected), 1, sorted.Length);
        return k == sorted.Length ? sorted[^1] : ((double)sorted[k - 1] + sorted[k]) / 2;
    }

    /// <summary>
    /// The threshold that maximises F1 (score &gt;= threshold is positive). Candidates are the distinct
    /// scores; ties go to the highest, i.e. the most precise, cut. The result is the midpoint between the
    /// chosen score and the next lower distinct score (or the chosen score when it is the lowest), so the
    /// cut does not sit on a validation point. 0.5 when there are no positives.
    /// </summary>
    public static double MaximiseF1(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores)
    {
        var groups = MetricScoreGroups.From(labels, scores);
        if (groups.TotalPositives == 0)
        {
            return NoPositivesThreshold;
        }

        var best = -1;
        var bestF1 = double.NegativeInfinity;
        var truePositives = 0;
        var falsePositives = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            truePositives += groups.Positives[g];
            falsePositives += groups.Negatives[g];
            var f1 = ClassifierMetrics.F1(truePositives, falsePositives, groups.TotalPositives);

            // Strictly greater: on a tie the earlier, higher threshold stays.
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = g;
            }
        }

        double chosen = groups.Scores[best];
        if (best == groups.Count - 1)
        {
            return chosen;
        }

        // Two distinct floats have a double midpoint strictly between them, so the cut keeps the same
        // rows on each side and F1 at the returned threshold equals the maximum found here.
        return (chosen + groups.Scores[best + 1]) / 2;
    }
}
