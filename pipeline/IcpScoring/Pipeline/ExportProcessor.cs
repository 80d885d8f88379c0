using System.Globalization;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Reports;
using IcpScoring.Storage;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Pipeline;

/// <summary>
/// One export's journey: read it once to find the distinct (title, industry, size) inputs, score
/// each once through one batch transform, read it again to gather every account's report and
/// snapshot, then write the reports (atomically) and replace the snapshots. Memory holds the
/// distinct inputs and each account's pool, not the rows.
/// </summary>
internal sealed partial class ExportProcessor(PipelineSettings settings, CompanyDirectory directory, IcpModel model, PipelineStore store, ILogger<ExportProcessor> logger)
{
    private const int ProgressEvery = 20_000;

    public (IngestReport Report, IReadOnlyList<AccountMonthResult> Results) Process(
        InboxFile file, long ledgerId, string outRoot, string? accountOverride, string? monthOverride, IProgress<FileProgress>? progress, CancellationToken cancellationToken)
    {
        // Pass 1: the distinct inputs.
        var index = new Dictionary<(string Title, int Industry, char Size), int>();
        var inputs = new List<ModelInput>();
        long rows = 0;
        IngestReport report;
        using (var ingestion = ExportIngestion.Open(file.Path, settings.Ingestion, directory))
        {
            foreach (var c in ingestion.Connections(cancellationToken))
            {
                AccountOf(c, file, accountOverride, ingestion.Report.File);
                if (!c.IsHidden)
                {
                    InputIndex(c, index, inputs);
                }

                if (++rows % ProgressEvery == 0)
                {
                    progress?.Report(new FileProgress(file.RelativePath, "reading", rows, null));
                    store.Heartbeat(ledgerId, Claimant.Current);
                }
            }

            report = ingestion.Report;
        }

        // Each distinct input scored once; only matches need their reasons.
        progress?.Report(new FileProgress(file.RelativePath, "scoring", 0, rows));
        var probabilities = model.Probabilities(inputs);
        var matches = Enumerable.Range(0, inputs.Count).Where(i => model.IsMatch(probabilities[i])).ToList();
        var explained = model.Score([.. matches.Select(i => inputs[i])], settings.Model);
        var reasons = new IReadOnlyList<string>?[inputs.Count];
        for (var k = 0; k < matches.Count; k++)
        {
            reasons[matches[k]] = explained[k].Reasons;
        }

        LogScored(report.File, report.Connections, inputs.Count, matches.Count);

        // Pass 2: every account's numbers, pool and snapshot.
        var accounts = new Dictionary<string, AccountAccumulator>(StringComparer.Ordinal);
        long ordinal = 0;
        using (var ingestion = ExportIngestion.Open(file.Path, settings.Ingestion, directory))
        {
            foreach (var c in ingestion.Connections(cancellationToken))
            {
                var account = AccountOf(c, file, accountOverride, report.File);
                if (!accounts.TryGetValue(account, out var acc))
                {
                    accounts[account] = acc = new AccountAccumulator(account);
                }

                var key = SnapshotKeys.For(c, ordinal++);
                if (c.IsHidden)
                {
                    acc.AddHidden(c, key);
                }
                else
                {
                    var i = InputIndex(c, index, inputs);
                    var p = probabilities[i];
                    acc.Add(c, key, inputs[i], p, model.IsMatch(p), settings.Model.Tier(p), reasons[i] ?? []);
                }

                if (ordinal % ProgressEvery == 0)
                {
                    progress?.Report(new FileProgress(file.RelativePath, "scoring", ordinal, rows));
                    store.Heartbeat(ledgerId, Claimant.Current);
                }
            }
        }

        progress?.Report(new FileProgress(file.RelativePath, "writing", rows, rows));
        // Months first (a file without one fails before anything is written), then every account's
        // files rendered on all cores, then the snapshots one at a time (SQLite has one writer).
        var ordered = accounts.Values.OrderBy(a => a.Account, StringComparer.Ordinal).Select(acc => (Account: acc, Month: MonthOf(acc, file, report, monthOverride))).ToList();
        var reports = new PoolReport[ordered.Count];
        Parallel.For(0, ordered.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
            reports[i] = WriteFiles(ordered[i].Account, ordered[i].Month, file, report, outRoot));
        var results = new List<AccountMonthResult>();
        for (var i = 0; i < ordered.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(CommitSnapshot(ordered[i].Account, reports[i], ordered[i].Month.Folder, ledgerId, outRoot));
        }

        return (report, results);
    }

    private (string Month, string Source, string Folder) MonthOf(AccountAccumulator acc, InboxFile file, IngestReport ingest, string? monthOverride)
    {
        var (month, source) = monthOverride is not null ? (monthOverride, "option")
            : file.Month is not null ? (file.Month, "inbox")
            : acc.NewestConnectedOn is { } newest ? (newest.ToString("yyyy-MM", CultureInfo.InvariantCulture), "data")
            : throw new UnreadableExportException(ingest.File, "has no month: no Connected On dates, and the file is not named <inbox>/<account>/<YYYY-MM>.csv; rename it or pass --month YYYY-MM");
        return (month, source, AccountNames.Slug(acc.Account));
    }

    private PoolReport WriteFiles(AccountAccumulator acc, (string Month, string Source, string Folder) when, InboxFile file, IngestReport ingest, string outRoot)
    {
        var folder = Path.Combine(outRoot, when.Folder, when.Month);
        var rate = acc.Scored == 0 ? 0 : acc.Matched / (double)acc.Scored;
        var b = settings.Benchmarks;
        var report = new PoolReport
        {
            Account = acc.Account,
            Month = when.Month,
            MonthSource = when.Source,
            ModelVersion = model.Version,
            Threshold = model.Threshold,
            Connections = acc.Connections,
            Hidden = acc.Hidden,
            Scored = acc.Scored,
            ScoredWithoutFirmographics = acc.WithoutFirmographics,
            IcpMatched = acc.Matched,
            IcpMatchRate = rate,
            IcpMatchRateCi95 = PoolArithmetic.Wilson95(acc.Matched, acc.Scored),
            AddressablePool = acc.Matched,
            Tiers = acc.Tiers,
            ExpectedConversations = PoolArithmetic.Expected(acc.Matched, b),
            Badge500 = PoolArithmetic.Badge500(acc.Connections, b),
            PoolDepth = PoolArithmetic.Depth(acc.Matched, b),
            Projection = PoolArithmetic.Project(acc.Matched, rate, b),
            Segments = acc.Segments(),
            ScoreHistogram = acc.Histogram,
            Assumptions = PoolArithmetic.Assumptions(b),
            Source = new ReportSource(file.RelativePath, ingest.Format, "", ingest.DataRows, ingest.Duplicates, ingest.Rejected, ingest.FromDirectory, directory.Count > 0),
        };

        var targets = acc.Targets
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.ProfileUrl, StringComparer.Ordinal)
            .ThenBy(t => t.Company, StringComparer.Ordinal)
            .Take(settings.Reports.MaxTargets > 0 ? settings.Reports.MaxTargets : int.MaxValue);

        // This file holds the ledger claim for its account and month: what a killed run left here is ours to clear.
        Directory.CreateDirectory(folder);
        AtomicFiles.RemoveLeftovers(folder);
        PoolJson.Write(Path.Combine(folder, "pool.json"), report);
        PoolHtml.Write(Path.Combine(folder, "pool.html"), report);
        TargetsCsv.Write(Path.Combine(folder, "targets.csv"), targets, settings.Reports.IncludeEmails);
        RejectsCsv.Write(Path.Combine(folder, "rejects.csv"), file.RelativePath, ingest.Rejects, ingest.Rejected);
        return report;
    }

    private AccountMonthResult CommitSnapshot(AccountAccumulator acc, PoolReport report, string folderName, long ledgerId, string outRoot)
    {
        bool replaced;
        using (var snapshot = store.BeginSnapshot(acc.Account, report.Month, ledgerId, model.Version))
        {
            foreach (var row in acc.Rows)
            {
                snapshot.Add(row);
            }

            var summary = new SnapshotSummary(folderName, report.IcpMatchRate, report.PoolDepth, model.Version);
            replaced = snapshot.Commit(acc.Connections, acc.Hidden, acc.Scored, acc.Matched, acc.Matched, summary.ToJson());
        }

        LogWritten(acc.Account, report.Month, acc.Connections, acc.Matched, replaced);
        return new AccountMonthResult(acc.Account, report.Month, report.MonthSource, Path.Combine(outRoot, folderName, report.Month), acc.Connections, acc.Matched, acc.Matched, report.IcpMatchRate, replaced);
    }

    private static string AccountOf(Connection c, InboxFile file, string? accountOverride, string name) =>
        accountOverride
        ?? (c.Account.Length > 0 ? c.Account : null)
        ?? file.Account
        ?? throw new UnreadableExportException(name, "has no account: put it in <inbox>/<account>/, pass --account, or add an Account column");

    private static int InputIndex(Connection c, Dictionary<(string, int, char), int> index, List<ModelInput> inputs)
    {
        var key = (c.CleanTitle, c.Industry?.Id ?? 0, c.CompanySize?.Code ?? '\0');
        if (!index.TryGetValue(key, out var i))
        {
            i = inputs.Count;
            index[key] = i;
            inputs.Add(ModelFeatures.From(c));
        }

        return i;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Export}: {Connections} connections, {Distinct} distinct inputs, {Matching} of them ICP matches")]
    private partial void LogScored(string export, long connections, int distinct, int matching);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Account} {Month}: {Connections} connections, pool {Pool}, replaced an earlier snapshot: {Replaced}")]
    private partial void LogWritten(string account, string month, long connections, long pool, bool replaced);
}
