using IcpScoring.Model;
using IcpScoring.Profiles;

namespace IcpScoring.Labeling;

/// <summary>
/// Chooses the connections whose labels would teach a profile's model most. People with the same
/// title, industry and size teach the model the same thing, so the queue works on distinct inputs
/// (one person each, drawn with the seed) and never offers an input already labeled. The default,
/// <see cref="QueueStrategy.Representative"/>, clusters the distinct inputs (k-means with medoids,
/// weighted by how many people share an input) and asks about each cluster's medoid, most
/// populous clusters first: a model trained from criteria is confidently wrong exactly where the
/// criteria are wrong, which the scores near the threshold never show, while the clusters cover
/// every kind of person in the network.
/// </summary>
internal static class LabelQueue
{
    private const int Iterations = 4;

    /// <summary>
    /// The indices of <paramref name="inputs"/> to ask about, in the order to ask. <paramref name="scores"/>
    /// are the model's probabilities for them; <paramref name="labeled"/> says which inputs (by
    /// <see cref="InputKey(ModelInput)"/>) already have a label; <paramref name="criteria"/> is only read by the
    /// strategies that compare the model with the criteria.
    /// </summary>
    public static IReadOnlyList<int> Pick(
        IReadOnlyList<ModelInput> inputs,
        IReadOnlyList<float> scores,
        double threshold,
        IReadOnlySet<string> labeled,
        int count,
        int seed,
        QueueStrategy strategy = QueueStrategy.Representative,
        ProfileCriteria? criteria = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed);
        if (strategy == QueueStrategy.Random)
        {
            var people = Enumerable.Range(0, inputs.Count).Where(i => !labeled.Contains(InputKey(inputs[i]))).ToArray();
            rng.Shuffle(people);
            return people[..Math.Min(count, people.Length)];
        }

        var groups = Groups(inputs, labeled, rng);
        var picked = strategy switch
        {
            QueueStrategy.NearThreshold => [.. groups.OrderBy(g => Math.Abs(scores[g.Person] - threshold)).Take(count)],
            QueueStrategy.Disagreement => ByDisagreement(groups, scores, criteria, count),
            QueueStrategy.Mixed => Mixed(groups, scores, criteria, count, rng),
            _ => Representatives(groups, count, rng),
        };
        return [.. picked.Select(g => g.Person)];
    }

    /// <summary>What identifies an input for the queue: two people with the same key teach the same.</summary>
    public static string InputKey(ModelInput input) => InputKey(input.Title, input.Industry, input.SizeBucket);

    public static string InputKey(string cleanTitle, string industry, string sizeBucket) =>
        $"{cleanTitle.ToUpperInvariant()}\u001f{industry}\u001f{sizeBucket}";

    private static List<InputGroup> Groups(IReadOnlyList<ModelInput> inputs, IReadOnlySet<string> labeled, Random rng)
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var key = InputKey(inputs[i]);
            if (labeled.Contains(key))
            {
                continue;
            }

            if (!byKey.TryGetValue(key, out var members))
            {
                byKey[key] = members = [];
            }

            members.Add(i);
        }

        // In the order first seen, so the seed alone decides the draw.
        return [.. byKey.Values.Select(m => new InputGroup(inputs[m[0]], m[rng.Next(m.Count)], m.Count))];
    }

    private static List<InputGroup> ByDisagreement(List<InputGroup> groups, IReadOnlyList<float> scores, ProfileCriteria? criteria, int count)
    {
        if (criteria is null)
        {
            return [.. groups.OrderBy(g => Math.Abs(scores[g.Person] - 0.5)).Take(count)];
        }

        return
        [
            .. groups
                .Select(g => (Group: g, Gap: Math.Abs(scores[g.Person] - CriteriaSay(criteria.Evaluate(g.Input)))))
                .OrderByDescending(x => x.Gap * Math.Log(1 + x.Group.People))
                .Take(count)
                .Select(x => x.Group),
        ];
    }

    private static double CriteriaSay(CriteriaVerdict verdict) => verdict.Meets ? 1 : verdict.Fails ? 0 : 0.5;

    private static List<InputGroup> Mixed(List<InputGroup> groups, IReadOnlyList<float> scores, ProfileCriteria? criteria, int count, Random rng)
    {
        var representatives = Representatives(groups, count - (count / 2), rng);
        var taken = representatives.ToHashSet();
        var rest = ByDisagreement([.. groups.Where(g => !taken.Contains(g))], scores, criteria, count / 2);
        return [.. representatives, .. rest];
    }

    // k-means over the distinct inputs, weighted by their people, with medoids as centres (the
    // distance is not a vector space's): seeded k-means++ starts, then a few rounds of assigning
    // every input to its nearest medoid and moving each medoid to its cluster's weighted centre.
    private static List<InputGroup> Representatives(List<InputGroup> groups, int count, Random rng)
    {
        if (groups.Count <= count)
        {
            return [.. groups.OrderByDescending(g => g.People)];
        }

        var points = groups.Select(g => new InputPoint(g.Input)).ToArray();
        var medoids = Seeds(groups, points, count, rng);
        var nearest = new int[groups.Count];
        for (var round = 0; round < Iterations; round++)
        {
            Assign(points, medoids, nearest);
            var moved = false;
            for (var c = 0; c < medoids.Count; c++)
            {
                var members = Enumerable.Range(0, groups.Count).Where(i => nearest[i] == c).ToList();
                var best = members.MinBy(m => members.Sum(o => groups[o].People * points[m].Distance(points[o])));
                if (best != medoids[c] && members.Count > 0)
                {
                    medoids[c] = best;
                    moved = true;
                }
            }

            if (!moved)
            {
                break;
            }
        }

        Assign(points, medoids, nearest);
        var weight = new int[medoids.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            weight[nearest[i]] += groups[i].People;
        }

        return [.. Enumerable.Range(0, medoids.Count).OrderByDescending(c => weight[c]).ThenBy(c => c).Select(c => groups[medoids[c]])];
    }

    private static List<int> Seeds(List<InputGroup> groups, InputPoint[] points, int count, Random rng)
    {
        var seeds = new List<int> { Draw(groups.Select(g => (double)g.People).ToArray(), rng) };
        var nearest = points.Select(p => p.Distance(points[seeds[0]])).ToArray();
        while (seeds.Count < count)
        {
            var weights = groups.Select((g, i) => g.People * nearest[i] * nearest[i]).ToArray();
            var next = weights.Sum() > 0 ? Draw(weights, rng) : Enumerable.Range(0, groups.Count).First(i => !seeds.Contains(i));
            seeds.Add(next);
            for (var i = 0; i < points.Length; i++)
            {
                nearest[i] = Math.Min(nearest[i], points[i].Distance(points[next]));
            }
        }

        return seeds;
    }

    private static int Draw(double[] weights, Random rng)
    {
        var target = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0 && weights[i] > 0)
            {
                return i;
            }
        }

        return Array.FindLastIndex(weights, w => w > 0);
    }

    private static void Assign(InputPoint[] points, List<int> medoids, int[] nearest)
    {
        for (var i = 0; i < points.Length; i++)
        {
            var best = 0;
            var bestDistance = double.MaxValue;
            for (var c = 0; c < medoids.Count; c++)
            {
                var d = points[i].Distance(points[medoids[c]]);
                if (d < bestDistance)
                {
                    (best, bestDistance) = (c, d);
                }
            }

            nearest[i] = best;
        }
    }

    private sealed record InputGroup(ModelInput Input, int Person, int People);
}
