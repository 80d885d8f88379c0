namespace IcpScoring.Model;

/// <summary>The <c>Model</c> section of appsettings.json: how challengers are trained, gated and tiered.</summary>
internal sealed record ModelOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Cross-validation folds on the training part.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Share of the labeled file held out to compare challenger and champion.</summary>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>
    /// Candidate trainers, chosen among by cross-validated average precision; empty for all. (No
    /// default list here: the configuration binder appends to an initialised array.)
    /// </summary>
    public string[] Trainers { get; init; } = [];

    /// <summary>The trainers to cross-validate, each once.</summary>
    public IReadOnlyList<string> Candidates => Trainers.Length == 0 ? TrainerCatalog.Names : [.. Trainers.Distinct(StringComparer.Ordinal)];

    /// <summary>A challenger is kept out only when the 95% interval of its AUC difference with the champion lies wholly below minus this.</summary>
    public double PromotionTolerance { get; init; } = 0.01;

    /// <summary>Lowest probability of tier A, B and C; below C is tier D.</summary>
    public double TierA { get; init; } = 0.75;

    public double TierB { get; init; } = 0.5;

    public double TierC { get; init; } = 0.25;

    /// <summary>Reasons given per connection.</summary>
    public int TopReasons { get; init; } = 3;

    public IEnumerable<string> Validate()
    {
        if (Folds is < 2 or > 20)
        {
            yield return "Model:Folds must be between 2 and 20";
        }

        if (HoldoutFraction is <= 0 or >= 0.9)
        {
            yield return "Model:HoldoutFraction must be above 0 and below 0.9";
        }

        foreach (var t in Trainers.Where(t => !TrainerCatalog.Names.Contains(t, StringComparer.Ordinal)))
        {
            yield return $"Model:Trainers: unknown trainer '{t}' (expected {string.Join(", ", TrainerCatalog.Names)})";
        }

        if (PromotionTolerance is < 0 or > 1)
        {
            yield return "Model:PromotionTolerance must be between 0 and 1";
        }

        if (!(TierA > TierB && TierB > TierC && TierC > 0 && TierA <= 1))
        {
            yield return "Model:TierA, TierB and TierC must satisfy 1 >= TierA > TierB > TierC > 0";
        }

        if (TopReasons is < 0 or > 10)
        {
            yield return "Model:TopReasons must be between 0 and 10";
        }
    }

    public string Tier(double probability) =>
        probability >= TierA ? "A" : probability >= TierB ? "B" : probability >= TierC ? "C" : "D";
}
