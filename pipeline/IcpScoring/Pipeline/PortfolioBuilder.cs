using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;

namespace IcpScoring.Pipeline;

/// <summary>The portfolio across accounts, from the snapshots in the database (so it covers every run, not only this one).</summary>
internal static class PortfolioBuilder
{
    public static PortfolioReport Build(PipelineStore store, string defaultProfile, IReadOnlyList<FileRunResult> thisRun, IReadOnlyDictionary<string, IReadOnlyList<string>> alerts)
    {
        var accounts = store.Snapshots()
            .GroupBy(s => s.Account, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Account([.. g.OrderBy(s => s.Month, StringComparer.Ordinal)], alerts.GetValueOrDefault(g.Key) ?? [], defaultProfile))
            .ToList();
        // A failed file stops being listed once its content is done for its account, under another
        // name (a month named 2026-13 renamed to the month it stands for); another account's copy,
        // refused as a mix-up, stays listed.
        var ledger = store.Ledger();
        var done = ledger.Where(e => e.Status == FileStatus.Done).Select(e => (e.Sha256, e.Account)).ToHashSet();
        var failed = ledger
            .Where(e => e.Status == FileStatus.Failed && !done.Contains((e.Sha256, e.Account)))
            .Select(e => new FailedFile(e.Path, e.Error ?? "", thisRun.FirstOrDefault(r => r.File == e.Path && r.Status == FileRunResult.Failed)?.Detail ?? ""))
            .ToList();
        // The models the latest months were scored with, by profile: "sample v1", or several.
        var models = accounts.Select(a => $"{a.Profile} {a.ModelVersion}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new PortfolioReport(accounts, failed, models.Count == 0 ? "none yet" : string.Join(", ", models));
    }

    private static PortfolioAccount Account(IReadOnlyList<SnapshotInfo> months, IReadOnlyList<string> alerts, string defaultProfile)
    {
        var latest = months[^1];
        var model = ModelRef.Parse(latest.ModelVersion, defaultProfile);
        var previous = months.Count > 1 ? months[^2] : null;
        var summary = SnapshotSummary.FromJson(latest.SummaryJson);
        var folder = summary?.AccountFolder ?? AccountNames.Slug(latest.Account);
        var rate = Rate(latest);
        return new PortfolioAccount(
            latest.Account,
            latest.Month,
            rate,
            latest.AddressablePool,
            latest.Connections,
            summary?.PoolDepth ?? "",
            previous is null ? null : (rate - Rate(previous)) * 100,
            previous is null ? null : latest.AddressablePool - previous.AddressablePool,
            [.. months.Select(m => m.Month)],
            alerts,
            new Dictionary<string, string>
            {
                ["pool"] = $"{folder}/{latest.Month}/pool.html",
                ["poolJson"] = $"{folder}/{latest.Month}/pool.json",
                ["targets"] = $"{folder}/{latest.Month}/targets.csv",
                ["rejects"] = $"{folder}/{latest.Month}/rejects.csv",
                ["drift"] = $"{folder}/{latest.Month}/drift.html",
                ["driftJson"] = $"{folder}/{latest.Month}/drift.json",
                ["history"] = $"{folder}/index.html",
            })
        {
            Profile = model.Profile,
            ModelVersion = model.Version,
            Scored = latest.Scored,
            IcpMatched = latest.IcpMatched,
            History = [.. months.Select(m => new PortfolioMonth(m.Month, Rate(m), m.AddressablePool, m.Connections, $"{SnapshotSummary.FromJson(m.SummaryJson)?.AccountFolder ?? folder}/{m.Month}/pool.html"))],
            Suspect = [.. alerts.Where(a => a.StartsWith(Drift.Plausibility.AlertPrefix, StringComparison.Ordinal)).Select(a => a[Drift.Plausibility.AlertPrefix.Length..])],
        };
    }

    private static double Rate(SnapshotInfo s) => s.Scored == 0 ? 0 : s.IcpMatched / (double)s.Scored;
}
