using IcpScoring.Drift;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Profiles;

/// <summary>An account moved to another profile: its drift report says so and gives the change to the model.</summary>
public sealed class ProfileDriftTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public ProfileDriftTests()
    {
        foreach (var file in Directory.GetFiles(Repo.Path("models", "sample"), "*", SearchOption.AllDirectories))
        {
            var target = _dir.File(Path.Combine("models", "sample", Path.GetRelativePath(Repo.Path("models", "sample"), file)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        _dir.Write("models/finance-leaders/profile.json", KnownIcpPopulation.Profile);
    }

    public void Dispose() => _dir.Dispose();

    private DriftReport Run(string profile)
    {
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var settings = new PipelineSettings(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), new ReportsOptions(), new DriftOptions());
        var models = new AccountModels(new ProfileModels(ModelsFolder.Open(_dir.File("models"), "sample")), ProfileRouting.Only(profile));
        new MainJob(settings, CompanyDirectory.Empty, models, store, NullLoggerFactory.Instance).Run(new RunRequest(_dir.File("out"), Inbox: _dir.File("inbox")));
        return new DriftJob(store, models.Get, "sample", new DriftOptions(), NullLogger<DriftJob>.Instance).Refresh(_dir.File("out"), ["bank"])["bank"];
    }

    [Fact]
    public void ASwitchOfProfileIsAModelChangeTheReportNamesAndAttributes()
    {
        var network = KnownIcpPopulation.Csv(KnownIcpPopulation.People(1200, seed: 5));
        _dir.Write("inbox/bank/2026-10.csv", network);
        Run("sample");
        _dir.Write("inbox/bank/2026-11.csv", network + "\n");

        var drift = Run("finance-leaders");

        Assert.True(drift.ProfileChanged);
        Assert.Equal(("sample", "finance-leaders"), (drift.PreviousProfile, drift.Profile));
        Assert.True(drift.ModelChanged);
        var a = drift.Attribution!;
        Assert.Equal(0, a.Network, 9);
        Assert.Equal(a.Total, a.Model, 9);
        Assert.Contains("profile sample v1 → profile finance-leaders v1", drift.Summary, StringComparison.Ordinal);
        Assert.Contains(drift.Alerts, x => x.StartsWith("Model changed (profile sample v1 → profile finance-leaders v1)", StringComparison.Ordinal));
        Assert.Equal(["sample", "finance-leaders"], drift.Trend.Select(t => t.Profile));
        var html = File.ReadAllText(_dir.File("out/bank/2026-11/drift.html"));
        Assert.Contains("finance-leaders", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotsFromBeforeProfilesCountAsTheDefaultProfilesModel()
    {
        var network = KnownIcpPopulation.Csv(KnownIcpPopulation.People(400, seed: 6));
        _dir.Write("inbox/bank/2026-10.csv", network);
        Run("sample");
        // What a database written before profiles holds: the bare version.
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dir.File("icp.db")};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "UPDATE snapshots SET model_version = 'v1'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        _dir.Write("inbox/bank/2026-11.csv", network + "\n");

        var drift = Run("sample");

        Assert.False(drift.ModelChanged);
        Assert.True(drift.Identical);
    }
}
