using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IcpScoring.Ingestion;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Cli.Commands;

/// <summary><c>icp inspect FILE [--json]</c>: detect the format and validate, with no side effects.</summary>
internal static class InspectCommand
{
    private const int RejectsShown = 20;

    public static Command Create(GlobalOptions globals, TextWriter stdout)
    {
        var file = new Argument<string>("file") { Description = "A connections export: LinkedIn's Connections.csv (any era), its export .zip, or an enriched CSV" };
        var json = new Option<bool>("--json") { Description = "Print the counts as JSON (keys of PRODUCT.md §7)" };
        var command = new Command("inspect", "Detect an export's format and validate it: counts and rejects, nothing written") { file, json };
        command.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var path = parse.GetValue(file)!;
            var log = scope.Loggers.CreateLogger("IcpScoring.Cli.Inspect");
            var directory = LoadDirectory(scope.Settings.Ingestion);
            var report = ExportIngestion.Inspect(path, scope.Settings.Ingestion, directory);
            log.LogInformation(
                "Inspected {File}: {Format}, {Rows} rows, {Connections} connections, {Hidden} hidden, {Duplicates} duplicates, {Rejected} rejected",
                report.File, report.Format, report.DataRows, report.Connections, report.Hidden, report.Duplicates, report.Rejected);
            if (parse.GetValue(json))
            {
                WriteJson(stdout, report);
            }
            else
            {
                WriteSummary(stdout, report, directory);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    internal static CompanyDirectory LoadDirectory(IngestionOptions options) =>
        string.IsNullOrWhiteSpace(options.CompanyDirectory) ? CompanyDirectory.Empty : CompanyDirectory.Load(options.CompanyDirectory);

    private static void WriteJson(TextWriter stdout, IngestReport r)
    {
        var body = new
        {
            format = r.Format,
            connections = r.Connections,
            hidden = r.Hidden,
            rejected = r.Rejected,
            duplicates = r.Duplicates,
            withTitle = r.WithTitle,
            withIndustry = r.WithIndustry,
            withCompanySize = r.WithCompanySize,
            connectedOnMin = r.ConnectedOnMin?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            connectedOnMax = r.ConnectedOnMax?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rejects = r.Rejects.Select(x => new { line = x.Line, reason = x.Reason }),
        };
        stdout.WriteLine(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static void WriteSummary(TextWriter o, IngestReport r, CompanyDirectory directory)
    {
        var c = CultureInfo.InvariantCulture;
        void W(FormattableString line) => o.WriteLine(line.ToString(c));
        o.WriteLine(r.File);
        W($"  format        {r.Format} ({r.Encoding}, header on line {r.HeaderLine})");
        if (r.OutsideNetwork > 0)
        {
            W($"  rows read     {r.DataRows:N0} = {r.Connections - r.OutsideNetwork:N0} connections ({r.Hidden:N0} hidden profiles included) + {r.OutsideNetwork:N0} leads outside the network + {r.Duplicates:N0} duplicates + {r.Rejected:N0} rejected");
        }
        else
        {
            W($"  rows read     {r.DataRows:N0} = {r.Connections:N0} connections ({r.Hidden:N0} hidden profiles included) + {r.Duplicates:N0} duplicates + {r.Rejected:N0} rejected");
        }

        W($"  degree        {(r.DegreeColumn is not null ? $"from the {r.DegreeColumn} column: 2nd-, 3rd-degree and out-of-network rows are leads outside the network; a row without one counts as 1st-degree" : r.LinkedInExport ? "LinkedIn's own export: every row is a 1st-degree connection" : "no degree column: every row counts as a 1st-degree connection")}");

        W($"  with title    {r.WithTitle:N0} of {r.Connections:N0} ({Share(r.WithTitle, r.Connections)})");
        W($"  with industry {r.WithIndustry:N0} ({Share(r.WithIndustry, r.Connections)})   with company size {r.WithCompanySize:N0} ({Share(r.WithCompanySize, r.Connections)})");
        if (directory.Count > 0)
        {
            W($"  directory     filled industry or size for {r.FromDirectory:N0} connections ({directory.Count:N0} companies listed)");
        }

        if (r.ConnectedOnMin is { } min && r.ConnectedOnMax is { } max)
        {
            W($"  connected on  {min:yyyy-MM-dd} .. {max:yyyy-MM-dd}");
        }

        if (r.Accounts.Count > 0)
        {
            W($"  accounts      {string.Join(", ", r.Accounts.Select(a => string.Create(c, $"{a.Key} ({a.Value:N0})")))}");
        }

        if (r.Rejected > 0)
        {
            W($"  rejects       (first {Math.Min(RejectsShown, r.Rejects.Count)} of {r.Rejected:N0})");
            foreach (var x in r.Rejects.Take(RejectsShown))
            {
                W($"    line {x.Line}: {x.Reason}");
            }
        }
    }

    private static string Share(long part, long whole) =>
        whole == 0 ? "-" : (part / (double)whole).ToString("P0", CultureInfo.InvariantCulture);
}
