using IcpScoring.Labeling;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Tests.Profiles;

namespace IcpScoring.Tests.Labeling;

public sealed class LabelQueueTests
{
    private static readonly List<ModelInput> Network = [.. KnownIcpPopulation.People(1500, seed: 11).Select(p => ModelFeatures.From(
        TitleCleaner.Clean(p.Title),
        p.KnownIndustry ? IndustryCatalog.Default.Find(p.Industry) : null,
        p.KnownSize ? CompanySizes.Parse(p.Size) : null))];

    private static readonly float[] Scores = [.. Enumerable.Range(0, Network.Count).Select(i => (float)new Random(i).NextDouble())];

    private static IReadOnlyList<int> Pick(int count, int seed, IReadOnlySet<string>? labeled = null, QueueStrategy strategy = QueueStrategy.Representative) =>
        LabelQueue.Pick(Network, Scores, 0.5, labeled ?? new HashSet<string>(), count, seed, strategy);

    [Theory]
    [InlineData(nameof(QueueStrategy.Representative))]
    [InlineData(nameof(QueueStrategy.NearThreshold))]
    [InlineData(nameof(QueueStrategy.Random))]
    [InlineData(nameof(QueueStrategy.Mixed))]
    public void TheQueueNeverOffersAPersonWhoseInputsAreAlreadyLabeled(string strategy)
    {
        var labeled = Network.Take(400).Select(LabelQueue.InputKey).ToHashSet(StringComparer.Ordinal);

        var picks = Pick(100, seed: 1, labeled, Enum.Parse<QueueStrategy>(strategy));

        Assert.Equal(100, picks.Count);
        Assert.DoesNotContain(picks, i => labeled.Contains(LabelQueue.InputKey(Network[i])));
    }

    [Fact]
    public void TheSameSeedGivesTheSameQueueAndAnotherSeedAnother()
    {
        var first = Pick(50, seed: 7);
        var again = Pick(50, seed: 7);
        var other = Pick(50, seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void TheQueueSpreadsOverDistinctTitlesIndustriesAndSizes()
    {
        var picks = Pick(50, seed: 3);

        var inputs = picks.Select(i => Network[i]).ToList();
        Assert.Equal(50, inputs.Select(LabelQueue.InputKey).Distinct(StringComparer.Ordinal).Count());
        Assert.True(inputs.Select(i => i.Title).Distinct(StringComparer.Ordinal).Count() >= 30, $"{inputs.Select(i => i.Title).Distinct(StringComparer.Ordinal).Count()} distinct titles");
        Assert.True(inputs.Select(i => i.Industry).Distinct(StringComparer.Ordinal).Count() >= 10);
        Assert.True(inputs.Select(i => i.SizeBucket).Distinct(StringComparer.Ordinal).Count() >= 6);
        Assert.True(inputs.GroupBy(i => i.Title, StringComparer.Ordinal).Max(g => g.Count()) <= 4);
    }

    [Fact]
    public void AskingForMoreThanTheDistinctInputsGivesEachOnce()
    {
        var small = Network.Take(30).ToList();

        var picks = LabelQueue.Pick(small, Scores, 0.5, new HashSet<string>(), 100, seed: 1);

        Assert.Equal(small.Select(LabelQueue.InputKey).Distinct(StringComparer.Ordinal).Count(), picks.Count);
    }
}
