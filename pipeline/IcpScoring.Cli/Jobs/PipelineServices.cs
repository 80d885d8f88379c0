using IcpScoring.Cli.Hosting;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Storage;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Cli.Jobs;

/// <summary>
/// What the scheduled jobs share: settings, paths, the company directory, and the models (the
/// champion is looked up at each job, so a promotion takes effect at the next file).
/// </summary>
internal sealed class PipelineServices(IcpSettings settings, ServePaths paths, ILoggerFactory loggers)
{
    private readonly Lazy<CompanyDirectory> _directory = new(() => Commands.InspectCommand.LoadDirectory(settings.Ingestion));
    private readonly Dictionary<string, IcpModel?> _models = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IcpSettings Settings => settings;

    public ServePaths Paths => paths;

    public ILoggerFactory Loggers => loggers;

    public CompanyDirectory Directory => _directory.Value;

    public ModelRegistry Registry => new(paths.ModelsDir);

    public PipelineStore OpenStore() => PipelineStore.Open(paths.Database);

    public IcpModel Champion()
    {
        var champion = Registry.Champion()
            ?? throw new ModelLoadException($"{paths.ModelsDir}: no champion model; train one with: icp train data-samples/labeled/prospects.csv --models-dir {paths.ModelsDir}");
        return Model(champion.Version) ?? IcpModel.Load(champion);
    }

    /// <summary>A registered model by version, loaded once; null when it cannot be loaded.</summary>
    public IcpModel? Model(string version)
    {
        lock (_lock)
        {
            if (!_models.TryGetValue(version, out var model))
            {
                try
                {
                    model = IcpModel.Load(Registry.Get(version));
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

    public MainJob MainJob(PipelineStore store) =>
        new(settings.Pipeline, Directory, Champion(), store, loggers, Model);
}
