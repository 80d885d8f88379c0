using System.Text.Json;
using IcpScoring.Drift;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;
using IcpScoring.Tests.Reports;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Pipeline;

/// <summary>
/// The main job on the shipped exports that carry a connection degree and that do not: only
/// 1st-degree connections are the account's network and pool, the others are reported apart.
/// </summary>
public sealed class ConnectionDegreeReportTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly CompanyDirectory _directory = CompanyDirectory.Load(Repo.Path("data-samples", "companies.csv"));

    public void Dispose() => _dir.Dispose();

    private string Out => _dir.File("out");

    // One export as account t, month 2026-11, as `icp ingest FILE --account t --month 2026-11` runs it.
    private RunSummary Ingest(string export)
    {
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var models = new AccountModels(new ProfileModels(ModelsFolder.Open(Repo.Path("models"), "sample")), new ProfileRouting(new ProfilesOptions()));
        var settings = new PipelineSettings(new IngestionOptions(), new ModelOptions(), new BenchmarksOptions(), new ReportsOptions(), new DriftOptions());
        return new MainJob(settings, _directory, models, store, NullLoggerFactory.Instance)
            .Run(new RunRequest(Out, Files: [Repo.Path("data-samples", "exports", export)], Account: "t", Month: "2026-11"));
    }

    private JsonElement Pool() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "t", "2026-11", "pool.json"))).RootElement;

    [Fact]
    public void SecondAndThirdDegreeLeadsAreKeptOutOfThePoolAndReportedApartAsAnInMailPool()
    {
        // salesnav-extract.csv: 300 rows, 106 of them 1st-degree, 127 2nd and 67 3rd; 78 ICP matches in all.
        var summary = Ingest("salesnav-extract.csv");

        var pool = Pool();
        Assert.Equal(106, pool.GetProperty("connections").GetInt64());
        Assert.Equal(106, pool.GetProperty("scored").GetInt64());
        var inMail = pool.GetProperty("inMailPool");
        Assert.Equal(194, inMail.GetProperty("leads").GetInt64());
        Assert.Equal(["2nd 127 37", "3rd 67 18", "out of network 0 0"],
            inMail.GetProperty("byDegree").EnumerateArray().Select(d => $"{d.GetProperty("degree").GetString()} {d.GetProperty("leads").GetInt64()} {d.GetProperty("icpMatched").GetInt64()}"));
        Assert.Equal(55, inMail.GetProperty("icpMatched").GetInt64());
        var addressable = pool.GetProperty("addressablePool").GetInt64();
        Assert.Equal(78 - 55, addressable);
        Assert.Equal(addressable, pool.GetProperty("icpMatched").GetInt64());
        Assert.Equal(addressable * 0.2, pool.GetProperty("expectedConversations").GetProperty("warm").GetDouble(), 6);
        Assert.Equal(55 * 0.1, inMail.GetProperty("expectedInMailReplies").GetProperty("low").GetDouble(), 6);
        Assert.Equal(55 * 0.25, inMail.GetProperty("expectedInMailReplies").GetProperty("high").GetDouble(), 6);
        Assert.Equal(addressable, CsvText.Records(Path.Combine(Out, "t", "2026-11", "targets.csv")).Count - 1);
        Assert.Equal("column", pool.GetProperty("degree").GetProperty("source").GetString());
        Assert.Equal(300, pool.GetProperty("source").GetProperty("dataRows").GetInt64());
        Assert.Contains("106 connections and 194 leads outside the network", summary.Files.Single().Detail, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(Out, "t", "2026-11", "pool.html"));
        Assert.Contains("<section id=\"inmail-pool\">", html, StringComparison.Ordinal);
        using var store = PipelineStore.Open(_dir.File("icp.db"));
        var snapshot = store.Snapshot("t", "2026-11")!;
        Assert.Equal(106, snapshot.Connections);
        Assert.Equal(106, store.SnapshotRows(snapshot.Id).Count());
        Assert.Equal(addressable, snapshot.AddressablePool);
    }

    [Fact]
    public void AFileWithoutADegreeThatIsNotLinkedInsOwnExportSaysItCountedEveryRowAsFirstDegree()
    {
        Ingest("apollo-contacts.csv");

        var pool = Pool();
        Assert.Equal("assumed", pool.GetProperty("degree").GetProperty("source").GetString());
        Assert.Contains(pool.GetProperty("assumptions").EnumerateArray(), a =>
            a.GetProperty("name").GetString() == "Connection degree"
            && a.GetProperty("value").GetString() == "this file has no connection degree; every row is counted as a 1st-degree connection");
        Assert.Equal(0, pool.GetProperty("inMailPool").GetProperty("leads").GetInt64());
        var html = File.ReadAllText(Path.Combine(Out, "t", "2026-11", "pool.html"));
        Assert.Contains("This file has no connection degree; every row is counted as a 1st-degree connection.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<section id=\"inmail-pool\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkedInsOwnExportIsTakenAsFirstDegreeWithoutAnAssumption()
    {
        Ingest("connections-2023.csv");

        var pool = Pool();
        Assert.Equal("linkedin-export", pool.GetProperty("degree").GetProperty("source").GetString());
        Assert.DoesNotContain("This file has no connection degree", File.ReadAllText(Path.Combine(Out, "t", "2026-11", "pool.html")), StringComparison.Ordinal);
    }
}
