using Microsoft.ML;

namespace IcpScoring.Model;

/// <summary>
/// A model just trained, before it is written to the registry: with its holdout, the scores the
/// model fitted without the holdout gave it, and that model's training part, so the promotion gate
/// can compare it with the champion on rows neither saw.
/// </summary>
internal sealed record TrainedModel(
    MLContext Context,
    ITransformer Transformer,
    DataViewSchema InputSchema,
    ModelMetadata Metadata,
    IReadOnlyList<ModelInput> Holdout,
    IReadOnlyList<float> HoldoutScores,
    IReadOnlyList<ModelInput> TrainingPart)
{
    public void Save(string path) => Context.Model.Save(Transformer, InputSchema, path);
}
