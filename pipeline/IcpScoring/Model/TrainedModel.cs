using Microsoft.ML;

namespace IcpScoring.Model;

/// <summary>A model just trained, before it is written to the registry.</summary>
internal sealed record TrainedModel(
    MLContext Context,
    ITransformer Transformer,
    DataViewSchema InputSchema,
    ModelMetadata Metadata,
    IReadOnlyList<ModelInput> Holdout)
{
    public void Save(string path) => Context.Model.Save(Transformer, InputSchema, path);
}
