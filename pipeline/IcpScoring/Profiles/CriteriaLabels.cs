using IcpScoring.Model;

namespace IcpScoring.Profiles;

/// <summary>
/// Labels a profile's population with its criteria, for a model trained from them. A connection that
/// meets every part is ICP, one that fails a part is not. One whose industry or size is unknown
/// (and that fails nothing) is ICP with the probability the population itself gives: the share of
/// the connections meeting the title criteria whose known industry (or size) is in the list, drawn
/// with a seeded generator, so the model learns a probability for the unknown rather than a guess.
/// </summary>
internal static class CriteriaLabels
{
    // How many rows' worth of weight the population-wide share carries against the share among
    // title matches: with few title matches, their share alone would be noise.
    private const double PriorStrength = 5;

    public static (List<ModelInput> Rows, CriteriaLabelStats Stats) Label(IReadOnlyList<ModelInput> population, ProfileCriteria criteria, int seed)
    {
        var verdicts = population.Select(criteria.Evaluate).ToArray();
        var industryShare = Share(verdicts, v => v.Industry);
        var sizeShare = Share(verdicts, v => v.Size);

        var rng = new Random(seed);
        var rows = new List<ModelInput>(population.Count);
        int meets = 0, undecided = 0, undecidedIcp = 0;
        for (var i = 0; i < population.Count; i++)
        {
            var v = verdicts[i];
            bool label;
            if (v.Fails)
            {
                label = false;
            }
            else if (v.Meets)
            {
                label = true;
                meets++;
            }
            else
            {
                var p = (v.IndustryUnknown ? industryShare : 1) * (v.SizeUnknown ? sizeShare : 1);
                label = rng.NextDouble() < p;
                undecided++;
                undecidedIcp += label ? 1 : 0;
            }

            rows.Add(Labeled(population[i], label));
        }

        return (rows, new CriteriaLabelStats(population.Count, meets, undecided, undecidedIcp, industryShare, sizeShare));
    }

    // P(the part is in its list | the rest of the criteria met, the part known), shrunk towards the
    // share over every connection whose part is known; Laplace's (k + 1) / (n + 2) when nothing is known.
    private static double Share(CriteriaVerdict[] verdicts, Func<CriteriaVerdict, bool?> part)
    {
        int n = 0, k = 0, nAll = 0, kAll = 0;
        foreach (var v in verdicts)
        {
            if (part(v) is not { } known)
            {
                continue;
            }

            nAll++;
            kAll += known ? 1 : 0;
            if (v.TitleMeets && !v.Excluded)
            {
                n++;
                k += known ? 1 : 0;
            }
        }

        var prior = (kAll + 1.0) / (nAll + 2.0);
        return (k + (prior * PriorStrength)) / (n + PriorStrength);
    }

    private static ModelInput Labeled(ModelInput i, bool label) => new()
    {
        Title = i.Title,
        Industry = i.Industry,
        IndustryGroup = i.IndustryGroup,
        SizeBucket = i.SizeBucket,
        SizeOrdinal = i.SizeOrdinal,
        Seniority = i.Seniority,
        Function = i.Function,
        SeniorityFunction = i.SeniorityFunction,
        Label = label,
    };
}

/// <summary>How a population was labeled by criteria: rows, ICP by the criteria, undecided and the shares that decided them.</summary>
internal sealed record CriteriaLabelStats(int Rows, int Meets, int Undecided, int UndecidedIcp, double IndustryShare, double SizeShare)
{
    public int Positives => Meets + UndecidedIcp;
}
