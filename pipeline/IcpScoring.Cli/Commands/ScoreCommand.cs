using System.CommandLine;
using System.Globalization;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;

namespace IcpScoring.Cli.Commands;

/// <summary>
/// <c>icp score FILE [--profile NAME] [--out FILE]</c>: any export or list scored by a profile's
/// model, every input row kept in order with Score, Tier, IcpMatch and Top Reasons appended; no
/// ledger, no reports. What a team runs on a list before a campaign.
/// </summary>
internal static class ScoreCommand
{
    private const int RejectsShown = 20;

    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "An export or list: LinkedIn's Connections.csv or .zip, a Sales Navigator lead list, an Apollo export, or any CSV with a title column" };
        var output = new Option<string?>("--out") { Description = "Write the scored CSV here (UTF-8 with BOM; rejected rows in NAME.rejects.csv beside it); default: standard output" };
        var profile = GlobalOptions.Profile("to score against");
        var command = new Command("score", "Score every row of an export or list against a profile, keeping its columns and order, with Score, Tier, IcpMatch and Top Reasons appended; nothing is recorded") { file, output, profile };
        command.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new UnreadableExportException(path, Directory.Exists(path) ? "is a folder, not an export" : "does not exist");
            }

            var directory = InspectCommand.LoadDirectory(scope.Settings.Ingestion);
            var models = scope.Models(parse, globals);
            var target = models.Folder.Get(parse.GetValue(profile) ?? scope.Settings.Profiles.Default);
            if (ColdStart.IsNeeded(target))
            {
                // A profile with criteria and no model yet learns from the list it is asked to score.
                new ColdStart(scope.Settings.Model, scope.Loggers).Train(target, () =>
                {
                    var population = new CriteriaPopulation();
                    population.AddExport(path, scope.Settings.Ingestion, directory, _ => "", _ => true);
                    return population;
                });
            }

            var model = models.ChampionOrNull(target) ?? throw ProfileModels.NoModel(target, models.Folder);
            var scoring = new ListScoring(scope.Settings.Ingestion, directory, scope.Settings.Model, scope.Settings.Reports.IncludeEmails);
            var outPath = parse.GetValue(output);
            ListScoreResult result;
            if (outPath is null)
            {
                using var console = Console.OpenStandardOutput();
                result = scoring.Score(path, model, console);
                console.Flush();
            }
            else
            {
                ListScoreResult? written = null;
                AtomicFiles.Write(outPath, stream => written = scoring.Score(path, model, stream));
                result = written!;
            }

            var rejectsPath = outPath is null ? null : RejectsPath(outPath);
            if (rejectsPath is not null && result.Report.Rejected > 0)
            {
                RejectsCsv.Write(rejectsPath, result.Report.File, result.Report.Rejects, result.Report.Rejected);
            }

            var summary = outPath is null ? stderr : stdout;
            var r = result.Report;
            var where = (outPath is null ? "" : $" -> {outPath}") + (rejectsPath is not null && r.Rejected > 0 ? $" (rejected rows in {rejectsPath})" : "");
            summary.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.File}: {r.Format}, {result.Scored:N0} rows scored with profile {target.Name} model {model.Version} ({model.Metadata.Origin}): {result.Matches:N0} ICP matches at threshold {model.Threshold:F3}; {result.Hidden:N0} hidden profiles; {r.Rejected:N0} rejected{where}"));
            if (outPath is null)
            {
                foreach (var x in r.Rejects.Take(RejectsShown))
                {
                    stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rejected line {x.Line}: {x.Reason}"));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string RejectsPath(string outPath)
    {
        var folder = Path.GetDirectoryName(outPath) ?? "";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(outPath) + ".rejects.csv");
    }
}
