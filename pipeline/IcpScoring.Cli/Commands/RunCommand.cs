using System.CommandLine;
using System.Globalization;
using IcpScoring.Pipeline;

namespace IcpScoring.Cli.Commands;

/// <summary>
/// <c>icp run [--inbox DIR] [--out DIR]</c>, the main job, and <c>icp ingest FILE --account A
/// [--month YYYY-MM]</c>, one export: both go through <see cref="MainJob"/>.
/// </summary>
internal static class RunCommand
{
    public static Command CreateRun(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var inbox = new Option<string?>("--inbox") { Description = "The inbox: <account>/<YYYY-MM>.csv|.zip (default: Paths:Inbox, the sample inbox)" };
        var output = OutOption();
        var profile = GlobalOptions.Profile("that scores every account of this run");
        var command = new Command("run", "The main job, once: every pending export in the inbox is ingested, scored and reported; the portfolio is updated. Safe to run twice.") { inbox, output, profile };
        command.SetAction(parse => CommandScope.Run(parse, globals, scope =>
            Execute(parse, globals, scope, stdout, stderr, parse.GetValue(profile), new RunRequest(parse.GetValue(output) ?? scope.Settings.Paths.Out, Inbox: parse.GetValue(inbox) ?? scope.Settings.Paths.Inbox))));
        return command;
    }

    public static Command CreateIngest(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "A connections export (.csv or LinkedIn's .zip)" };
        var account = new Option<string>("--account") { Description = "The account the export belongs to", Required = true };
        var month = new Option<string?>("--month") { Description = "The month it stands for, YYYY-MM (default: the newest Connected On date)" };
        month.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } m && !AccountNames.IsMonth(m))
            {
                r.AddError($"--month must be YYYY-MM, not '{m}'");
            }
        });
        var output = OutOption();
        var profile = GlobalOptions.Profile("that scores the export");
        var command = new Command("ingest", "Ingest, score and report one export for an account") { file, account, month, output, profile };
        command.SetAction(parse => CommandScope.Run(parse, globals, scope =>
            Execute(parse, globals, scope, stdout, stderr, parse.GetValue(profile), new RunRequest(
                parse.GetValue(output) ?? scope.Settings.Paths.Out,
                Files: [parse.GetValue(file)!],
                Account: parse.GetValue(account),
                Month: parse.GetValue(month)))));
        return command;
    }

    private static Option<string?> OutOption() => new("--out") { Description = "Where reports go: <out>/<account>/<YYYY-MM>/, index.html, portfolio.json (default: Paths:Out)" };

    private static int Execute(ParseResult parse, GlobalOptions globals, CommandScope scope, TextWriter stdout, TextWriter stderr, string? profile, RunRequest request)
    {
        var directory = InspectCommand.LoadDirectory(scope.Settings.Ingestion);
        var profiles = scope.Models(parse, globals);
        // A --profile that does not exist, or whose profile.json is not understood, stops the run before
        // any file; so does a models folder without any profile (nothing could score).
        if (profile is not null)
        {
            profiles.Folder.Get(profile);
        }
        else if (profiles.Folder.Names().Count == 0)
        {
            throw new Model.ModelLoadException($"{profiles.Folder.Folder}: no ICP profile and no model; train one with: icp train LABELED.csv --models-dir {profiles.Folder.Folder}, or state one in {Path.Combine(profiles.Folder.Folder, scope.Settings.Profiles.Default, Profiles.ProfileFile.FileName)}");
        }

        using var store = scope.OpenStore(parse, globals);
        var models = new AccountModels(profiles, scope.Routing(profile, store));
        var job = new MainJob(scope.Settings.Pipeline, directory, models, store, scope.Loggers);
        request = request with { StaleClaimAfter = TimeSpan.FromMinutes(scope.Settings.Jobs.StaleClaimMinutes) };
        RunSummary summary;
        try
        {
            using var progress = new ConsoleProgress(stderr, !Console.IsErrorRedirected, scope.Loggers.CreateLogger("IcpScoring.Cli.Progress"));
            summary = job.Run(request, progress);
        }
        catch (OutputFolderException e)
        {
            // Not the export's fault and not a bug: the user fixes the folder (or frees space) and runs
            // again, which processes the file in hand; the files done before it stay done.
            stderr.WriteLine($"icp: {e.Message}");
            return ExitCodes.BadInput;
        }

        foreach (var f in summary.Files)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Status,-17} {f.File}: {f.Detail}"));
            foreach (var r in f.Reports)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-17}   {r.Account} {r.Month}: ICP match {r.IcpMatchRate * 100:0.0}%, pool {r.AddressablePool:N0} of {r.Connections:N0} connections -> {r.OutputFolder}{(r.MonthNote.Length > 0 ? "; " + r.MonthNote : "")}"));
            }
        }

        var used = summary.Files.SelectMany(f => f.Reports).Select(r => Profiles.ModelRef.Parse(r.ModelReference, scope.Settings.Profiles.Default)).Distinct().Select(r => $"profile {r.Profile} model {r.Version}").ToList();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary.Processed} processed, {summary.Skipped} skipped, {summary.Failed} failed{(used.Count == 0 ? "" : "; " + string.Join(", ", used))}"));
        stdout.WriteLine($"portfolio: {Path.GetFullPath(summary.PortfolioPage)}");
        return summary.Failed > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
