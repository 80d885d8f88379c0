using System.Text.Json;
using IcpScoring.Model;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Model;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly TempFolder _dir = new();

    private string Models => _dir.File("models");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MissingFolderIsAnEmptyRegistry()
    {
        var registry = new ModelRegistry(Models);

        var versions = registry.List();
        var champion = registry.Champion();

        Assert.Empty(versions);
        Assert.Null(champion);
        Assert.Null(registry.ChampionVersion);
        Assert.False(Directory.Exists(Models));
    }

    [Fact]
    public void AddAssignsV1ThenV2AndCreatesTheFolder()
    {
        var registry = new ModelRegistry(Models);

        var first = registry.AddVersion("first");
        var second = registry.AddVersion("second");

        Assert.Equal("v1", first.Version);
        Assert.Equal("v2", second.Version);
        Assert.Equal("v2", second.Metadata.Version);
        Assert.Equal(Path.Combine(Models, "v2", "model.zip"), second.ModelPath);
        Assert.Equal("second", File.ReadAllText(second.ModelPath));
        Assert.Equal(["v1", "v2"], registry.List().Select(e => e.Version));
    }

    [Fact]
    public void AddedVersionIsNotChampionUntilPromoted()
    {
        var registry = new ModelRegistry(Models);

        var added = registry.AddVersion();

        Assert.False(added.IsChampion);
        Assert.False(registry.Get("v1").IsChampion);
        Assert.Null(registry.Champion());
        Assert.False(File.Exists(Path.Combine(Models, "registry.json")));
    }

    [Fact]
    public void PromotedVersionBecomesChampion()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.AddVersion();

        registry.Promote("v2", "better holdout AUC");

        Assert.Equal("v2", registry.ChampionVersion);
        Assert.Equal("v2", registry.Champion()?.Version);
        Assert.Equal([false, true], registry.List().Select(e => e.IsChampion));
    }

    [Fact]
    public void RollbackReturnsToThePreviousChampion()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.AddVersion();
        registry.Promote("v1", "first model");
        registry.Promote("v2", "retrained");

        var champion = registry.Rollback("v2 scores look wrong");

        Assert.Equal("v1", champion);
        Assert.Equal("v1", registry.Champion()?.Version);
    }

    [Fact]
    public void RollbackPastTheFirstChampionFailsAndChangesNothing()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.AddVersion();
        registry.Promote("v1", "first model");
        registry.Promote("v2", "retrained");
        registry.Rollback("v2 scores look wrong");
        var before = File.ReadAllText(Path.Combine(Models, "registry.json"));

        var error = Assert.Throws<ModelRegistryException>(() => registry.Rollback("again"));

        Assert.Contains("registry.json", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(Models, "registry.json")));
    }

    [Fact]
    public void RollbacksUndoPromotionsInTurn()
    {
        var registry = new ModelRegistry(Models);
        for (var i = 1; i <= 3; i++)
        {
            registry.AddVersion();
            registry.Promote($"v{i}", "retrained");
        }

        var first = registry.Rollback("bad");
        var second = registry.Rollback("also bad");

        Assert.Equal("v2", first);
        Assert.Equal("v1", second);
        Assert.Throws<ModelRegistryException>(() => registry.Rollback("nothing left"));
    }

    [Fact]
    public void RollbackSkipsRepeatedPromotionsOfTheCurrentChampion()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.AddVersion();
        registry.Promote("v1", "first model");
        registry.Promote("v2", "retrained");
        registry.Promote("v2", "promoted again by hand");

        var champion = registry.Rollback("bad");

        Assert.Equal("v1", champion);
    }

    [Fact]
    public void RollbackSkipsChampionsWhoseFilesWereDeleted()
    {
        var registry = new ModelRegistry(Models);
        for (var i = 1; i <= 3; i++)
        {
            registry.AddVersion();
            registry.Promote($"v{i}", "retrained");
        }

        Directory.Delete(Path.Combine(Models, "v2"), recursive: true);
        var champion = registry.Rollback("bad");

        Assert.Equal("v1", champion);
    }

    [Fact]
    public void RollbackIsRecordedInTheHistory()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.AddVersion();
        registry.Promote("v1", "first model");
        registry.Promote("v2", "retrained");

        registry.Rollback("v2 scores look wrong");

        Assert.Equal(
            [("v1", "first model", false), ("v2", "retrained", false), ("v1", "v2 scores look wrong", true)],
            registry.History().Select(p => (p.Version, p.Reason, p.Rollback)));
    }

    [Fact]
    public void RollbackWithoutAChampionFails()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();

        Assert.Throws<ModelRegistryException>(() => registry.Rollback("nothing promoted"));
    }

    [Fact]
    public void PromotingAnUnknownVersionFailsAndChangesNothing()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();

        var error = Assert.Throws<ModelRegistryException>(() => registry.Promote("v2", "typo"));

        Assert.Contains(Path.Combine(Models, "v2"), error.Message, StringComparison.Ordinal);
        Assert.Null(registry.ChampionVersion);
    }

    [Theory]
    [InlineData("v0")]
    [InlineData("v01")]
    [InlineData("V1")]
    [InlineData("../v1")]
    [InlineData("")]
    public void GetRejectsNamesThatAreNotVersions(string name)
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();

        Assert.Throws<ModelRegistryException>(() => registry.Get(name));
    }

    [Fact]
    public void ChampionWhoseModelZipIsMissingThrowsOneLineNamingThePath()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.Promote("v1", "first model");
        File.Delete(Path.Combine(Models, "v1", "model.zip"));

        var error = Assert.Throws<ModelRegistryException>(registry.Champion);

        Assert.StartsWith(Path.Combine(Models, "v1", "model.zip") + " is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("icp models rollback", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ChampionWhoseFolderIsMissingThrowsNamingTheFolder()
    {
        Directory.CreateDirectory(Models);
        File.WriteAllText(Path.Combine(Models, "registry.json"), """{"champion":"v3","promotions":[]}""");
        var registry = new ModelRegistry(Models);

        var error = Assert.Throws<ModelRegistryException>(registry.Champion);

        Assert.StartsWith(Path.Combine(Models, "v3") + " is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChampionWithUnreadableMetadataThrowsNamingTheFile()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.Promote("v1", "first model");
        File.WriteAllText(Path.Combine(Models, "v1", "model.json"), "{ not json");

        var error = Assert.Throws<ModelRegistryException>(registry.Champion);

        Assert.StartsWith(Path.Combine(Models, "v1", "model.json"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("{ \"champion\": ")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"champion\":\"../../etc\",\"promotions\":[]}")]
    public void CorruptRegistryJsonThrowsNamingTheFile(string content)
    {
        Directory.CreateDirectory(Models);
        File.WriteAllText(Path.Combine(Models, "registry.json"), content);
        var registry = new ModelRegistry(Models);

        var error = Assert.Throws<ModelRegistryException>(registry.Champion);

        Assert.StartsWith(Path.Combine(Models, "registry.json"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void CrashInsideAddLeavesNoVersionAndNoChampionChange()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.Promote("v1", "first model");

        Assert.Throws<InvalidDataException>(() => registry.Add(
            path =>
            {
                File.WriteAllText(path, "half a model");
                throw new InvalidDataException("trainer died");
            },
            RegistrySome.Metadata()));

        Assert.Equal(["v1"], Directory.GetDirectories(Models).Select(Path.GetFileName));
        Assert.Equal("v1", registry.Champion()?.Version);
        Assert.Equal("v2", registry.AddVersion().Version);
    }

    [Fact]
    public void AddFailsWhenTheCallbackWritesNoModel()
    {
        var registry = new ModelRegistry(Models);

        Assert.Throws<InvalidOperationException>(() => registry.Add(_ => { }, RegistrySome.Metadata()));

        Assert.Empty(registry.List());
        Assert.Empty(Directory.GetDirectories(Models));
    }

    [Fact]
    public void LeftoverTemporaryFoldersAreIgnoredByList()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        var leftover = Path.Combine(Models, ".tmp-0123456789abcdef");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "model.zip"), "crashed");
        File.WriteAllText(Path.Combine(leftover, "model.json"), "{}");

        var versions = registry.List();

        Assert.Equal(["v1"], versions.Select(e => e.Version));
    }

    [Fact]
    public void NextAddRemovesLeftoversOlderThanAnHourAndKeepsFreshOnes()
    {
        Directory.CreateDirectory(Models);
        var stale = Directory.CreateDirectory(Path.Combine(Models, ".tmp-stale")).FullName;
        var fresh = Directory.CreateDirectory(Path.Combine(Models, ".tmp-fresh")).FullName;
        var staleFile = Path.Combine(Models, ".registry.json.tmp-stale");
        File.WriteAllText(staleFile, "{");
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(staleFile, DateTime.UtcNow.AddHours(-2));
        var registry = new ModelRegistry(Models);

        registry.AddVersion();

        Assert.False(Directory.Exists(stale));
        Assert.False(File.Exists(staleFile));
        Assert.True(Directory.Exists(fresh));
    }

    [Fact]
    public void VersionFolderWithoutModelJsonIsSkipped()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.AddVersion();
        File.Delete(Path.Combine(Models, "v2", "model.json"));

        var versions = registry.List();

        Assert.Equal(["v1"], versions.Select(e => e.Version));
        Assert.Throws<ModelRegistryException>(() => registry.Get("v2"));
    }

    [Fact]
    public void IncompleteVersionFolderStillUsesUpItsNumber()
    {
        var registry = new ModelRegistry(Models);
        Directory.CreateDirectory(Path.Combine(Models, "v4"));

        var added = registry.AddVersion();

        Assert.Equal("v5", added.Version);
    }

    [Fact]
    public void VersionNumbersOfPastChampionsAreNeverReused()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();
        registry.AddVersion();
        registry.Promote("v2", "retrained");
        Directory.Delete(Path.Combine(Models, "v2"), recursive: true);

        var added = registry.AddVersion();

        Assert.Equal("v3", added.Version);
    }

    [Fact]
    public void VersionsSortByNumberNotByName()
    {
        var registry = new ModelRegistry(Models);
        for (var i = 0; i < 11; i++)
        {
            registry.AddVersion();
        }

        Directory.CreateDirectory(Path.Combine(Models, "v02"));
        var versions = registry.List();

        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"v{i}"), versions.Select(e => e.Version));
    }

    [Fact]
    public void ConcurrentAddsGetDistinctVersions()
    {
        const int Writers = 8;
        using var start = new Barrier(Writers);
        var versions = new string[Writers];
        var writers = Enumerable.Range(0, Writers)
            .Select(i => new Thread(() =>
            {
                // A registry per writer, as two processes would have.
                var registry = new ModelRegistry(Models);
                start.SignalAndWait();
                versions[i] = registry.AddVersion($"model {i}").Version;
            }))
            .ToList();

        writers.ForEach(w => w.Start());
        writers.ForEach(w => w.Join());

        Assert.Equal(Enumerable.Range(1, Writers).Select(i => $"v{i}"), versions.OrderBy(v => int.Parse(v[1..])));
        Assert.Empty(Directory.GetDirectories(Models, ".tmp-*"));
    }

    [Fact]
    public void MetadataRoundTripsThroughModelJson()
    {
        var registry = new ModelRegistry(Models);
        var metadata = RegistrySome.Metadata() with
        {
            Holdout = new ModelMetrics(double.NaN, 0.5, 0, double.PositiveInfinity, 0.1, 3, 0),
        };
        registry.Add(path => File.WriteAllText(path, "model"), metadata);

        var read = new ModelRegistry(Models).Get("v1").Metadata;

        Assert.Equivalent(metadata with { Version = "v1" }, read, strict: true);
        Assert.Equal(RegistrySome.TrainedAt, read.TrainedAt);
        Assert.Equal(TimeSpan.FromHours(1), read.TrainedAt.Offset);
        Assert.Equal(metadata.Holdout, read.Holdout);
    }

    [Fact]
    public void ModelJsonIsCamelCaseIndentedWithIsoDatesAndSortedDictionaries()
    {
        var registry = new ModelRegistry(Models);

        registry.AddVersion();

        var json = File.ReadAllText(Path.Combine(Models, "v1", "model.json"));
        Assert.StartsWith("{\n  \"schemaVersion\": 2,\n  \"version\": \"v1\",\n  \"trainedAt\": \"2025-03-14T09:26:53+01:00\",\n", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.True(
            json.IndexOf("\"iterations\"", StringComparison.Ordinal) < json.IndexOf("\"l2\"", StringComparison.Ordinal),
            "trainer options are written in key order");
    }

    [Fact]
    public void SameMetadataWritesTheSameModelJson()
    {
        var registry = new ModelRegistry(Models);
        var reordered = RegistrySome.Metadata() with
        {
            TrainerOptions = new Dictionary<string, string> { ["iterations"] = "100", ["l2"] = "0.1" },
        };

        registry.AddVersion();
        registry.Add(path => File.WriteAllText(path, "model"), reordered);

        Assert.Equal(
            File.ReadAllText(Path.Combine(Models, "v1", "model.json")).Replace("\"v1\"", "\"vN\"", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(Models, "v2", "model.json")).Replace("\"v2\"", "\"vN\"", StringComparison.Ordinal));
    }

    [Fact]
    public void RegistryJsonNamesTheChampionAndItsHistory()
    {
        var at = new DateTimeOffset(2025, 4, 1, 12, 0, 0, TimeSpan.Zero);
        var registry = new ModelRegistry(Models, new RegistryClock(at));
        registry.AddVersion();

        registry.Promote("v1", "first model");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Models, "registry.json")));
        Assert.Equal("v1", json.RootElement.GetProperty("champion").GetString());
        var promotion = Assert.Single(json.RootElement.GetProperty("promotions").EnumerateArray());
        Assert.Equal(["version", "at", "reason"], promotion.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-04-01T12:00:00+00:00", promotion.GetProperty("at").GetString());
        Assert.Equal("first model", promotion.GetProperty("reason").GetString());
    }

    [Fact]
    public void PromotionLeavesNoTemporaryFiles()
    {
        var registry = new ModelRegistry(Models);
        registry.AddVersion();

        registry.Promote("v1", "first model");

        Assert.Empty(Directory.GetFiles(Models, "*.tmp-*"));
    }
}
