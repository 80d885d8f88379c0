using IcpScoring.Drift;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Pipeline;

/// <summary>
/// Writes every month's drift report of the given accounts from their snapshots, so a month that
/// arrives out of order slots into the history and the reports around it are made again. When the
/// model changed between two months, the earlier month is re-scored with the later month's model.
/// </summary>
internal sealed partial class DriftJob(PipelineStore store, Func<string, IcpModel?> models, string defaultProfile, DriftOptions options, ILogger<DriftJob> logger, BenchmarksOptions? benchmarks = null)
{
    private readonly BenchmarksOptions _benchmarks = benchmarks ?? new BenchmarksOptions();

    private readonly Dictionary<string, long> _written = new(StringComparer.Ordinal);

    /// <summary>
    /// The accounts whose drift reports were written, each with the newest snapshot they were made
    /// from: what <see cref="PipelineStore.DriftWritten"/> may clear once everything made from
    /// them (the portfolio too) is written. Until then they stay pending, so a refresh cut short
    /// is done again by the next.
    /// </summary>
    public IReadOnlyDictionary<string, long> Written => _written;

    /// <summary>The latest month's report of each account, for the portfolio.</summary>
    public IReadOnlyDictionary<string, DriftReport> Refresh(string outRoot, IEnumerable<string>? accounts = null, CancellationToken cancellationToken = default)
    {
        var ledger = store.Ledger().ToDictionary(e => e.Id);
        var latest = new Dictionary<string, DriftReport>(StringComparer.Ordinal);
        // Accounts a killed run committed snapshots for but never wrote reports of are done too.
        var pending = store.DriftPending();
        var names = (accounts ?? store.Snapshots().Select(s => s.Account)).Concat(pending.Keys).Distinct(StringComparer.Ordinal);
        foreach (var account in names.Order(StringComparer.Ordinal))
        {
            // A snapshot from before profiles names a bare version: the default profile's.
            var months = store.Snapshots(account).OrderBy(s => s.Month, StringComparer.Ordinal)
                .Select(s => s with { ModelVersion = ModelRef.Parse(s.ModelVersion, defaultProfile).ToString() }).ToList();
            var trend = months.Select(s => (Info: s, Ref: ModelRef.Parse(s.ModelVersion, defaultProfile)))
                .Select(s => new TrendPoint(s.Info.Month, s.Info.Scored == 0 ? 0 : s.Info.IcpMatched / (double)s.Info.Scored, s.Info.AddressablePool, s.Info.Connections, s.Ref.Version, s.Ref.Profile)).ToList();
            SnapshotData? previous = null;
            var alertsByMonth = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var i = 0; i < months.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A month's rows are read only when some month is compared with it: a lone first month needs its counts alone.
                var current = months.Count > 1 ? Load(months[i], ledger) : new SnapshotData(months[i], [], 0, 0);
                var rescored = previous is not null && previous.Info.ModelVersion != current.Info.ModelVersion ? Rescore(previous, current.Info.ModelVersion) : null;
                var report = WithStandingAlerts(DriftCalculator.Compare(previous, current, trend[..(i + 1)], rescored, options), months[i]);
                var folder = Path.Combine(outRoot, Folder(current.Info), current.Info.Month);
                Directory.CreateDirectory(folder);
                AtomicFiles.RemoveLeftovers(folder);
                DriftJson.Write(Path.Combine(folder, "drift.json"), report);
                DriftHtml.Write(Path.Combine(folder, "drift.html"), report, [.. months.Select(m => m.Month)]);
                latest[account] = report;
                alertsByMonth[report.Month] = report.Alerts;
                previous = current;
            }

            if (months.Count > 0)
            {
                AtomicFiles.WriteAllText(Path.Combine(outRoot, Folder(months[^1]), "index.html"), AccountHistoryHtml.Render(latest[account], alertsByMonth));
            }

            _written[account] = months.Count == 0 ? long.MaxValue : months.Max(m => m.Id);
            LogRefreshed(account, months.Count);
        }

        return latest;
    }

    /// <summary>
    /// Each account's latest alerts: from the reports just made, else from the latest drift.json on
    /// disk, else made now (an output folder that was cleared).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LatestAlerts(string outRoot, IReadOnlyDictionary<string, DriftReport> fresh, CancellationToken cancellationToken = default)
    {
        var alerts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var latest in LatestMonths(store))
        {
            if (fresh.TryGetValue(latest.Account, out var report) && report.Month == latest.Month)
            {
                alerts[latest.Account] = report.Alerts;
            }
            else if (SavedAlerts(outRoot, latest) is { } saved)
            {
                alerts[latest.Account] = saved;
            }
            else
            {
                alerts[latest.Account] = Refresh(outRoot, [latest.Account], cancellationToken)[latest.Account].Alerts;
            }
        }

        return alerts;
    }

    /// <summary>Each account's latest month.</summary>
    internal static IEnumerable<SnapshotInfo> LatestMonths(PipelineStore store) =>
        store.Snapshots().GroupBy(s => s.Account, StringComparer.Ordinal).Select(g => g.MaxBy(s => s.Month, StringComparer.Ordinal)!);

    /// <summary>The alerts of a month's drift.json as written, or null when there is none to read.</summary>
    internal static List<string>? SavedAlerts(string outRoot, SnapshotInfo month) =>
        SavedAlerts(Path.Combine(outRoot, Folder(month), month.Month, "drift.json"));

    private static List<string>? SavedAlerts(string driftJson)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(driftJson));
            return json.RootElement.TryGetProperty("alerts", out var alerts) && alerts.ValueKind == System.Text.Json.JsonValueKind.Array
                ? [.. alerts.EnumerateArray().Select(a => a.GetString() ?? "")]
                : null;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private SnapshotData Load(SnapshotInfo info, Dictionary<long, LedgerEntry> ledger)
    {
        var file = ledger.GetValueOrDefault(info.LedgerId);
        return new SnapshotData(info, [.. store.SnapshotRows(info.Id)], file?.DataRows ?? 0, file?.Rejected ?? 0);
    }

    // The earlier month's rows, scored by the later month's model: what the rate would have been had the model not changed.
    private double? Rescore(SnapshotData previous, string version)
    {
        if (models(version) is not { } model)
        {
            return null;
        }

        var index = new Dictionary<(string, string, string), int>();
        var inputs = new List<ModelInput>();
        var rows = previous.Rows.Where(r => !r.IsHidden).ToList();
        var which = new int[rows.Count];
        for (var k = 0; k < rows.Count; k++)
        {
            var r = rows[k];
            var key = (r.Title, r.Industry, r.CompanySize);
            if (!index.TryGetValue(key, out var i))
            {
                i = inputs.Count;
                index[key] = i;
                inputs.Add(ModelFeatures.From(TitleCleaner.Clean(r.Title), IndustryCatalog.Default.Find(r.Industry), CompanySizes.Parse(r.CompanySize)));
            }

            which[k] = i;
        }

        var p = model.Probabilities(inputs);
        return rows.Count == 0 ? 0 : which.Count(i => model.IsMatch(p[i])) / (double)rows.Count;
    }

    // Alerts about where the account stands rather than what changed, so a first or a quiet month
    // raises them too: a match rate falling month after month, and a pool too shallow for campaigns.
    private DriftReport WithStandingAlerts(DriftReport report, SnapshotInfo month)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var alerts = report.Alerts.ToList();
        var n = options.DecliningMonths;
        var trend = report.Trend;
        if (n > 0 && trend.Count > n && Enumerable.Range(trend.Count - n, n).All(k => trend[k].IcpMatchRate < trend[k - 1].IcpMatchRate - DecliningStep))
        {
            var path = string.Join(" → ", trend.Skip(trend.Count - n - 1).Select(t => (t.IcpMatchRate * 100).ToString("0.0", c) + "%"));
            alerts.Add(string.Create(c, $"Match rate fell {n} months in a row ({path}; Drift:DecliningMonths)"));
        }

        if (SnapshotSummary.FromJson(month.SummaryJson)?.PoolDepth == "too-shallow")
        {
            alerts.Add(string.Create(c, $"Pool too shallow for campaigns: {month.AddressablePool:N0} ICP connections, below the {_benchmarks.ShallowPoolBelow:N0} a campaign needs (Benchmarks:ShallowPoolBelow); grow it with targeted requests"));
        }

        return report with { Alerts = alerts };
    }

    // A fall smaller than this (0.05 points) is a rate that held.
    private const double DecliningStep = 0.0005;

    internal static string Folder(SnapshotInfo info) => SnapshotSummary.FromJson(info.SummaryJson)?.AccountFolder ?? AccountNames.Slug(info.Account);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drift reports of {Account}: {Months} months")]
    private partial void LogRefreshed(string account, int months);
}
