using System.CommandLine;
using System.Globalization;
using IcpScoring.Pipeline;

namespace IcpScoring.Cli.Commands;

/// <summary><c>icp evaluate FILE [--model VERSION] [--json]</c>: metrics of a model on a labeled file.</summary>
internal static class EvaluateCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout)
    {
        var file = new Argument<string>("file") { Description = "Labeled prospects, as for icp train" };
        var version = new Option<string?>("--model") { Description = "The model version (default: the champion)" };
        var json = new Option<bool>("--json") { Description = "Print rows, auc, auprc, f1, logLoss, ece as JSON" };
        var profile = GlobalOptions.Profile("whose model is measured");
        var command = new Command("evaluate", "Measure a model on a labeled file: AUC, average precision, F1 at the model's threshold, log-loss, calibration error") { file, version, json, profile };
        command.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var retraining = new Retraining(scope.Settings.Model, scope.Settings.Ingestion, InspectCommand.LoadDirectory(scope.Settings.Ingestion), scope.Loggers);
            var (model, m, report) = retraining.Evaluate(parse.GetValue(file)!, scope.Profile(parse, globals, profile).Registry, parse.GetValue(version));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(stdout, new { rows = m.Rows, auc = m.Auc, auprc = m.Auprc, f1 = m.F1, logLoss = m.LogLoss, ece = m.Ece, model = model.Version, threshold = model.Metadata.Threshold, positives = m.Positives, rejected = report.Rejected });
            }
            else
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {model.Version} on {report.File}: {m.Rows:N0} rows ({m.Positives:N0} ICP, {report.Rejected:N0} rejected)"));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  AUC {m.Auc:F4}  AUPRC {m.Auprc:F4}  F1 {m.F1:F4} (threshold {model.Metadata.Threshold:F3})  log-loss {m.LogLoss:F4}  ECE {m.Ece:F4}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
