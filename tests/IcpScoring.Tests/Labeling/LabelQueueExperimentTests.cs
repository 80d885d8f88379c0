using System.Globalization;
using System.Text;
using IcpScoring.Labeling;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Profiles;
using IcpScoring.Tests.Profiles;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace IcpScoring.Tests.Labeling;

/// <summary>
/// The README's "Labeling loop" table: on generated networks whose ICP is known
/// (<see cref="KnownIcpPopulation"/>), a model trained from the profile's criteria is taught 50, 100
/// and 200 labels chosen by each strategy, and measured (AUC against the truth) on another network
/// of the same kind. Five seeds; mean and range.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LabelQueueExperimentTests(ITestOutputHelper output)
{
    private static readonly int[] Seeds = [201, 202, 203, 204, 205];
    private static readonly int[] Counts = [50, 100, 200];

    private static readonly QueueStrategy[] Strategies =
        [QueueStrategy.Random, QueueStrategy.NearThreshold, QueueStrategy.Representative, QueueStrategy.Disagreement, QueueStrategy.Mixed];

    // Criteria that name a few finance titles only: the model they train is confidently wrong on the
    // finance leaders called otherwise (FP&A, treasury, tax, other languages), as a team's first
    // profile often is.
    private const string NarrowProfile = """
        {
          "description": "CFOs and finance directors at mid-size financial firms",
          "titles": { "include": ["cfo", "finance director", "vp finance", "head of finance"] },
          "industries": ["Financial Services", "Banking", "Insurance"],
          "companySizes": ["201-500", "501-1000", "1001-5000"]
        }
        """;

    [Fact]
    public void FromNarrowCriteriaTheQueueReachesTheAucOf200RandomLabelsWithFarFewerLabels()
    {
        var auc = Run(NarrowProfile);

        var random200 = auc[(QueueStrategy.Random, 200)].Average();
        Assert.True(auc[(QueueStrategy.Representative, 100)].Average() >= random200, $"queue at 100 labels {auc[(QueueStrategy.Representative, 100)].Average():F4} vs random at 200 {random200:F4}");
    }

    [Fact]
    public void FromTheIssuesCriteriaLabelsChosenByTheQueueDoNoHarm()
    {
        var auc = Run(KnownIcpPopulation.Profile);

        Assert.True(auc[(QueueStrategy.Representative, 200)].Average() >= auc[(QueueStrategy.Random, 200)].Average() - 0.002);
    }

    private Dictionary<(QueueStrategy, int), List<double>> Run(string profile)
    {
        var criteria = ProfileFile.Parse(Encoding.UTF8.GetBytes(profile), "profile.json");
        var auc = new Dictionary<(QueueStrategy, int), List<double>>();
        var cold = new List<double>();
        foreach (var seed in Seeds)
        {
            var network = KnownIcpPopulation.People(3000, seed);
            var inputs = network.Select(p => Input(p)).ToList();
            var test = KnownIcpPopulation.People(3000, seed + 1000);
            var testInputs = test.Select(p => Input(p)).ToList();
            var truth = test.Select(p => p.IsIcp).ToArray();

            var coldModel = Train(criteria, inputs, []);
            cold.Add(ClassifierMetrics.Auc(truth, Scores(coldModel, testInputs)));
            var scores = Scores(coldModel, inputs);
            foreach (var strategy in Strategies)
            {
                foreach (var count in Counts)
                {
                    var picks = LabelQueue.Pick(inputs, scores, coldModel.Metadata.Threshold, new HashSet<string>(), count, seed, strategy, criteria);
                    var labeled = picks.Select(i => Input(network[i], network[i].IsIcp)).ToList();

                    var model = Train(criteria, inputs, labeled);

                    var key = (strategy, count);
                    auc.TryAdd(key, []);
                    auc[key].Add(ClassifierMetrics.Auc(truth, Scores(model, testInputs)));
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| labels chosen by | {string.Join(" | ", Counts.Select(c => $"{c} labels"))} |"));
        output.WriteLine($"|---|{string.Join("|", Counts.Select(_ => "---"))}|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| none (criteria alone) | {Cell(cold)} | | |"));
        foreach (var strategy in Strategies)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {strategy} | {string.Join(" | ", Counts.Select(c => Cell(auc[(strategy, c)])))} |"));
        }

        return auc;
    }

    private static string Cell(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{values.Average():F4} ({values.Min():F4}–{values.Max():F4})");

    private static ModelInput Input(KnownIcpPopulation.Person p, bool label = false) => ModelFeatures.From(
        TitleCleaner.Clean(p.Title),
        p.KnownIndustry ? IndustryCatalog.Default.Find(p.Industry) : null,
        p.KnownSize ? CompanySizes.Parse(p.Size) : null,
        label);

    // As a profile with criteria is retrained on labels: the network labeled by the criteria but for
    // the inputs a person labeled, plus the labels.
    private static TrainedModel Train(ProfileCriteria criteria, List<ModelInput> network, List<ModelInput> labeled)
    {
        var keys = labeled.Select(LabelQueue.InputKey).ToHashSet(StringComparer.Ordinal);
        var (rows, _) = CriteriaLabels.Label([.. network.Where(r => !keys.Contains(LabelQueue.InputKey(r)))], criteria, 42);
        var set = new TrainingSet([.. labeled, .. rows], "experiment", "", 0, [.. labeled.Select(_ => false), .. rows.Select(_ => true)]);
        return new IcpTrainer(new ModelOptions(), NullLogger<IcpTrainer>.Instance).Train(set);
    }

    private static float[] Scores(TrainedModel model, List<ModelInput> inputs) =>
        IcpTrainer.Probabilities(model.Transformer, model.Context.Data.LoadFromEnumerable(inputs));
}
