using IcpScoring.Cli.Hosting;
using IcpScoring.Model;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Cli;

public sealed class SettingsTests
{
    [Fact]
    public void ShippedSettingsLoadAndValidate()
    {
        var settings = IcpSettings.Load(Repo.Path("appsettings.json"));

        Assert.Equal("models", settings.Paths.ModelsDir);
        Assert.Equal("data-samples/companies.csv", settings.Ingestion.CompanyDirectory);
        Assert.Equal([TrainerCatalog.LogisticRegression, TrainerCatalog.FastTree], settings.Model.Candidates);
        Assert.Equal(5, settings.Model.Folds);
    }

    [Theory]
    [InlineData("""{ "Model": { "Folds": 1 } }""", "Model:Folds")]
    [InlineData("""{ "Model": { "Trainers": ["Forest"] } }""", "Model:Trainers")]
    [InlineData("""{ "Model": { "TierA": 0.2, "TierB": 0.5 } }""", "Model:TierA")]
    [InlineData("""{ "Ingestion": { "MaxZipEntryBytes": -1 } }""", "Ingestion:MaxZipEntryBytes")]
    [InlineData("""{ "Ingestion": { "NoSuchKey": 1 } }""", "NoSuchKey")]
    [InlineData("""{ "Paths": { "ModelsDir": "" } }""", "Paths:ModelsDir")]
    [InlineData("""{ "Model": { "Folds": "many" } }""", "Model")]
    [InlineData("""{ not json""", "not valid JSON")]
    [InlineData("""{ "Jobs": { "InboxScanCron": "every minute" } }""", "Jobs:InboxScanCron")]
    [InlineData("""{ "Jobs": { "TimeZone": "Mars/Olympus" } }""", "Jobs:TimeZone")]
    [InlineData("""{ "Jobs": { "Queues": ["critical"] } }""", "Jobs:Queues")]
    [InlineData("""{ "Jobs": { "Dashboard": { "Username": "ops" } } }""", "Jobs:Dashboard:Password")]
    [InlineData("""{ "Jobs": { "LockTimeoutSeconds": 5 } }""", "Jobs:LockTimeoutSeconds")]
    [InlineData("""{ "Jobs": { "InvisibilityTimeoutSeconds": 0 } }""", "Jobs:InvisibilityTimeoutSeconds")]
    [InlineData("""{ "Jobs": { "QueuePollSeconds": 0 } }""", "Jobs:QueuePollSeconds")]
    [InlineData("""{ "Benchmarks": { "WarmReplyRate": -0.2 } }""", "Benchmarks:WarmReplyRate")]
    [InlineData("""{ "Drift": { "SignificanceLevel": 2 } }""", "Drift:SignificanceLevel")]
    [InlineData("""{ "Reports": { "ContactFirst": 0 } }""", "Reports:ContactFirst")]
    [InlineData("""{ "Reports": { "NeedsEnrichment": -1 } }""", "Reports:NeedsEnrichment")]
    public void InvalidSettingsAreRefusedNamingTheKey(string json, string key)
    {
        using var dir = new TempFolder();
        var file = dir.Write("appsettings.json", json);

        var e = Assert.Throws<ConfigurationProblemException>(() => IcpSettings.Load(file));

        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(file, e.Message, StringComparison.Ordinal);
    }
}
