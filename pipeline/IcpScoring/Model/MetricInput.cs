namespace IcpScoring.Model;

/// <summary>Argument checks shared by the metrics: mismatched or NaN inputs are caller bugs.</summary>
internal static class MetricInput
{
    public static void Validate(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException(
                $"Labels ({labels.Length}) and scores ({scores.Length}) must have the same length.",
                nameof(scores));
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (float.IsNaN(scores[i]))
            {
                throw new ArgumentException($"Score at index {i} is NaN.", nameof(scores));
            }
        }
    }
}
