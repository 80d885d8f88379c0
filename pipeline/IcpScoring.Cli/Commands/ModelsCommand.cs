using System.CommandLine;
using System.Globalization;

namespace IcpScoring.Cli.Commands;

/// <summary><c>icp models list | promote V | rollback</c>: the model registry.</summary>
internal static class ModelsCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout)
    {
        var json = new Option<bool>("--json") { Description = "Print the versions as JSON" };
        var list = new Command("list", "Every trained version with its metrics; the champion is marked") { json };
        list.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var entries = scope.Registry(parse, globals).List();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(stdout, entries.Select(e => new
                {
                    version = e.Version,
                    champion = e.IsChampion,
                    trainedAt = e.Metadata.TrainedAt,
                    trainer = e.Metadata.Trainer,
                    threshold = e.Metadata.Threshold,
                    rows = e.Metadata.Rows,
                    trainingDataSha256 = e.Metadata.TrainingDataSha256,
                    holdout = JsonOutput.Metrics(e.Metadata.Holdout),
                }));
                return ExitCodes.Success;
            }

            if (entries.Count == 0)
            {
                stdout.WriteLine("no models yet; train one with icp train LABELED.csv");
            }

            foreach (var e in entries)
            {
                var m = e.Metadata;
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(e.IsChampion ? "*" : " ")} {e.Version,-5} {m.TrainedAt:yyyy-MM-dd HH:mm}  {m.Trainer,-18} rows {m.Rows,7:N0}  holdout AUC {m.Holdout.Auc:F4} AUPRC {m.Holdout.Auprc:F4}  {m.TrainingFile}"));
            }

            return ExitCodes.Success;
        }));

        var version = new Argument<string>("version") { Description = "The version to make champion, such as v3" };
        var promote = new Command("promote", "Make a version the champion") { version };
        promote.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var registry = scope.Registry(parse, globals);
            var v = parse.GetValue(version)!;
            registry.Get(v);
            registry.Promote(v, "promoted by hand: icp models promote");
            stdout.WriteLine($"champion: {v}");
            return ExitCodes.Success;
        }));

        var rollback = new Command("rollback", "Make the previous champion the champion again");
        rollback.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var champion = scope.Registry(parse, globals).Rollback("rolled back by hand: icp models rollback");
            stdout.WriteLine($"champion: {champion}");
            return ExitCodes.Success;
        }));

        return new Command("models", "The model registry: list versions, promote one, roll back") { list, promote, rollback };
    }
}
