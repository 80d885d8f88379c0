using System.CommandLine;
using System.Globalization;
using IcpScoring.Model.Promotion;

namespace IcpScoring.Cli.Commands;

/// <summary><c>icp models list | promote V | rollback</c>: the model registry.</summary>
internal static class ModelsCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout)
    {
        var json = new Option<bool>("--json") { Description = "Print the versions as JSON" };
        var profile = GlobalOptions.Profile("whose registry this is");
        var list = new Command("list", "Every trained version of a profile with its metrics (each on its own holdout) and how it compared with the champion of its day; the champion is marked") { json, profile };
        list.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var entries = scope.Profile(parse, globals, profile).Registry.List();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(stdout, entries.Select(e => new
                {
                    version = e.Version,
                    champion = e.IsChampion,
                    trainedAt = e.Metadata.TrainedAt,
                    trainer = e.Metadata.Trainer,
                    trainedFrom = e.Metadata.TrainedFrom.Length == 0 ? "labels" : e.Metadata.TrainedFrom,
                    threshold = e.Metadata.Threshold,
                    rows = e.Metadata.Rows,
                    trainingDataSha256 = e.Metadata.TrainingDataSha256,
                    holdout = JsonOutput.Metrics(e.Metadata.Holdout),
                    holdoutRows = e.Metadata.Holdout.Rows,
                    holdoutMeasuredOn = "own holdout",
                    comparison = PromotionFiles.ReadComparison(e) is { } c ? JsonOutput.Comparison(c) : null,
                }));
                return ExitCodes.Success;
            }

            if (entries.Count == 0)
            {
                stdout.WriteLine("no models yet; train one with icp train LABELED.csv, or from the profile's criteria with icp profile train NAME");
            }
            else
            {
                // Each version's holdout is its own rows: the figures are not comparable across versions.
                stdout.WriteLine("holdout figures are each measured on the version's own holdout, so they do not compare versions; the \"vs\" lines do (both models on the same rows, neither trained on them)");
            }

            foreach (var e in entries)
            {
                var m = e.Metadata;
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(e.IsChampion ? "*" : " ")} {e.Version,-5} {m.TrainedAt:yyyy-MM-dd HH:mm}  {m.Trainer,-18} rows {m.Rows,7:N0}  AUC {m.Holdout.Auc:F4} AUPRC {m.Holdout.Auprc:F4} on own holdout ({m.Holdout.Rows:N0} rows)  {m.TrainingFile}"));
                if (PromotionFiles.ReadComparison(e) is { } comparison)
                {
                    stdout.WriteLine($"        {comparison.Summary()}");
                }
            }

            return ExitCodes.Success;
        }));

        var version = new Argument<string>("version") { Description = "The version to make champion, such as v3" };
        var promoteProfile = GlobalOptions.Profile("whose registry this is");
        var promote = new Command("promote", "Make a version the champion") { version, promoteProfile };
        promote.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var registry = scope.Profile(parse, globals, promoteProfile).Registry;
            var v = parse.GetValue(version)!;
            registry.Get(v);
            registry.Promote(v, "promoted by hand: icp models promote");
            stdout.WriteLine($"champion: {v}");
            return ExitCodes.Success;
        }));

        var rollbackProfile = GlobalOptions.Profile("whose registry this is");
        var rollback = new Command("rollback", "Make the previous champion the champion again") { rollbackProfile };
        rollback.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var champion = scope.Profile(parse, globals, rollbackProfile).Registry.Rollback("rolled back by hand: icp models rollback");
            stdout.WriteLine($"champion: {champion}");
            return ExitCodes.Success;
        }));

        return new Command("models", "A profile's model registry: list versions, promote one, roll back") { list, promote, rollback };
    }
}
