using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Model.Promotion;

namespace IcpScoring.Pipeline;

/// <summary>
/// A retrain: the challenger kept in the registry, how it compared with the champion, whether it
/// was promoted, and the accounting of the labeled file (its rejects with their lines).
/// </summary>
internal sealed record RetrainOutcome(
    RegistryEntry Challenger,
    string? PreviousChampion,
    ModelMetrics? ChampionOnHoldout,
    bool Promoted,
    string Decision,
    IngestReport Labels)
{
    /// <summary>How it compared with the champion, as stored in its comparison.json.</summary>
    public ChampionComparison? Comparison { get; init; }

    /// <summary>The file's rows whose label was left empty: skipped, not rejected.</summary>
    public long Unlabeled { get; init; }

    /// <summary>Labels of other people stored for the profile that trained the challenger too.</summary>
    public int FromStore { get; init; }
}
