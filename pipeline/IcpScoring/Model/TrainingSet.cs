namespace IcpScoring.Model;

/// <summary>
/// What a model is trained on: labeled rows, where they came from, and which of them were labeled by
/// a profile's criteria rather than by people (those train the model but never judge it: holdout
/// and threshold come from people's labels when there are enough).
/// </summary>
internal sealed record TrainingSet(IReadOnlyList<ModelInput> Rows, string Source, string Sha256, long RejectedRows = 0, IReadOnlyList<bool>? FromCriteria = null, IReadOnlyList<float>? Weights = null)
{
    public int Positives { get; } = Rows.Count(r => r.Label);

    public int Negatives => Rows.Count - Positives;

    /// <summary>The row's weight in training: 1, or less for a prior's rows (criteria beside a few labels).</summary>
    public float Weight(int row) => Weights is { } w ? w[row] : 1f;

    public bool IsFromCriteria(int row) => FromCriteria is { } c && c[row];

    public int CriteriaRows => FromCriteria?.Count(c => c) ?? 0;

    public int LabeledRows => Rows.Count - CriteriaRows;
}
