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
    private readonly ModelCache _models = new(new ModelRegistry(paths.ModelsDir));

    public IcpSettings Settings => settings;

    /// <summary>What the pages started and how far the files being processed are.</summary>
    public JobBoard Board { get; } = new();

    public ServePaths Paths => paths;

    public ILoggerFactory Loggers => loggers;

    public CompanyDirectory Directory => _directory.Value;

    public ModelRegistry Registry => _models.Registry;

    public PipelineStore OpenStore() => PipelineStore.Open(paths.Database, spillFolder: paths.SpillFolder);

    public IcpModel Champion() => _models.Champion();

    /// <summary>A registered model by version, loaded once; null when it cannot be loaded.</summary>
    public IcpModel? Model(string version) => _models.Get(version);

    public MainJob MainJob(PipelineStore store) =>
        new(settings.Pipeline, Directory, Champion(), store, loggers, Model);
}
