using IcpScoring.Model;

namespace IcpScoring.Profiles;

/// <summary>
/// A profile's criteria kept as a prior beside people's labels: connections labeled by the criteria
/// join the training rows, at most <see cref="MaxRows"/> of them (a seeded sample) and each weighted
/// so that together they weigh no more than the labels do (and each at most <see cref="MaxWeight"/>).
/// With 200 labels the criteria then carry what the labels have not yet shown (titles, industries
/// and sizes no labeled row had); as labels grow, the prior fades beside them instead of outvoting
/// them with thousands of rule-made rows.
/// </summary>
internal static class CriteriaPrior
{
    public const int MaxRows = 1000;

    public const float MaxWeight = 0.5f;

    /// <summary>The labeled rows, then the prior's, with weights and the marks that keep the prior out of holdout and threshold.</summary>
    public static TrainingSet Combine(IReadOnlyList<ModelInput> labeled, IReadOnlyList<ModelInput> criteriaRows, string source, string sha256, long rejected, int seed)
    {
        var prior = criteriaRows.ToArray();
        if (prior.Length > MaxRows)
        {
            new Random(seed).Shuffle(prior);
            prior = prior[..MaxRows];
        }

        var weight = prior.Length == 0 ? 0 : Math.Min(MaxWeight, (float)labeled.Count / prior.Length);
        return new TrainingSet(
            [.. labeled, .. prior],
            source,
            sha256,
            rejected,
            [.. labeled.Select(_ => false), .. prior.Select(_ => true)],
            [.. labeled.Select(_ => 1f), .. prior.Select(_ => weight)]);
    }
}
