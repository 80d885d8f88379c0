namespace IcpScoring.Model;

// One complete version in the models folder; ModelPath is its model.zip.
internal sealed record RegistryEntry(string Version, ModelMetadata Metadata, bool IsChampion, string ModelPath);
