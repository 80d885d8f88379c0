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
/// distinct inputs and each account's pool, not the rows: those wait in a spill file.
/// </summary>
internal sealed partial class ExportProcessor(PipelineSettings settings, CompanyDirectory directory, AccountModels models, PipelineStore store, ILogger<ExportProcessor> logger)
{
    private const int ProgressEvery = 20_000;

    public (IngestReport Report, IReadOnlyList<AccountMonthResult> Results) Process(
        InboxFile file, long ledgerId, string outRoot, string? accountOverride, string? monthOverride, TimeSpan staleClaimAfter, IProgress<FileProgress>? progress, CancellationToken cancellationToken,
        Func<Profiles.IcpProfile, RegistryEntry>? coldStart = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Pass 1: the distinct inputs of each model (each account is scored by its profile's).
        var byAccount = new Dictionary<string, ModelInputs>(StringComparer.Ordinal);
        var byModel = new Dictionary<IcpModel, ModelInputs>(ReferenceEqualityComparer.Instance);
        ModelInputs InputsOf(string account)
        {
            if (!byAccount.TryGetValue(account, out var m))
            {
                var model = models.For(account, coldStart);
                if (!byModel.TryGetValue(model, out m))
                {
                    byModel[model] = m = new ModelInputs(model);
                }

                byAccount[account] = m;
            }

            return m;
        }

        long rows = 0;
        IngestReport report;
        using (var ingestion = ExportIngestion.Open(file.Path, settings.Ingestion, directory))
        {
            foreach (var c in ingestion.Connections(cancellationToken))
            {
                var m = InputsOf(AccountOf(c, file, accountOverride, ingestion.Report.File));
                if (!c.IsHidden)
                {
                    InputIndex(c, m.Index, m.Inputs);
                }

                if (++rows % ProgressEvery == 0)
                {
                    progress?.Report(new FileProgress(file.RelativePath, "reading", rows, null));
                    store.Heartbeat(ledgerId, Claimant.Current);
                }
            }

            report = ingestion.Report;
        }

        // Each distinct input scored once by each model that needs it; only matches need their reasons.
        progress?.Report(new FileProgress(file.RelativePath, "scoring", 0, rows));
        foreach (var m in byModel.Values)
        {
            m.Score(settings.Model, settings.Reports.NeedsEnrichment > 0);
            LogScored(report.File, m.Model.Reference, report.Connections, m.Inputs.Count, m.Matches);
        }

        var scoredAt = clock.Elapsed;

        // Pass 2: every account's numbers, pool and snapshot.
        var accounts = new Dictionary<string, AccountAccumulator>(StringComparer.Ordinal);
        long ordinal = 0;
        var firstModel = byModel.Keys.FirstOrDefault() ?? models.For(accountOverride ?? file.Account ?? "", coldStart);
        using var snapshots = store.BeginSnapshots(ledgerId, firstModel.Reference, Claimant.Current);
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
                if (c.IsOutsideNetwork)
                {
                    // A lead outside the network: scored, counted apart, kept out of the pool and the snapshot.
                    var m = byAccount[account];
                    acc.AddLead(c, !c.IsHidden && m.Model.IsMatch(m.Probabilities[InputIndex(c, m.Index, m.Inputs)]));
                }
                else if (c.IsHidden)
                {
                    snapshots.Add(account, acc.AddHidden(c, key));
                }
                else
                {
                    var m = byAccount[account];
                    var i = InputIndex(c, m.Index, m.Inputs);
                    var p = m.Probabilities[i];
                    var match = m.Model.IsMatch(p);
                    var deciding = !match && m.Enrichments[i] is { } e && m.Model.IsMatch(e.Probability) ? e : null;
                    snapshots.Add(account, acc.Add(c, key, m.Inputs[i], p, match, settings.Model.Tier(p), m.Reasons[i] ?? [], deciding));
                }

                if (ordinal % ProgressEvery == 0)
                {
                    progress?.Report(new FileProgress(file.RelativePath, "scoring", ordinal, rows));
                    store.Heartbeat(ledgerId, Claimant.Current);
                }
            }
        }

        var gatheredAt = clock.Elapsed;
        progress?.Report(new FileProgress(file.RelativePath, "writing", rows, rows));
        // Months first (a file without one fails before anything is written). Then every account's
        // files are rendered on all cores into staging folders while the file's snapshots go into
        // the database in one transaction; once every row is in and every report rendered, the
        // reports are published (renamed into place) and the transaction commits. A failure on
        // either side before that leaves neither reports nor snapshots of this file.
        var ordered = accounts.Values.OrderBy(a => a.Account, StringComparer.Ordinal).Select(acc => (Account: acc, Month: MonthOf(acc, file, report, monthOverride))).ToList();
        foreach (var (acc, month) in ordered)
        {
            AwaitEarlierMonths(acc.Account, month.Month, ledgerId, staleClaimAfter, cancellationToken);
            MarkNew(acc, month.Month);
        }

        var reports = ordered.Select(o => BuildReport(o.Account, o.Month, file, report, byAccount[o.Account.Account].Model)).ToArray();
        SnapshotHeader[] headers = [.. ordered.Select((o, i) => new SnapshotHeader(
            o.Account.Account, reports[i].Month, o.Account.Connections, o.Account.Hidden, o.Account.Scored, o.Account.Matched, o.Account.Matched,
            new SnapshotSummary(o.Month.Folder, reports[i].IcpMatchRate, reports[i].PoolDepth, reports[i].ModelVersion, reports[i].Profile).ToJson(),
            byAccount[o.Account.Account].Model.Reference))];
        var folders = ordered.Select((o, i) => Path.Combine(outRoot, o.Month.Folder, reports[i].Month)).ToArray();
        var staged = new string?[ordered.Count];
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Published inside the transaction, under the database's write lock: two processes replacing
        // the same month publish and commit in the same order, so the reports are those of the
        // snapshot that stays.
        var commit = Task.Run(() => snapshots.Commit(headers, () => Publish(rendered.Task, staged, folders, outRoot)), CancellationToken.None);
        TimeSpan renderedAt;
        IReadOnlyDictionary<string, bool> replaced;
        try
        {
            try
            {
                Parallel.For(0, ordered.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
                {
                    Directory.CreateDirectory(folders[i]);
                    // This file holds the ledger claim for its account and month: what a killed run left here is ours to clear.
                    AtomicFiles.RemoveLeftovers(folders[i]);
                    staged[i] = AtomicFiles.CreateStaging(folders[i]);
                    WriteFiles(ordered[i].Account, reports[i], staged[i]!, file, report);
                });
                rendered.SetResult();
            }
            catch (Exception e)
            {
                // The snapshots roll back on seeing this; wait for that, so nothing of this file outlives it.
                rendered.SetException(e);
                ((IAsyncResult)commit).AsyncWaitHandle.WaitOne();
                if (OutputFolderException.From(outRoot, folders, e) is { } output)
                {
                    throw output;
                }

                throw;
            }

            renderedAt = clock.Elapsed;
            replaced = commit.GetAwaiter().GetResult();
        }
        finally
        {
            // Published folders are gone already; after a failure, what was rendered goes.
            foreach (var folder in staged.OfType<string>())
            {
                AtomicFiles.Discard(folder);
            }
        }

        LogStages(report.File, scoredAt.TotalSeconds, (gatheredAt - scoredAt).TotalSeconds, (renderedAt - gatheredAt).TotalSeconds, (clock.Elapsed - gatheredAt).TotalSeconds);
        var results = new List<AccountMonthResult>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (acc, month) = ordered[i];
            var r = reports[i];
            LogWritten(acc.Account, r.Month, acc.Connections, acc.Matched, replaced[acc.Account]);
            results.Add(new AccountMonthResult(acc.Account, r.Month, r.MonthSource, Path.Combine(outRoot, month.Folder, r.Month), acc.Connections, acc.Matched, acc.Matched, r.IcpMatchRate, replaced[acc.Account], byAccount[acc.Account].Model.Reference));
        }

        return (report, results);
    }

    // Waits for every report to be rendered, then renames them into place, account by account.
    private static void Publish(Task rendered, string?[] staged, string[] folders, string outRoot)
    {
        rendered.GetAwaiter().GetResult();
        for (var i = 0; i < staged.Length; i++)
        {
            try
            {
                AtomicFiles.Publish(staged[i]!);
            }
            catch (Exception e) when (OutputFolderException.From(outRoot, [folders[i]], e) is { } output)
            {
                throw output;
            }
        }
    }

    private (string Month, string Source, string Folder) MonthOf(AccountAccumulator acc, InboxFile file, IngestReport ingest, string? monthOverride)
    {
        var (month, source) = monthOverride is not null ? (monthOverride, "option")
            : file.Month is not null ? (file.Month, file.MonthName is { ReadAs: true } ? "inbox-read-as" : "inbox")
            : acc.NewestConnectedOn is { } newest ? (newest.ToString("yyyy-MM", CultureInfo.InvariantCulture), "data")
            : throw new UnreadableExportException(ingest.File, "has no month: no Connected On dates, and the file is not named <inbox>/<account>/<YYYY-MM>.csv; rename it or pass --month YYYY-MM");
        return (month, source, AccountNames.Slug(acc.Account));
    }

    // An earlier month of the account being processed elsewhere right now (two runs or two workers on
    // one inbox) is about to be this month's previous month: wait for it, so that what is new this
    // month does not depend on which worker got there first. A claim that stops beating is stale after
    // staleClaimAfter, and its file is then anyone's: no longer waited for.
    private void AwaitEarlierMonths(string account, string month, long ledgerId, TimeSpan staleClaimAfter, CancellationToken cancellationToken)
    {
        var logged = false;
        while (store.Ledger().Any(e => e.Id != ledgerId && e.Status == FileStatus.Processing && e.Account == account
            && e.Month is { } m && string.CompareOrdinal(m, month) < 0
            && DateTimeOffset.UtcNow - e.UpdatedAt < staleClaimAfter && !Claimant.IsDeadLocalProcess(e.ClaimedBy)))
        {
            if (!logged)
            {
                LogAwaitingEarlierMonth(account, month);
                logged = true;
            }

            store.Heartbeat(ledgerId, Claimant.Current);
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Account} {Month} waits for an earlier month of the account being processed elsewhere: it is the month new targets are compared with")]
    private partial void LogAwaitingEarlierMonth(string account, string month);

    // Targets not in the account's previous month: the latest earlier month in the database, whatever
    // order the months arrived in. The keys are the snapshots' opaque connection keys (no names stored).
    private void MarkNew(AccountAccumulator acc, string month)
    {
        var previous = store.Snapshots(acc.Account).Where(s => string.CompareOrdinal(s.Month, month) < 0).MaxBy(s => s.Month, StringComparer.Ordinal);
        acc.MarkNew(previous?.Month, previous is null ? null : store.SnapshotRows(previous.Id).Where(r => !r.IsHidden).Select(r => r.Key).ToHashSet(StringComparer.Ordinal));
    }

    private PoolReport BuildReport(AccountAccumulator acc, (string Month, string Source, string Folder) when, InboxFile file, IngestReport ingest, IcpModel model)
    {
        var (profile, description) = models.Describe(model);
        return acc.Report(when.Month, when.Source, model, settings.Benchmarks, settings.Reports, new ReportSource(file.RelativePath, ingest.Format, file.Sha256, ingest.DataRows, ingest.Duplicates, ingest.Rejected, ingest.FromDirectory, directory.Count > 0), ingest.DegreeColumn, ingest.LinkedInExport) with
        {
            Profile = profile,
            ProfileDescription = description,
            ModelOrigin = model.Metadata.Origin,
        };
    }

    private void WriteFiles(AccountAccumulator acc, PoolReport report, string folder, InboxFile file, IngestReport ingest)
    {
        var targets = acc.RankedTargets(settings.Reports.MaxTargets);
        var newTargets = acc.RankedTargets(settings.Reports.MaxTargets, onlyNew: true);

        PoolJson.Write(Path.Combine(folder, "pool.json"), report);
        PoolHtml.Write(Path.Combine(folder, "pool.html"), report);
        TargetsCsv.Write(Path.Combine(folder, "targets.csv"), targets, settings.Reports.IncludeEmails);
        TargetsCsv.Write(Path.Combine(folder, "new-targets.csv"), newTargets, settings.Reports.IncludeEmails);
        CompaniesCsv.Write(Path.Combine(folder, "companies.csv"), acc.BuyingCommittees());
        RejectsCsv.Write(Path.Combine(folder, "rejects.csv"), file.RelativePath, ingest.Rejects, ingest.Rejected);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Export} with {Model}: {Connections} connections, {Distinct} distinct inputs, {Matching} of them ICP matches")]
    private partial void LogScored(string export, string model, long connections, int distinct, int matching);

    // One model's distinct inputs in a file, their probabilities and the reasons of the matches.
    private sealed class ModelInputs(IcpModel model)
    {
        public IcpModel Model { get; } = model;

        public Dictionary<(string Title, int Industry, char Size), int> Index { get; } = [];

        public List<ModelInput> Inputs { get; } = [];

        public float[] Probabilities { get; private set; } = [];

        public IReadOnlyList<ScoreReason>?[] Reasons { get; private set; } = [];

        public int Matches { get; private set; }

        /// <summary>For the inputs that do not match and lack an industry or size: their score were those the best values.</summary>
        public Enrichment?[] Enrichments { get; private set; } = [];

        public void Score(ModelOptions options, bool measureEnrichment)
        {
            Probabilities = Model.Probabilities(Inputs);
            Enrichments = new Enrichment?[Inputs.Count];
            if (measureEnrichment)
            {
                var unmatched = Enumerable.Range(0, Inputs.Count).Where(i => !Model.IsMatch(Probabilities[i])).ToList();
                var measured = Model.IfEnriched([.. unmatched.Select(i => Inputs[i])], [.. unmatched.Select(i => Probabilities[i])]);
                for (var k = 0; k < unmatched.Count; k++)
                {
                    Enrichments[unmatched[k]] = measured[k];
                }
            }

            var matches = Enumerable.Range(0, Inputs.Count).Where(i => Model.IsMatch(Probabilities[i])).ToList();
            var explained = Model.Score([.. matches.Select(i => Inputs[i])], options);
            Reasons = new IReadOnlyList<ScoreReason>?[Inputs.Count];
            for (var k = 0; k < matches.Count; k++)
            {
                Reasons[matches[k]] = explained[k].Reasons;
            }

            Matches = matches.Count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stages of {Export}: read and scored in {Scoring:F2} s, accounts gathered in {Gathering:F2} s, reports written in {Reporting:F2} s, reports and snapshots done in {Committing:F2} s")]
    private partial void LogStages(string export, double scoring, double gathering, double reporting, double committing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Account} {Month}: {Connections} connections, pool {Pool}, replaced an earlier snapshot: {Replaced}")]
    private partial void LogWritten(string account, string month, long connections, long pool, bool replaced);
}
