using BenchmarkDotNet.Attributes;
using IcpScoring.Pipeline;
using IcpScoring.Reports;
using IcpScoring.Storage;

namespace IcpScoring.Benchmarks;

/// <summary>
/// Writing: the largest account's pool.json, pool.html and targets.csv rendered into a temporary
/// folder, and snapshots committed to a fresh SQLite database through <c>PipelineStore</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class WriteBenchmarks
{
    private const string Month = "2026-11";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"icp-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly ReportsOptions _reports = new();
    private string _modelVersion = "";
    private List<AccountAccumulator> _accounts = [];
    private readonly Dictionary<string, List<SnapshotRow>> _rows = new(StringComparer.Ordinal);
    private AccountAccumulator? _largest;
    private PoolReport? _report;
    private string _summaryJson = "";
    private string _reportFolder = "";
    private PipelineStore? _store;
    private long _ledgerId;

    private AccountAccumulator Largest => _largest ?? throw new InvalidOperationException("GlobalSetup has not run");

    private PoolReport Report => _report ?? throw new InvalidOperationException("GlobalSetup has not run");

    private PipelineStore Store => _store ?? throw new InvalidOperationException("IterationSetup has not run");

    [GlobalSetup]
    public void Setup()
    {
        var model = BenchData.LoadChampion();
        var directory = BenchData.LoadDirectory();
        var (connections, ingest) = BenchData.ReadConnections(directory);
        var (index, inputs) = BenchData.DistinctInputs(connections);
        var probabilities = model.Probabilities(inputs);
        var reasons = BenchData.Reasons(model, inputs, probabilities);
        _accounts = [.. BenchData.Accumulate(model, connections, index, inputs, probabilities, reasons, _rows).Values.OrderBy(a => a.Account, StringComparer.Ordinal)];
        _largest = _accounts.OrderByDescending(a => a.Connections).ThenBy(a => a.Account, StringComparer.Ordinal).First();
        _modelVersion = model.Version;
        _report = _largest.Report(Month, "inbox", model, BenchData.Benchmarks, new ReportsOptions(), new ReportSource(Path.GetFileName(ingest.File), ingest.Format, "", ingest.DataRows, ingest.Duplicates, ingest.Rejected, ingest.FromDirectory, directory.Count > 0), ingest.DegreeColumn, ingest.LinkedInExport);
        _summaryJson = new SnapshotSummary(AccountNames.Slug(_largest.Account), _report.IcpMatchRate, _report.PoolDepth, model.Version).ToJson();
        _reportFolder = Path.Combine(_root, "out", AccountNames.Slug(_largest.Account), Month);
        Directory.CreateDirectory(_reportFolder);
        Console.WriteLine($"// {BenchData.ExportPath}: {connections.Count:N0} connections, {_accounts.Count} accounts; largest {_largest.Account}: {_largest.Connections:N0} connections, {_largest.Targets.Count:N0} targets");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A fresh database file (schema made, one ledger entry claimed) for each iteration.</summary>
    [IterationSetup(Targets = [nameof(SnapshotOneAccount), nameof(SnapshotAllAccounts)])]
    public void OpenFreshStore()
    {
        var folder = Path.Combine(_root, "db-" + Guid.NewGuid().ToString("N"));
        _store = PipelineStore.Open(Path.Combine(folder, "icp.db"));
        if (_store.TryClaim(new string('0', 64), "inbox/bench/" + Month + ".csv", null, Month, Claimant.Current, TimeSpan.FromHours(1), out var entry) != ClaimOutcome.Claimed)
        {
            throw new InvalidOperationException("A fresh database refused the claim");
        }

        _ledgerId = entry.Id;
    }

    [IterationCleanup(Targets = [nameof(SnapshotOneAccount), nameof(SnapshotAllAccounts)])]
    public void DeleteStore()
    {
        var database = Store.Database;
        Store.Dispose();
        _store = null;
        Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
    }

    /// <summary>pool.json of the largest account (<c>PoolJson.Write</c>).</summary>
    [Benchmark]
    public void PoolJsonFile() => PoolJson.Write(Path.Combine(_reportFolder, "pool.json"), Report);

    /// <summary>pool.html of the largest account, charts included (<c>PoolHtml.Write</c>).</summary>
    [Benchmark]
    public void PoolHtmlFile() => PoolHtml.Write(Path.Combine(_reportFolder, "pool.html"), Report);

    /// <summary>targets.csv of the largest account, sorted best first as the pipeline does (<c>TargetsCsv.Write</c>).</summary>
    [Benchmark]
    public void TargetsCsvFile()
    {
        var targets = Largest.RankedTargets(0);
        TargetsCsv.Write(Path.Combine(_reportFolder, "targets.csv"), targets, _reports.IncludeEmails);
    }

    /// <summary>The largest account's snapshot rows committed to a fresh database.</summary>
    [Benchmark]
    public bool SnapshotOneAccount() => Commit(Largest);

    /// <summary>Every account's snapshot committed to a fresh database in one batch, as the pipeline does for a file.</summary>
    [Benchmark]
    public int SnapshotAllAccounts()
    {
        using var batch = Store.BeginSnapshots(_ledgerId, _modelVersion);
        foreach (var acc in _accounts)
        {
            foreach (var row in _rows[acc.Account])
            {
                batch.Add(acc.Account, row);
            }
        }

        return batch.Commit([.. _accounts.Select(a => new SnapshotHeader(a.Account, Month, a.Connections, a.Hidden, a.Scored, a.Matched, a.Matched, _summaryJson))]).Count;
    }

    private bool Commit(AccountAccumulator acc)
    {
        using var snapshot = Store.BeginSnapshot(acc.Account, Month, _ledgerId, _modelVersion);
        foreach (var row in _rows[acc.Account])
        {
            snapshot.Add(row);
        }

        return snapshot.Commit(acc.Connections, acc.Hidden, acc.Scored, acc.Matched, acc.Matched, _summaryJson);
    }
}
