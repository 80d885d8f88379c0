using System.Text;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Profiles;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace IcpScoring.Tests.Profiles;

/// <summary>A team's first 200 labels, with and without the profile's criteria as a prior, judged on connections of a known population.</summary>
[Trait("Category", "Slow")]
public sealed class SmallSetPriorTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TwoHundredLabelsRankTheTrueIcpAtLeastAsWellWithTheCriteriaAsAPrior()
    {
        var criteria = ProfileFile.Parse(Encoding.UTF8.GetBytes(KnownIcpPopulation.Profile), "profile.json");
        // A team labels prospects it looked at, not a random draw: 50 ICP and 150 others (the population has about 4% ICP).
        var pool = KnownIcpPopulation.People(5000, seed: 11);
        var labeled = Inputs([.. pool.Where(p => p.IsIcp).Take(50), .. pool.Where(p => !p.IsIcp).Take(150)]);
        var (criteriaRows, _) = CriteriaLabels.Label(Inputs(KnownIcpPopulation.People(3000, seed: 12)), criteria, 42);
        var heldOut = KnownIcpPopulation.People(4000, seed: 13);

        var alone = Auc(Train(new TrainingSet(labeled, "labels", "")), heldOut, "labels");
        var withPrior = Auc(Train(CriteriaPrior.Combine(labeled, criteriaRows, "labels", "", 0, 42)), heldOut, "prior");
        var unweighted = Auc(Train(new TrainingSet([.. labeled, .. criteriaRows], "labels", "", 0, [.. labeled.Select(_ => false), .. criteriaRows.Select(_ => true)])), heldOut, "all");

        output.WriteLine($"held-out AUC: labels alone {alone:F4}, with the criteria as a prior (<= {CriteriaPrior.MaxRows} rows, weighted) {withPrior:F4}, with all {criteriaRows.Count} criteria rows unweighted {unweighted:F4}");
        Assert.True(withPrior >= alone, $"AUC with prior {withPrior:F4}, without {alone:F4}");
    }

    private static List<ModelInput> Inputs(IEnumerable<KnownIcpPopulation.Person> people) =>
        [.. people.Select(p => ModelFeatures.From(
            TitleCleaner.Clean(p.Title),
            p.KnownIndustry ? IndustryCatalog.Default.Find(p.Industry) : null,
            p.KnownSize ? CompanySizes.Parse(p.Size) : null,
            p.IsIcp))];

    private static TrainedModel Train(TrainingSet set)
    {
        var trained = new IcpTrainer(new ModelOptions(), NullLogger<IcpTrainer>.Instance).Train(set);
        return trained;
    }

    private double Auc(TrainedModel trained, List<KnownIcpPopulation.Person> people, string name)
    {
        var path = _dir.File(name + ".zip");
        trained.Save(path);
        var model = IcpModel.Load(path, trained.Metadata);
        output.WriteLine($"{name}: {trained.Metadata.Trainer}, {trained.Metadata.Repetitions} repetitions, calibration {trained.Metadata.Calibration?.Method}; caveats: {string.Join(" | ", trained.Metadata.Caveats)}");
        return ClassifierMetrics.Auc([.. people.Select(p => p.IsIcp)], model.Probabilities(Inputs(people)));
    }
}
