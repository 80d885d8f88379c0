using IcpScoring.Model;

namespace IcpScoring.Pipeline;

/// <summary>A retrain: the challenger kept in the registry, how it compared with the champion, and whether it was promoted.</summary>
internal sealed record RetrainOutcome(
    RegistryEntry Challenger,
    string? PreviousChampion,
    ModelMetrics? ChampionOnHoldout,
    bool Promoted,
    string Decision);
