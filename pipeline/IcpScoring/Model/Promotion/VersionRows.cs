namespace IcpScoring.Model.Promotion;

/// <summary>
/// <c>vN/rows.json</c>: which labeled rows a version was trained on (its final model saw every one of
/// them) and its holdout (the rows its holdout figures were measured on, with the scores of the
/// model fitted without them). Rows are kept as <see cref="RowKeys"/>, never as titles: a version
/// folder can be shared without its training data.
/// </summary>
/// <param name="Format">Bumped if the key or its encoding ever changes; keys of another format are not matched.</param>
/// <param name="TrainedRows">How many rows trained it.</param>
/// <param name="Trained">Every training row's key, sorted, <see cref="RowKeys.Encode"/>d.</param>
/// <param name="HoldoutRows">How many rows it was measured on.</param>
/// <param name="Holdout">The holdout rows' keys, in the order of <paramref name="HoldoutScores"/>.</param>
/// <param name="HoldoutScores">What the model fitted without the holdout gave each holdout row.</param>
internal sealed record VersionRows(int Format, int TrainedRows, string Trained, int HoldoutRows, string Holdout, float[] HoldoutScores)
{
    public const int CurrentFormat = 1;

    public static VersionRows From(IEnumerable<ModelInput> trained, IReadOnlyList<ModelInput> holdout, IReadOnlyList<float> holdoutScores)
    {
        var keys = trained.Select(RowKeys.Of).Order().ToList();
        return new(CurrentFormat, keys.Count, RowKeys.Encode(keys), holdout.Count, RowKeys.Encode(holdout.Select(RowKeys.Of)), [.. holdoutScores]);
    }

    /// <summary>The inputs the version was trained on, whatever their label.</summary>
    public HashSet<ulong> TrainedInputs() => [.. RowKeys.Decode(Trained).Select(RowKeys.Input)];
}
