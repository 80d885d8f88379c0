using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Model;

public sealed class IcpModelTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ModelInput Input(string title, string? industry = null, string? size = null) =>
        ModelFeatures.From(TitleCleaner.Clean(title), IndustryCatalog.Default.Find(industry), CompanySizes.Parse(size));

    [Fact]
    public void MarketingLeadersAtSoftwareCompaniesScoreAboveEngineersAtHospitals()
    {
        var p = fixture.Model.Probabilities([Input("Head of Demand Generation", "Software Development", "51-200"), Input("Staff Nurse", "Hospitals and Health Care", "10001+")]);

        Assert.True(p[0] > fixture.Model.Threshold, $"ICP scored {p[0]}");
        Assert.True(p[1] < 0.05, $"non-ICP scored {p[1]}");
    }

    [Fact]
    public void ReasonsAreWordsAMarketerReads()
    {
        var scored = fixture.Model.Score([Input("Director of Demand Generation", "Software Development", "201-500")], fixture.Options).Single();

        Assert.True(scored.IsMatch);
        Assert.NotEmpty(scored.Reasons);
        Assert.Contains(scored.Reasons, r => r.Text is "industry: Software Development" or "Director in Marketing" || r.Text.StartsWith("title mentions", StringComparison.Ordinal));
        Assert.All(scored.Reasons, r => Assert.DoesNotContain("Key", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void ReasonsSayWhatLoweredTheScoreAsWellAsWhatRaisedItLargestEffectFirst()
    {
        var options = fixture.Options with { TopReasons = 10 };

        var scored = fixture.Model.Score([Input("VP Marketing", "Retail", "51-200")], options).Single();

        Assert.Contains(scored.Reasons, r => r.Text == "industry: Retail" && r.Points < 0);
        Assert.Contains(scored.Reasons, r => r.Points > 0);
        Assert.Equal(scored.Reasons.OrderByDescending(r => Math.Abs(r.Points)).Select(r => r.Text), scored.Reasons.Select(r => r.Text));
        var industry = scored.Reasons.Single(r => r.Text.StartsWith("industry", StringComparison.Ordinal));
        Assert.Equal($"industry: Retail ({ScoreReason.Signed(industry.Points)} pts)", industry.ToString());
        Assert.StartsWith("−", ScoreReason.Signed(industry.Points), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingValuesAndUnseenCategoriesStillScore()
    {
        var inputs = new[] { new ModelInput(), Input("", null, null), Input("Zookeeper", "Zoos and Botanical Gardens", "2-10") };

        var scored = fixture.Model.Score(inputs, fixture.Options);

        Assert.All(scored, s => Assert.InRange(s.Probability, 0f, 1f));
        Assert.All(scored, s => Assert.Equal("D", s.Tier));
    }

    [Fact]
    public void IdenticalInputsGetIdenticalScoresInOneBatch()
    {
        var input = Input("VP Marketing", "IT Services and IT Consulting", "51-200");

        var p = fixture.Model.Probabilities([input, Input("Teacher"), input]);

        Assert.Equal(p[0], p[2]);
    }

    [Theory]
    [InlineData(0.9, "A")]
    [InlineData(0.75, "A")]
    [InlineData(0.6, "B")]
    [InlineData(0.3, "C")]
    [InlineData(0.1, "D")]
    public void TiersFollowTheConfiguredBands(double probability, string tier) =>
        Assert.Equal(tier, new ModelOptions().Tier(probability));

    [Fact]
    public void TierBandsAreConfigurable() =>
        Assert.Equal("A", new ModelOptions { TierA = 0.6, TierB = 0.4, TierC = 0.2 }.Tier(0.65));

    [Fact]
    public void CorruptModelFileIsRefusedSayingWhatToDo()
    {
        var path = _dir.Write("model.zip", "not a model at all");

        var e = Assert.Throws<ModelLoadException>(() => IcpModel.Load(path, fixture.Trained.Metadata));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("icp train", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingModelFileIsRefusedSayingWhatToDo()
    {
        var e = Assert.Throws<ModelLoadException>(() => IcpModel.Load(_dir.File("nope.zip"), fixture.Trained.Metadata));

        Assert.Contains("no such model file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelOfAnotherFeatureSchemaIsRefused()
    {
        var entry = new RegistryEntry("v9", fixture.Trained.Metadata with { SchemaVersion = ModelInput.SchemaVersion + 1 }, true, fixture.ModelPath);

        var e = Assert.Throws<ModelLoadException>(() => IcpModel.Load(entry));

        Assert.Contains("feature schema", e.Message, StringComparison.Ordinal);
    }
}
