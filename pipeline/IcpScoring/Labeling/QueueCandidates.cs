using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Storage;

namespace IcpScoring.Labeling;

/// <summary>
/// The connections a profile scores, as a label queue offers them: its accounts' exports waiting in
/// the inbox (which know profile URLs and names), then its accounts' latest months in the database
/// (which know neither). Each person once, the first time seen; hidden profiles left out.
/// </summary>
internal sealed class QueueCandidates
{
    private readonly List<QueueCandidate> _all = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<QueueCandidate> All => _all;

    public static QueueCandidates ForProfile(string profile, ProfileRouting routing, PipelineStore store, string? inbox, IngestionOptions options, CompanyDirectory directory, CancellationToken cancellationToken = default)
    {
        bool Scored(string account) => routing.ProfileOf(account) == profile;
        var candidates = new QueueCandidates();
        if (inbox is not null && Directory.Exists(inbox))
        {
            foreach (var export in InboxScanner.Scan(inbox).Where(f => f.Account is { } a && Scored(a)))
            {
                candidates.AddExport(export.Path, options, directory, c => c.Account.Length > 0 ? c.Account : export.Account, Scored, cancellationToken);
            }
        }

        candidates.AddSnapshots(store, Scored);
        return candidates;
    }

    public void AddSnapshots(PipelineStore store, Func<string, bool> scoredByProfile)
    {
        foreach (var latest in store.Snapshots().Where(s => scoredByProfile(s.Account)).GroupBy(s => s.Account, StringComparer.Ordinal).Select(g => g.MaxBy(s => s.Month, StringComparer.Ordinal)!))
        {
            foreach (var r in store.SnapshotRows(latest.Id).Where(r => !r.IsHidden))
            {
                Add(new QueueCandidate(r.Key, r.Title, r.Company, r.Industry, r.CompanySize, "", "",
                    ModelFeatures.From(TitleCleaner.Clean(r.Title), IndustryCatalog.Default.Find(r.Industry), CompanySizes.Parse(r.CompanySize))));
            }
        }
    }

    /// <summary>An export's connections of the accounts the profile scores; one that cannot be read adds nothing (its own job says why).</summary>
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

                Add(new QueueCandidate(SnapshotKeys.For(c, ordinal), c.Title, c.Company, c.Industry?.Label ?? "", c.CompanySize?.Label ?? "", c.ProfileUrl, NameKey(c.Name, c.Company), ModelFeatures.From(c)));
            }
        }
        catch (UnreadableExportException)
        {
        }
    }

    /// <summary>A person's name and company as the duplicate filter compares them; empty without a name.</summary>
    public static string NameKey(string cleanName, string company) =>
        cleanName.Length == 0 ? "" : $"{cleanName.ToUpperInvariant()}\u001f{CompanyNames.Key(company)}";

    private void Add(QueueCandidate candidate)
    {
        if (_seen.Add(candidate.Key))
        {
            _all.Add(candidate);
        }
    }
}
