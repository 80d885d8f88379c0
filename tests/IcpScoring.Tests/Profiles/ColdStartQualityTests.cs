using System.Globalization;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace IcpScoring.Tests.Profiles;

/// <summary>
/// A model trained from a profile's criteria alone, measured against a population whose true ICP is
/// known (<see cref="KnownIcpPopulation"/>) and beside the criteria applied as a plain rule.
/// </summary>
public sealed class ColdStartQualityTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>What one population measured: AUC against the truth and match rates.</summary>
    public sealed record Measured(double ModelAuc, double RuleAuc, double TrueRate, double ModelRate, double RuleRate, double RuleRateUnknownsIn, double ExpectedRate);

    [Fact]
    public void AModelFromCriteriaRanksTheTrueIcpBetterThanTheRuleAndItsMatchRateIsNoFurtherFromTheTruth()
    {
        var people = KnownIcpPopulation.People(4000, seed: 7);
        var model = ColdStart(people);

        var m = Measure(model, people);

        Assert.True(m.ModelAuc > m.RuleAuc + 0.01, $"model AUC {m.ModelAuc:F4} vs rule {m.RuleAuc:F4}");
        Assert.True(Math.Abs(m.ModelRate - m.TrueRate) <= Math.Abs(m.RuleRate - m.TrueRate), $"model rate {m.ModelRate:P2}, rule {m.RuleRate:P2}, truth {m.TrueRate:P2}");
    }

    /// <summary>The README's table: five populations, each model measured on another population of the same kind.</summary>
    [Fact]
    public void OnFivePopulationsTheModelRanksBetterAndCountsCloserOnConnectionsItWasNotTrainedOn()
    {
        var all = new List<Measured>();
        foreach (var seed in new[] { 101, 102, 103, 104, 105 })
        {
            var model = ColdStart(KnownIcpPopulation.People(4000, seed));

            var m = Measure(model, KnownIcpPopulation.People(4000, seed + 1000));

            Assert.True(m.ModelAuc > m.RuleAuc + 0.01, $"seed {seed}: model AUC {m.ModelAuc:F4} vs rule {m.RuleAuc:F4}");
            Assert.True(Math.Abs(m.ModelRate - m.TrueRate) <= Math.Abs(m.RuleRate - m.TrueRate), $"seed {seed}: model rate {m.ModelRate:P2}, rule {m.RuleRate:P2}, truth {m.TrueRate:P2}");
            all.Add(m);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"five populations: AUC model {all.Average(r => r.ModelAuc):F4} ({all.Min(r => r.ModelAuc):F4}-{all.Max(r => r.ModelAuc):F4}), rule {all.Average(r => r.RuleAuc):F4} ({all.Min(r => r.RuleAuc):F4}-{all.Max(r => r.RuleAuc):F4}); true rate {all.Average(r => r.TrueRate):P2}; "
            + $"off the truth by model {all.Average(r => Math.Abs(r.ModelRate - r.TrueRate)) * 100:F2} pts (max {all.Max(r => Math.Abs(r.ModelRate - r.TrueRate)) * 100:F2}), rule {all.Average(r => Math.Abs(r.RuleRate - r.TrueRate)) * 100:F2} (min {all.Min(r => Math.Abs(r.RuleRate - r.TrueRate)) * 100:F2}), rule with unknowns counted in {all.Average(r => Math.Abs(r.RuleRateUnknownsIn - r.TrueRate)) * 100:F2}"));
    }

    private IcpModel ColdStart(IReadOnlyList<KnownIcpPopulation.Person> people)
    {
        // A models folder of its own each time: the profile has no model yet.
        var models = "models-" + Guid.NewGuid().ToString("N");
        _dir.Write($"{models}/finance-leaders/profile.json", KnownIcpPopulation.Profile);
        var export = _dir.Write("network.csv", KnownIcpPopulation.Csv(people));
        var profile = ModelsFolder.Open(_dir.File(models), "sample").Get("finance-leaders");
        var entry = new ColdStart(new ModelOptions(), NullLoggerFactory.Instance).Train(profile, () =>
        {
            var population = new CriteriaPopulation();
            population.AddExport(export, new IngestionOptions(), CompanyDirectory.Empty, _ => "", _ => true);
            return population;
        });
        Assert.Equal(TrainingOrigin.Criteria, entry.Metadata.TrainedFrom);
        return IcpModel.Load(entry, "finance-leaders");
    }

    private Measured Measure(IcpModel model, IReadOnlyList<KnownIcpPopulation.Person> people)
    {
        var criteria = ProfileFile.Parse(System.Text.Encoding.UTF8.GetBytes(KnownIcpPopulation.Profile), "profile.json");
        var inputs = people.Select(p => ModelFeatures.From(
            TitleCleaner.Clean(p.Title),
            p.KnownIndustry ? IndustryCatalog.Default.Find(p.Industry) : null,
            p.KnownSize ? CompanySizes.Parse(p.Size) : null)).ToList();
        var truth = people.Select(p => p.IsIcp).ToArray();
        var p = model.Probabilities(inputs);
        var verdicts = inputs.Select(criteria.Evaluate).ToList();
        var rule = verdicts.Select(v => v.Meets ? 1f : v.Undecided ? 0.5f : 0f).ToArray();
        var m = new Measured(
            ClassifierMetrics.Auc(truth, p),
            ClassifierMetrics.Auc(truth, rule),
            truth.Count(t => t) / (double)truth.Length,
            p.Count(model.IsMatch) / (double)p.Length,
            verdicts.Count(v => v.Meets) / (double)truth.Length,
            verdicts.Count(v => !v.Fails) / (double)truth.Length,
            p.Average(x => (double)x));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"AUC model {m.ModelAuc:F4} rule {m.RuleAuc:F4}; rate true {m.TrueRate:P2} model {m.ModelRate:P2} (mean p {m.ExpectedRate:P2}) rule {m.RuleRate:P2} (unknowns counted in: {m.RuleRateUnknownsIn:P2}); threshold {model.Threshold:F3} {model.Metadata.Trainer}"));
        foreach (var kind in new[] { "named", "unnamed", "near", "other" })
        {
            var rows = Enumerable.Range(0, people.Count).Where(i => people[i].Kind == kind && people[i].IsIcp == (kind is "named" or "unnamed")).ToList();
            if (rows.Count > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-8} n={rows.Count,4} model matches {rows.Count(i => model.IsMatch(p[i])) / (double)rows.Count:P0} mean p {rows.Average(i => p[i]):F3} rule meets {rows.Count(i => verdicts[i].Meets) / (double)rows.Count:P0}"));
            }
        }

        return m;
    }
}
