using System.Globalization;
using System.Text;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Model;

/// <summary>
/// A model trained before title terms existed (a copy of models/sample/v1 as shipped then, in
/// Fixtures/before-title-terms) still loads from its registry and gives the same probabilities and
/// reasons, to the last bit, as it gave when it was trained: registries in use keep scoring the same.
/// </summary>
public sealed class ModelBeforeTitleTermsTests : IDisposable
{
    private static readonly string[] Titles =
    [
        "VP Marketing", "Sr. Dir, Rev Ops & GTM", "VP, FP&A", "Head of CS - EMEA", "Directeur Marketing & Communication",
        "Leiterin Vertrieb / Marketing", "CMO | Co-Founder", "SDR", "Account Executive (AE), Mid-Market", "Responsable RH",
        "Jefe de Finanzas y Contabilidad", "Diretora de Marketing", "Hoofd Marketing", "Marketing Mgr", "Software Engineer",
        "Staff Nurse", "Head of Demand Generation", "Growth Marketing Lead", "Dir. Demand Gen", "CFO", "",
    ];

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AModelTrainedBeforeTitleTermsLoadsAndScoresAsItDidThen()
    {
        var champion = new ModelRegistry(Repo.Path("tests", "IcpScoring.Tests", "Model", "Fixtures", "before-title-terms")).Champion()!;
        var model = IcpModel.Load(champion);
        var inputs = Titles
            .SelectMany(t => new[] { ("Software Development", "51-200"), ("Hospitals and Health Care", "") }, (t, f) => (Title: t, f.Item1, f.Item2))
            .Select(x => ModelFeatures.From(TitleCleaner.Clean(x.Title), IndustryCatalog.Default.Find(x.Item2), CompanySizes.Parse(x.Item3)))
            .ToList();

        var scored = model.Score(inputs, new ModelOptions());

        var text = new StringBuilder();
        for (var i = 0; i < inputs.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{inputs[i].Title}\t{inputs[i].Industry}\t{scored[i].Probability:R}\t{string.Join("; ", scored[i].Reasons)}\n");
        }

        var produced = Path.Combine(_dir.Path, "scores.tsv");
        File.WriteAllText(produced, text.ToString());
        Approvals.Verify(produced, Path.Combine("Model", "Fixtures", "before-title-terms", "scores.tsv"));
    }
}
