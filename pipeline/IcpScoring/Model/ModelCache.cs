namespace IcpScoring.Model;

/// <summary>
/// The registry's models, each loaded once: the champion for scoring, and any version by name (drift
/// re-scores an earlier month with a later month's model). Shared by jobs on several threads.
/// </summary>
internal sealed class ModelCache(ModelRegistry registry)
{
    private readonly Dictionary<string, IcpModel?> _models = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ModelRegistry Registry => registry;

    /// <summary>The champion, or a <see cref="ModelLoadException"/> that says how to train one.</summary>
    public IcpModel Champion()
    {
        var champion = registry.Champion()
            ?? throw new ModelLoadException($"{registry.Folder}: no champion model; train one with: icp train data-samples/labeled/prospects.csv --models-dir {registry.Folder}");
        return Get(champion.Version) ?? IcpModel.Load(champion);
    }

    /// <summary>A registered model by version; null when it cannot be loaded.</summary>
    public IcpModel? Get(string version)
    {
        lock (_lock)
        {
            if (!_models.TryGetValue(version, out var model))
            {
                try
                {
                    model = IcpModel.Load(registry.Get(version));
                }
                catch (Exception e) when (e is ModelLoadException or ModelRegistryException)
                {
                    model = null;
                }

                _models[version] = model;
            }

            return model;
        }
    }
}
