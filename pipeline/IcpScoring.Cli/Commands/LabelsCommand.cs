using System.CommandLine;
using System.Globalization;
using IcpScoring.Ingestion;
using IcpScoring.Labeling;
using IcpScoring.Reports;

namespace IcpScoring.Cli.Commands;

/// <summary>
/// <c>icp labels export [--profile NAME] [--out FILE]</c>: a profile's stored labels as labeled
/// prospects that <c>icp train</c> accepts; <c>icp labels import FILE [--profile NAME]</c>: a CRM
/// contacts export's statuses as labels.
/// </summary>
internal static class LabelsCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout)
    {
        var command = new Command("labels", "A profile's labels (from the /label page, icp train, files in <inbox>/labels/<profile>/ and the CRM), one per person, the latest");
        command.Subcommands.Add(Export(globals, stdout));
        command.Subcommands.Add(Import(globals, stdout));
        return command;
    }

    private static Command Export(GlobalOptions globals, TextWriter stdout)
    {
        var profile = GlobalOptions.Profile("whose labels to write");
        var output = new Option<string?>("--out") { Description = "Write the CSV here (UTF-8 with BOM); default: standard output" };
        var command = new Command("export", "Write a profile's labels as labeled prospects (Title, Company, Industry, Company Size, IsIcp) that icp train accepts") { profile, output };
        command.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var target = scope.Profile(parse, globals, profile);
            using var store = scope.OpenStore(parse, globals);
            if (parse.GetValue(output) is { } path)
            {
                var labels = new ProfileLabels(store.Labels, target.Name).Export(path);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"profile {target.Name}: {labels.Count:N0} labels ({labels.Count(l => l.IsIcp):N0} ICP, {labels.Count(l => !l.IsIcp):N0} not) -> {path}"));
            }
            else
            {
                stdout.Flush();
                using var console = Console.OpenStandardOutput();
                SpreadsheetCsv.WriteTo(console, ProfileLabels.ExportHeader, store.Labels.List(target.Name).Select(l => (IEnumerable<string?>)[l.Title, l.Company, l.Industry, l.CompanySize, l.IsIcp ? "yes" : "no"]));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Import(GlobalOptions globals, TextWriter stdout)
    {
        var file = new Argument<string>("file") { Description = "A CRM contacts export (HubSpot or Salesforce): a status column (Lifecycle Stage, Lead Status, Status) and names or LinkedIn URLs" };
        var profile = GlobalOptions.Profile("the labels are for");
        var command = new Command("import", "Turn a CRM export's lifecycle or lead statuses into a profile's labels (CrmLabels:IcpStatuses and NotIcpStatuses say which values mean what); rows are matched to the profile's connections by LinkedIn URL, else by name and company") { file, profile };
        command.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new UnreadableExportException(path, Directory.Exists(path) ? "is a folder, not a CRM export" : "does not exist");
            }

            var target = scope.Profile(parse, globals, profile);
            var directory = InspectCommand.LoadDirectory(scope.Settings.Ingestion);
            using var store = scope.OpenStore(parse, globals);
            var connections = QueueCandidates.ForProfile(target.Name, scope.Routing(null, store), store, scope.Settings.Paths.Inbox, scope.Settings.Ingestion, directory).All;
            var result = CrmImport.Import(path, scope.Settings.CrmLabels, connections, new ProfileLabels(store.Labels, target.Name), "local");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {result.Rows:N0} contacts: {result.Labeled:N0} labeled for profile {target.Name} ({result.Icp:N0} ICP, {result.NotIcp:N0} not ICP; {result.Matched:N0} matched to its connections, {result.Labeled - result.Matched:N0} kept as prospects by their own title), {result.Unlabeled:N0} unlabeled"));
            if (result.UnlabeledStatuses.Count > 0)
            {
                stdout.WriteLine("  unlabeled statuses: " + string.Join(", ", result.UnlabeledStatuses.OrderByDescending(kv => kv.Value).Take(10).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:N0}"))) + " (CrmLabels:IcpStatuses and NotIcpStatuses say which values are labels)");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
