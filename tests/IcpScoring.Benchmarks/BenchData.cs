using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Reports;
using IcpScoring.Storage;

namespace IcpScoring.Benchmarks;

/// <summary>
/// What every benchmark reads: the repository (found by walking up to IcpScoring.sln), the export
/// (<c>ICP_BENCH_EXPORT</c>, else the enriched sample), the company directory and the champion model.
/// </summary>
internal static class BenchData
{
    public const string ExportVariable = "ICP_BENCH_EXPORT";

    // The only enriched export (Account, Industry and Company Size columns) among the samples.
    private const string DefaultExport = "data-samples/exports/agency-enriched.csv";

    // The account of a row without one, as the pipeline would take it from the inbox folder.
    private const string FallbackAccount = "bench";

    public static string Root { get; } = FindRoot();

    /// <summary>The export: <c>ICP_BENCH_EXPORT</c> (absolute, or relative to the repository), else the sample.</summary>
    public static string ExportPath { get; } = Path.GetFullPath(
        Path.Combine(Root, Environment.GetEnvironmentVariable(ExportVariable) is { Length: > 0 } path ? path : DefaultExport));

    public static IngestionOptions Ingestion { get; } = new();

    public static ModelOptions ModelOptions { get; } = new();

    public static BenchmarksOptions Benchmarks { get; } = new();

    public static CompanyDirectory LoadDirectory() => CompanyDirectory.Load(Path.Combine(Root, "data-samples", "companies.csv"));

    public static IcpModel LoadChampion()
    {
        var registry = new ModelRegistry(Path.Combine(Root, "models", "sample"));
        var champion = registry.Champion() ?? throw new InvalidOperationException($"{registry.Folder} has no champion model");
        return IcpModel.Load(champion);
    }

    /// <summary>Every connection of the export, read, normalized and de-duplicated as the pipeline does.</summary>
    public static (List<Connection> Connections, IngestReport Report) ReadConnections(CompanyDirectory directory)
    {
        using var ingestion = ExportIngestion.Open(ExportPath, Ingestion, directory);
        List<Connection> connections = [.. ingestion.Connections()];
        return (connections, ingestion.Report);
    }

    public static string AccountOf(Connection c) => c.Account.Length > 0 ? c.Account : FallbackAccount;

    /// <summary>The distinct model inputs of the connections and their index, as the pipeline's first pass finds them.</summary>
    public static (Dictionary<(string Title, int Industry, char Size), int> Index, List<ModelInput> Inputs) DistinctInputs(IEnumerable<Connection> connections)
    {
        var index = new Dictionary<(string Title, int Industry, char Size), int>();
        var inputs = new List<ModelInput>();
        foreach (var c in connections)
        {
            if (!c.IsHidden)
            {
                InputIndex(c, index, inputs);
            }
        }

        return (index, inputs);
    }

    /// <summary>The reasons of every matching input, as the pipeline explains them; null for the others.</summary>
    public static IReadOnlyList<ScoreReason>?[] Reasons(IcpModel model, List<ModelInput> inputs, float[] probabilities)
    {
        var matches = Enumerable.Range(0, inputs.Count).Where(i => model.IsMatch(probabilities[i])).ToList();
        var explained = model.Score([.. matches.Select(i => inputs[i])], ModelOptions);
        var reasons = new IReadOnlyList<ScoreReason>?[inputs.Count];
        for (var k = 0; k < matches.Count; k++)
        {
            reasons[matches[k]] = explained[k].Reasons;
        }

        return reasons;
    }

    /// <summary>
    /// Every account's accumulator over the prepared connections: the pipeline's second pass without
    /// the reading (snapshot key, input look-up, tier and counts per connection). With
    /// <paramref name="snapshotRows"/>, each account's snapshot rows are gathered there too, made
    /// here the way <c>AccountAccumulator</c> makes them, so that these benchmarks do not depend on
    /// how the accumulator hands its rows on.
    /// </summary>
    public static Dictionary<string, AccountAccumulator> Accumulate(
        IcpModel model,
        IEnumerable<Connection> connections,
        Dictionary<(string Title, int Industry, char Size), int> index,
        List<ModelInput> inputs,
        float[] probabilities,
        IReadOnlyList<ScoreReason>?[] reasons,
        Dictionary<string, List<SnapshotRow>>? snapshotRows = null)
    {
        var accounts = new Dictionary<string, AccountAccumulator>(StringComparer.Ordinal);
        long ordinal = 0;
        foreach (var c in connections)
        {
            var account = AccountOf(c);
            if (!accounts.TryGetValue(account, out var acc))
            {
                accounts[account] = acc = new AccountAccumulator(account);
            }

            var key = SnapshotKeys.For(c, ordinal++);
            if (c.IsHidden)
            {
                acc.AddHidden(c, key);
                if (snapshotRows is not null)
                {
                    Gather(snapshotRows, account, new SnapshotRow(key, "", "", "", "", "", "", 0, "", false, true, false, c.ConnectedOn));
                }
            }
            else
            {
                var i = InputIndex(c, index, inputs);
                var p = probabilities[i];
                var match = model.IsMatch(p);
                var tier = ModelOptions.Tier(p);
                var input = inputs[i];
                acc.Add(c, key, input, p, match, tier, reasons[i] ?? []);
                if (snapshotRows is not null)
                {
                    Gather(snapshotRows, account, new SnapshotRow(
                        key, c.Title, c.Company, c.Industry?.Label ?? "", c.CompanySize?.Label ?? "", input.Seniority, input.Function, p, tier, match, false, c.HasFirmographics, c.ConnectedOn));
                }
            }
        }

        return accounts;
    }

    private static void Gather(Dictionary<string, List<SnapshotRow>> into, string account, SnapshotRow row)
    {
        if (!into.TryGetValue(account, out var rows))
        {
            into[account] = rows = [];
        }

        rows.Add(row);
    }

    // The same look-up as ExportProcessor's: a new (title, industry, size) is featurized once.
    private static int InputIndex(Connection c, Dictionary<(string Title, int Industry, char Size), int> index, List<ModelInput> inputs)
    {
        var key = (c.CleanTitle, c.Industry?.Id ?? 0, c.CompanySize?.Code ?? '\0');
        if (!index.TryGetValue(key, out var i))
        {
            i = inputs.Count;
            index[key] = i;
            inputs.Add(ModelFeatures.From(c));
        }

        return i;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IcpScoring.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IcpScoring.sln not found above " + AppContext.BaseDirectory);
    }
}
