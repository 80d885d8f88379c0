using IcpScoring.Cli.Hosting;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
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
    private readonly ProfileModels _models = new(Profiles.ModelsFolder.Open(paths.ModelsDir, settings.Profiles.Default));

    public IcpSettings Settings => settings;

    /// <summary>What the pages started and how far the files being processed are.</summary>
    public JobBoard Board { get; } = new();

    public ServePaths Paths => paths;

    public ILoggerFactory Loggers => loggers;

    public CompanyDirectory Directory => _directory.Value;

    /// <summary>Every profile's models; the folder's profiles and their criteria are read again at each use.</summary>
    public ProfileModels Models => _models;

    public ModelsFolder ModelsFolder => _models.Folder;

    public PipelineStore OpenStore() => PipelineStore.Open(paths.Database, spillFolder: paths.SpillFolder);

    /// <summary>Which profile scores each account, with the upload page's choices as the database has them now.</summary>
    public ProfileRouting Routing(PipelineStore store) => new(settings.Profiles, null, store.AssignedProfiles());

    public MainJob MainJob(PipelineStore store) =>
        new(settings.Pipeline, Directory, new AccountModels(_models, Routing(store)), store, loggers);
}
