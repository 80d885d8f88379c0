using IcpScoring.Model;
using IcpScoring.Profiles;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Profiles;

/// <summary>One folder per profile; a models folder from before profiles becomes the default profile's without anyone moving files.</summary>
public sealed class ModelsFolderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Models => _dir.File("models");

    // The layout every deployment had before profiles: registry.json and vN/ at the top.
    private void OldLayout()
    {
        Directory.CreateDirectory(Models);
        File.Copy(Repo.Path("models", "sample", "registry.json"), Path.Combine(Models, "registry.json"));
        Directory.CreateDirectory(Path.Combine(Models, "v1"));
        foreach (var file in Directory.GetFiles(Repo.Path("models", "sample", "v1")))
        {
            File.Copy(file, Path.Combine(Models, "v1", Path.GetFileName(file)));
        }
    }

    [Fact]
    public void AnOldSingleRegistryBecomesTheDefaultProfilesWithItsChampionAndHistory()
    {
        OldLayout();

        var folder = ModelsFolder.Open(Models, "sample");

        Assert.NotNull(folder.Migrated);
        Assert.False(File.Exists(Path.Combine(Models, "registry.json")));
        Assert.False(Directory.Exists(Path.Combine(Models, "v1")));
        var profile = folder.Get("sample");
        Assert.Null(profile.Criteria);
        Assert.Equal("v1", profile.Registry.Champion()!.Version);
        Assert.Single(profile.Registry.History());
        Assert.Equal(["sample"], folder.Names());
    }

    [Fact]
    public void AnExistingDeploymentRunsAsBeforeAndItsRegistryMovesOnItsOwn()
    {
        OldLayout();
        var inbox = _dir.File("inbox");
        Directory.CreateDirectory(Path.Combine(inbox, "acme"));
        File.Copy(Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"), Path.Combine(inbox, "acme", "2026-11.csv"));
        var log = _dir.File("logs/icp-.log");

        var run = IcpProcess.Run(_dir.Path, null, "--config", IcpProcess.WriteConfig(_dir, logFile: log), "--models-dir", Models, "--db", _dir.File("icp.db"), "run", "--inbox", inbox, "--out", _dir.File("out"));
        var list = IcpProcess.Run(_dir.Path, null, "--config", IcpProcess.WriteConfig(_dir, logFile: log), "--models-dir", Models, "models", "list");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("profile sample model v1", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Models, "sample", "v1", "model.zip")));
        Assert.Contains("* v1", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("moved the registry of", string.Concat(Directory.GetFiles(_dir.File("logs")).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public void OpeningAgainMovesNothing()
    {
        OldLayout();
        ModelsFolder.Open(Models, "sample");

        var again = ModelsFolder.Open(Models, "sample");

        Assert.Null(again.Migrated);
        Assert.Equal("v1", again.Get("sample").Registry.ChampionVersion);
    }

    [Fact]
    public void TheOldRegistryGoesToWhicheverProfileIsTheDefault()
    {
        OldLayout();

        var folder = ModelsFolder.Open(Models, "agency-main");

        Assert.Equal("v1", folder.Get("agency-main").Registry.ChampionVersion);
    }

    [Fact]
    public void AMoveCutShortIsFinishedByTheNextOpen()
    {
        OldLayout();
        // Killed after the versions moved and before registry.json did.
        Directory.CreateDirectory(Path.Combine(Models, "sample"));
        Directory.Move(Path.Combine(Models, "v1"), Path.Combine(Models, "sample", "v1"));

        var folder = ModelsFolder.Open(Models, "sample");

        Assert.Equal("v1", folder.Get("sample").Registry.Champion()!.Version);
        Assert.False(File.Exists(Path.Combine(Models, "registry.json")));
    }

    [Fact]
    public void TwoRegistriesForTheDefaultProfileAreRefusedRatherThanMerged()
    {
        OldLayout();
        _dir.Write("models/sample/registry.json", File.ReadAllText(Path.Combine(Models, "registry.json")));

        var e = Assert.Throws<ModelRegistryException>(() => ModelsFolder.Open(Models, "sample"));

        Assert.Contains("move one of them away", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownProfileIsRefusedNamingTheFileAndTheProfilesThereAre()
    {
        _dir.Write("models/finance/profile.json", """{ "functions": ["Finance"] }""");
        var folder = ModelsFolder.Open(Models, "sample");

        var e = Assert.Throws<ProfileException>(() => folder.Get("marketing"));

        Assert.Contains(Path.Combine(Models, "marketing", "profile.json"), e.Message, StringComparison.Ordinal);
        Assert.Contains("no such profile; profiles in " + Models + ": finance", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProfileMayHaveLabelsAndNoCriteria()
    {
        new ModelRegistry(_dir.File("models/labels-only")).Add(p => File.WriteAllBytes(p, [1]), new ModelMetadata());

        var profile = ModelsFolder.Open(Models, "sample").Get("labels-only");

        Assert.Null(profile.Criteria);
    }
}
