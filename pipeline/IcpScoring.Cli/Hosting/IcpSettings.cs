using IcpScoring.Drift;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using Microsoft.Extensions.Configuration;

namespace IcpScoring.Cli.Hosting;

/// <summary>
/// The validated settings of one run: appsettings.json (from <c>--config</c>, else the current
/// folder, else beside the executable), then <c>ICP_</c> environment variables (<c>__</c> between
/// sections), then command-line options.
/// </summary>
internal sealed record IcpSettings(string ConfigFile, PathsOptions Paths, IngestionOptions Ingestion, ModelOptions Model, BenchmarksOptions Benchmarks, ReportsOptions Reports, DriftOptions Drift, JobsOptions Jobs, LoggingOptions Logging, Web.WebOptions Web, ProfilesOptions Profiles, Labeling.CrmOptions CrmLabels)
{
    public const string EnvironmentPrefix = "ICP_";

    public static IcpSettings Load(string? configFile)
    {
        var file = configFile ?? DefaultConfigFile();
        if (configFile is not null && !File.Exists(configFile))
        {
            throw new ConfigurationProblemException($"{configFile}: no such configuration file");
        }

        IConfigurationRoot config;
        try
        {
            var builder = new ConfigurationBuilder();
            if (file is not null)
            {
                builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
            }

            config = builder.AddEnvironmentVariables(EnvironmentPrefix).Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationProblemException($"{file}: not valid JSON ({e.InnerException?.Message ?? e.Message})", e);
        }

        var name = file ?? "(built-in defaults)";
        var settings = new IcpSettings(
            name,
            Bind<PathsOptions>(config, "Paths", name),
            Bind<IngestionOptions>(config, "Ingestion", name),
            Bind<ModelOptions>(config, "Model", name),
            Bind<BenchmarksOptions>(config, "Benchmarks", name),
            Bind<ReportsOptions>(config, "Reports", name),
            Bind<DriftOptions>(config, "Drift", name),
            Bind<JobsOptions>(config, "Jobs", name),
            Bind<LoggingOptions>(config, "Logging", name),
            Bind<Web.WebOptions>(config, "Web", name),
            Bind<ProfilesOptions>(config, "Profiles", name),
            Bind<Labeling.CrmOptions>(config, "CrmLabels", name));
        var problems = settings.Paths.Validate().Concat(settings.Ingestion.Validate()).Concat(settings.Model.Validate()).Concat(settings.Benchmarks.Validate()).Concat(settings.Reports.Validate()).Concat(settings.Drift.Validate()).Concat(settings.Jobs.Validate()).Concat(settings.Logging.Validate()).Concat(settings.Web.Validate()).Concat(settings.Profiles.Validate()).Concat(settings.CrmLabels.Validate()).ToList();
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemException($"{name}: {string.Join("; ", problems)}");
        }

        return settings;
    }

    /// <summary>The settings a file's journey needs.</summary>
    public PipelineSettings Pipeline => new(Ingestion, Model, Benchmarks, Reports, Drift);

    private static T Bind<T>(IConfiguration config, string section, string file)
        where T : new()
    {
        try
        {
            return config.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        }
        catch (InvalidOperationException e)
        {
            // The binder's own message names the key and the value that does not fit; the inner one names neither.
            throw new ConfigurationProblemException($"{file}: section {section}: {e.Message}", e);
        }
    }

    private static string? DefaultConfigFile()
    {
        const string Name = "appsettings.json";
        if (File.Exists(Name))
        {
            return Name;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, Name);
        return File.Exists(beside) ? beside : null;
    }
}
