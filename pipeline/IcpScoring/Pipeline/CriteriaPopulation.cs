using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Profiles;
using IcpScoring.Storage;

namespace IcpScoring.Pipeline;

/// <summary>
/// The connections a profile will score, gathered for a model trained from its criteria: the
/// latest month of each of its accounts in the database, and exports about to be scored. Each
/// person once (the first time seen), hidden profiles left out; at most <see cref="MaxRows"/>,
/// drawn evenly with a seed beyond that.
/// </summary>
internal sealed class CriteriaPopulation
{
    /// <summary>More rows teach the criteria's shape no better, and cost training time.</summary>
    public const int MaxRows = 50_000;

    private readonly List<ModelInput> _rows = [];
    private readonly HashSet<string> _people = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _accounts = new(StringComparer.Ordinal);

    public int Count => _rows.Count;

    /// <summary>The accounts whose connections are in, for the model's description.</summary>
    public IReadOnlyCollection<string> Accounts => _accounts;

    /// <summary>The rows to label, at most <see cref="MaxRows"/>.</summary>
    public IReadOnlyList<ModelInput> Rows(int seed)
    {
        if (_rows.Count <= MaxRows)
        {
            return _rows;
        }

        var picked = Enumerable.Range(0, _rows.Count).ToArray();
        new Random(seed).Shuffle(picked);
        return [.. picked[..MaxRows].Order().Select(i => _rows[i])];
    }

    /// <summary>
    /// The connections a profile will score: the exports of its accounts waiting in the inbox, and its
    /// accounts' latest months in the database.
    /// </summary>
    public static CriteriaPopulation ForProfile(string profile, ProfileRouting routing, PipelineStore store, string? inbox, IngestionOptions options, CompanyDirectory directory, CancellationToken cancellationToken = default)
    {
        bool Scored(string account) => routing.ProfileOf(account) == profile;
        var population = new CriteriaPopulation();
        if (inbox is not null && Directory.Exists(inbox))
        {
            foreach (var export in InboxScanner.Scan(inbox).Where(f => f.Account is { } a && Scored(a)))
            {
                population.AddExport(export.Path, options, directory, c => c.Account.Length > 0 ? c.Account : export.Account, Scored, cancellationToken);
            }
        }

        population.AddSnapshots(store, Scored);
        return population;
    }

    /// <summary>The latest month of each account the profile scores, from the database.</summary>
    public void AddSnapshots(PipelineStore store, Func<string, bool> scoredByProfile)
    {
        foreach (var latest in store.Snapshots().Where(s => scoredByProfile(s.Account)).GroupBy(s => s.Account, StringComparer.Ordinal).Select(g => g.MaxBy(s => s.Month, StringComparer.Ordinal)!))
        {
            _accounts.Add(latest.Account);
            foreach (var r in store.SnapshotRows(latest.Id).Where(r => !r.IsHidden))
            {
                Add(r.Key, ModelFeatures.From(TitleCleaner.Clean(r.Title), IndustryCatalog.Default.Find(r.Industry), CompanySizes.Parse(r.CompanySize)));
            }
        }
    }

    /// <summary>
    /// An export's connections of the accounts the profile scores (<paramref name="account"/> names
    /// the account of a row: an option, its Account column or its inbox folder). An export that cannot
    /// be read adds nothing: its own job reports why.
    /// </summary>
    public void AddExport(string path, IngestionOptions options, CompanyDirectory directory, Func<Connection, string?> account, Func<string, bool> scoredByProfile, CancellationToken cancellationToken = default)
    {
        try
        {
            using var ingestion = ExportIngestion.Open(path, options, directory);
            long ordinal = 0;
            foreach (var c in ingestion.Connections(cancellationToken))
            {
                ordinal++;
                if (c.IsHidden || account(c) is not { } name || !scoredByProfile(name))
                {
                    continue;
                }

                _accounts.Add(name);
                Add(SnapshotKeys.For(c, ordinal), ModelFeatures.From(c));
            }
        }
        catch (UnreadableExportException)
        {
            // Nothing to learn from; the file's own processing fails it with the reason.
        }
    }

    private void Add(string person, ModelInput input)
    {
        if (_people.Add(person))
        {
            _rows.Add(input);
        }
    }
}
