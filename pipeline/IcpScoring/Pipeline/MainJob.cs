using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Pipeline;

/// <summary>
/// The main job (<c>icp run</c>, <c>icp ingest</c>, and the scheduled jobs): every export that the
/// ledger has not seen is ingested, scored with the champion and reported; a file that fails is
/// set aside with its reason and the others go on; the portfolio is rebuilt. Safe to run twice:
/// the ledger, keyed by each file's content as placed (its SHA-256 with its account and month),
/// decides what is new.
/// </summary>
internal sealed partial class MainJob(PipelineSettings settings, CompanyDirectory directory, AccountModels models, PipelineStore store, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger<MainJob>();

    /// <summary>Every account scored by one model (tests, and tools that bring their own model).</summary>
    public MainJob(PipelineSettings settings, CompanyDirectory directory, IcpModel model, PipelineStore store, ILoggerFactory loggers)
        : this(settings, directory, AccountModels.Single(model), store, loggers)
    {
    }

    public RunSummary Run(RunRequest request, IProgress<FileProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = request.Files is { } given
            ? [.. given.Select(f => new InboxFile(f, Path.GetFileName(f), null, null))]
            : InboxScanner.Scan(request.Inbox ?? throw new ArgumentException("an inbox or files are needed", nameof(request)))
                .Where(f => request.Only is null || request.Only.Contains(f.RelativePath, StringComparer.Ordinal))
                .ToList();
        LogFound(files.Count, request.Inbox ?? "(files)");
        OutputFolderException.ThrowIfUnusable(request.Out);

        var processor = new ExportProcessor(settings, directory, models, store, loggers.CreateLogger<ExportProcessor>());
        var results = new List<FileRunResult>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(RunFile(file, request, processor, progress, cancellationToken));
        }

        var touched = results.SelectMany(r => r.Reports).Select(r => r.Account).Distinct(StringComparer.Ordinal).ToList();
        var page = Path.Combine(request.Out, "index.html");
        if (request.RefreshReports)
        {
            RefreshReports(request.Out, touched, results, cancellationToken);
        }

        return new RunSummary(results, page);
    }

    /// <summary>
    /// Drift reports of the given accounts, every month (a month that came late is slotted in), then
    /// the portfolio from the database.
    /// </summary>
    public void RefreshReports(string outRoot, IReadOnlyList<string>? accounts, IReadOnlyList<FileRunResult> thisRun, CancellationToken cancellationToken)
    {
        // Another run on this database may be refreshing too: without taking turns, the one that read
        // the database first could write last, over reports made from newer snapshots.
        using var turn = store.HoldReports();
        Refresh(outRoot, accounts, thisRun, cancellationToken);
    }

    /// <summary>
    /// The drift reports of every account with a snapshot not yet reported on, and the portfolio,
    /// unless someone else is making reports right now: then that one does them. A holder checks for
    /// pending accounts again after letting go of its turn, so a snapshot committed while it worked
    /// is never left waiting. Says whether this call made any reports. This is what follows each
    /// file job: with many workers, most of those find the work done or being done, and the reports
    /// of a batch are made a few times rather than once per file.
    /// </summary>
    public bool RefreshPending(string outRoot, CancellationToken cancellationToken)
    {
        var made = false;
        IReadOnlyDictionary<string, long>? done = null;
        while (store.DriftPending() is { Count: > 0 } waiting)
        {
            // What one pass left pending exactly as it found it is not going away by another pass.
            if (done is not null && waiting.Count == done.Count && waiting.All(p => done.TryGetValue(p.Key, out var id) && id == p.Value))
            {
                return made;
            }

            using var turn = store.TryHoldReports();
            if (turn is null)
            {
                return made;
            }

            done = store.DriftPending();
            if (done.Count > 0)
            {
                Refresh(outRoot, [.. done.Keys], [], cancellationToken);
                made = true;
            }
        }

        return made;
    }

    private void Refresh(string outRoot, IReadOnlyList<string>? accounts, IReadOnlyList<FileRunResult> thisRun, CancellationToken cancellationToken)
    {
        try
        {
            var drift = new DriftJob(store, models.Get, models.Routing.Default, settings.Drift, loggers.CreateLogger<DriftJob>(), settings.Benchmarks);
            var refreshed = drift.Refresh(outRoot, accounts, cancellationToken);
            var alerts = drift.LatestAlerts(outRoot, refreshed, cancellationToken);
            var portfolio = PortfolioBuilder.Build(store, models.Routing.Default, thisRun, alerts);
            Directory.CreateDirectory(outRoot);
            AtomicFiles.RemoveLeftovers(outRoot);
            PortfolioJson.Write(Path.Combine(outRoot, "portfolio.json"), portfolio);
            PortfolioHtml.Write(Path.Combine(outRoot, "index.html"), portfolio);
            foreach (var (account, upTo) in drift.Written)
            {
                store.DriftWritten(account, upTo);
            }
        }
        catch (Exception e) when (OutputFolderException.From(outRoot, [outRoot], e) is { } output)
        {
            // The drift reports not written stay pending in the database for the next run.
            throw output;
        }
    }

    private FileRunResult RunFile(InboxFile file, RunRequest request, ExportProcessor processor, IProgress<FileProgress>? progress, CancellationToken cancellationToken)
    {
        string sha;
        try
        {
            sha = FileHashes.Sha256(file.Path);
        }
        catch (IOException e)
        {
            return new FileRunResult(file.RelativePath, FileRunResult.Failed, $"cannot be read: {e.Message}", []);
        }

        // The ledger knows a file by its content as placed: the same bytes for another month of the
        // same account are that month (an account that added nobody), for another account a mix-up.
        var (account, month) = (request.Account ?? file.Account, request.Month ?? file.LedgerMonth);
        if (store.AlreadyIngested(sha, account, month) is { } done)
        {
            LogAlreadyIngested(file.RelativePath, done.Path);
            return new FileRunResult(file.RelativePath, FileRunResult.AlreadyIngested, $"same content as {done.Path}", []);
        }

        // One thread of this process per file: with that settled, a claim this process holds in the
        // ledger but nobody here works on (its give-back failed along with the database) is taken back.
        using var working = Claimant.WorkOn(store.Database, LedgerIdentity.Of(sha, account, month));
        if (working is null)
        {
            return new FileRunResult(file.RelativePath, FileRunResult.Busy, $"being processed by {Claimant.Current}", []);
        }

        switch (store.TryClaim(sha, file.RelativePath, account, month, Claimant.Current, request.StaleClaimAfter, out var entry, orphanedHere: true))
        {
            case ClaimOutcome.AlreadyDone:
                return new FileRunResult(file.RelativePath, FileRunResult.AlreadyIngested, $"same content as {entry.Path}", []);
            case ClaimOutcome.Busy:
                return new FileRunResult(file.RelativePath, FileRunResult.Busy, $"being processed by {entry.ClaimedBy}", []);
            case ClaimOutcome.Refused:
                // Another account's content: failed in the ledger with the reason already.
                return SetAside(file, request, entry.Error!);
        }

        if (request.Month is null && file.MonthProblem is { } monthProblem)
        {
            return Refuse(entry.Id, file, request, monthProblem);
        }

        try
        {
            var (report, results) = processor.Process(file with { Sha256 = sha }, entry.Id, request.Out, request.Account, request.Month, request.StaleClaimAfter, progress, cancellationToken, profile => ColdStart(profile, file, request, cancellationToken));
            store.Complete(entry.Id, string.Join(", ", results.Select(r => r.ModelReference).Distinct(StringComparer.Ordinal)), new FileCounts(report.DataRows, report.Connections, report.Hidden, report.Duplicates, report.Rejected));
            var reports = results.Select(r => r with { MonthNote = MonthNote(r, file, request) }).ToList();
            foreach (var r in reports.Where(r => r.MonthNote.Length > 0))
            {
                LogMonthNote(file.RelativePath, r.Account, r.MonthNote);
            }

            var replaced = reports.Where(r => r.ReplacedSnapshot).Select(r => $"{r.Account} {r.Month}").ToList();
            var people = report.OutsideNetwork > 0
                ? $"{report.Connections - report.OutsideNetwork:N0} connections and {report.OutsideNetwork:N0} leads outside the network"
                : $"{report.Connections:N0} connections";
            var detail = $"{people} ({report.Format}), {report.Rejected:N0} rejected, {report.Duplicates:N0} duplicates"
                + (replaced.Count > 0 ? $"; replaced the earlier export of {string.Join(", ", replaced)}" : "");
            return new FileRunResult(file.RelativePath, FileRunResult.Processed, detail, reports);
        }
        catch (Exception e) when (e is ProfileException or ModelTrainingException or ModelLoadException or ModelRegistryException)
        {
            // Not the file's fault: its account's profile cannot score yet. The file stays in the inbox,
            // failed in the ledger with the reason (the portfolio lists it), and is processed again on
            // the next run, once the profile is fixed; the other files go on.
            var reason = $"not scored: {ErrorText.FirstLine(e.Message)}";
            GiveBack(entry.Id, reason);
            LogFailed(file.RelativePath, reason);
            return new FileRunResult(file.RelativePath, FileRunResult.Failed, reason + "; it stays in the inbox and is processed on the next run", []);
        }
        catch (UnreadableExportException e)
        {
            return Refuse(entry.Id, file, request, e.Problem);
        }
        catch (Exception e)
        {
            // Stopping, or a passing fault (a full disk, a locked database, an output folder that
            // cannot be written): nothing of the file was committed, so give it back at once for the
            // next run or the job's retry, rather than holding the claim until it goes stale.
            GiveBack(entry.Id, e is OperationCanceledException ? "cancelled while processing" : $"interrupted: {ErrorText.FirstLine(e.Message)}");
            throw;
        }
    }

    // A profile's first model, from its criteria over the connections it is about to score: the file
    // in hand, the other exports of its accounts waiting in the inbox, and its accounts' latest months.
    private RegistryEntry ColdStart(Profiles.IcpProfile profile, InboxFile file, RunRequest request, CancellationToken cancellationToken) =>
        new ColdStart(settings.Model, loggers).Train(profile, () =>
        {
            bool Scored(string account) => models.Routing.ProfileOf(account) == profile.Name;
            var population = new CriteriaPopulation();
            population.AddExport(file.Path, settings.Ingestion, directory, c => request.Account ?? (c.Account.Length > 0 ? c.Account : null) ?? file.Account, Scored, cancellationToken);
            if (request.Inbox is { } inbox && Directory.Exists(inbox))
            {
                foreach (var other in InboxScanner.Scan(inbox).Where(f => f.Path != file.Path && f.Account is { } a && Scored(a)))
                {
                    population.AddExport(other.Path, settings.Ingestion, directory, c => c.Account.Length > 0 ? c.Account : other.Account, Scored, cancellationToken);
                }
            }

            population.AddSnapshots(store, Scored);
            LogColdStart(profile.Name, population.Count, string.Join(", ", population.Accounts));
            return population;
        }, cancellationToken);

    private void GiveBack(long ledgerId, string why)
    {
        try
        {
            store.GiveBack(ledgerId, Claimant.Current, why + "; it is processed again on the next run");
        }
        catch (StoreException)
        {
            // The database is the fault: the claim stays, and is taken over once this process has ended.
        }
    }


    // A file that cannot succeed as it is. Failed in the ledger before the file leaves the inbox:
    // killed in between, the file is still there and is claimed again, rather than gone with a
    // claim nobody finishes.
    private FileRunResult Refuse(long ledgerId, InboxFile file, RunRequest request, string reason)
    {
        store.Fail(ledgerId, reason);
        return SetAside(file, request, reason);
    }

    // A file failed in the ledger leaves the inbox for <inbox>/failed/, with a note beside it, so the
    // inbox holds only what is pending (files given by name stay where they are).
    private FileRunResult SetAside(InboxFile file, RunRequest request, string reason)
    {
        var movedTo = request.MovesFailedFiles && request.Inbox is { } inbox ? SetAside(inbox, file, reason) : null;
        LogFailed(file.RelativePath, reason);
        return new FileRunResult(file.RelativePath, FileRunResult.Failed, reason + (movedTo is null ? "" : $" (moved to {movedTo})"), []);
    }

    // How a month was decided when the file's name did not say it as YYYY-MM; empty when it did, or
    // when --month gave it.
    private static string MonthNote(AccountMonthResult r, InboxFile file, RunRequest request) => r.MonthSource switch
    {
        "inbox-read-as" => $"month {r.Month} read from the name {file.MonthName?.Written}",
        "data" => $"month {r.Month} taken from the newest Connected On date: {(request.Files is null ? "name the file <account>/<YYYY-MM>.csv" : "pass --month YYYY-MM")} to choose it",
        _ => "",
    };

    // The file goes to <inbox>/failed/ with a note beside it; null when it is gone already (another
    // run, refusing it at the same moment, moved it first).
    private static string? SetAside(string inbox, InboxFile file, string reason)
    {
        if (!File.Exists(file.Path))
        {
            return null;
        }

        var target = Path.Combine(inbox, InboxScanner.FailedFolder, file.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        AtomicFiles.WriteAllText(target + ".reason.txt", reason + "\n");
        File.Move(file.Path, target, overwrite: true);
        return Path.GetRelativePath(inbox, target).Replace('\\', '/');
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {Profile} has no model yet: training one from its criteria over {Connections} connections of {Accounts}")]
    private partial void LogColdStart(string profile, int connections, string accounts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Count} exports in {Inbox}")]
    private partial void LogFound(int count, string inbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {File}: already ingested as {Earlier}")]
    private partial void LogAlreadyIngested(string file, string earlier);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: {Account}: {MonthNote}")]
    private partial void LogMonthNote(string file, string account, string monthNote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed {File}: {Reason}")]
    private partial void LogFailed(string file, string reason);
}
