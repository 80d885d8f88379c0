using System.CommandLine;
using System.Globalization;
using IcpScoring.Labeling;
using IcpScoring.Model.Promotion;
using IcpScoring.Pipeline;
using IcpScoring.Storage;

namespace IcpScoring.Cli.Commands;

/// <summary><c>icp train FILE [--promote auto|always|never] [--json]</c>: train a challenger and gate it.</summary>
internal static class TrainCommand
{
    private const int RejectsShown = 20;

    public static Command Create(GlobalOptions globals, TextWriter stdout)
    {
        var file = new Argument<string>("file") { Description = "Labeled prospects: a title, industry and/or company size column and a label column (IsIcp, Label or Icp: true/false, 1/0, yes/no)" };
        var promote = new Option<string>("--promote") { Description = "auto: promote unless shown worse than the champion on rows neither was trained on (kept back when too few such rows); always; never", DefaultValueFactory = _ => "auto" };
        promote.AcceptOnlyFromAmong("auto", "always", "never");
        var json = new Option<bool>("--json") { Description = "Print the result as JSON: version, metrics (auc, auprc, f1, logLoss, ece), promoted, comparison (rows, differences with intervals, verdict)" };
        var profile = GlobalOptions.Profile("to train (a new name makes a new profile)");
        var command = new Command("train", "Train a challenger model on labeled prospects, evaluate it against the champion, and promote it when it is not worse. The file's labels are recorded in the database with the profile's other labels, which train the model too (a person's latest label wins; rows with an empty label are skipped). Where the profile states criteria, the connections of its accounts in the database, labeled by the criteria, train it too (a person's label wins over the criteria)") { file, promote, json, profile };
        command.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var policy = Enum.Parse<PromotionPolicy>(parse.GetValue(promote)!, ignoreCase: true);
            var directory = InspectCommand.LoadDirectory(scope.Settings.Ingestion);
            var retraining = new Retraining(scope.Settings.Model, scope.Settings.Ingestion, directory, scope.Loggers);
            var target = scope.ModelsFolder(parse, globals).GetOrNew(parse.GetValue(profile) ?? scope.Settings.Profiles.Default);
            // The database is opened once the file gave labels: a file refused leaves nothing behind.
            PipelineStore? store = null;
            RetrainOutcome outcome;
            try
            {
                outcome = retraining.Train(parse.GetValue(file)!, target, target.Criteria is null ? null : () => ProfileCommand.Population(parse, globals, scope, target, directory, []), policy,
                    labels: set => set.Rows.Count == 0 ? set.ToTrainingSet() : new ProfileLabels((store ??= scope.OpenStore(parse, globals)).Labels, target.Name).Record(set, LabelSource.Train, "local"));
            }
            finally
            {
                store?.Dispose();
            }

            var m = outcome.Challenger.Metadata;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(stdout, new
                {
                    profile = target.Name,
                    trainedFrom = m.TrainedFrom,
                    version = outcome.Challenger.Version,
                    metrics = JsonOutput.Metrics(m.Holdout),
                    promoted = outcome.Promoted,
                    champion = outcome.Promoted ? outcome.Challenger.Version : outcome.PreviousChampion,
                    previousChampion = outcome.PreviousChampion,
                    championMetrics = outcome.ChampionOnHoldout is { } c ? JsonOutput.Metrics(c) : null,
                    decision = outcome.Decision,
                    comparison = outcome.Comparison is { } comparison ? JsonOutput.Comparison(comparison) : null,
                    trainer = m.Trainer,
                    threshold = m.Threshold,
                    crossValidation = JsonOutput.Metrics(m.CrossValidation),
                    candidates = m.CandidateCv.ToDictionary(kv => kv.Key, kv => JsonOutput.Metrics(kv.Value)),
                    rows = m.Rows,
                    positives = m.Positives,
                    rejected = m.RejectedRows,
                    unlabeled = outcome.Unlabeled,
                    storedLabels = outcome.FromStore,
                    rejects = outcome.Labels.Rejects.Select(x => new { line = x.Line, reason = x.Reason }),
                    repetitions = m.Repetitions,
                    calibration = m.Calibration,
                    reliability = m.Reliability,
                    caveats = m.Caveats,
                });
            }
            else
            {
                WriteSummary(stdout, outcome, target.Name);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteSummary(TextWriter o, RetrainOutcome outcome, string profile)
    {
        var m = outcome.Challenger.Metadata;
        void W(FormattableString line) => o.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        W($"profile {profile}, model {outcome.Challenger.Version}: {m.Trainer}, threshold {m.Threshold:F3}, trained on {m.Rows:N0} rows ({m.Positives:N0} ICP, {m.RejectedRows:N0} rejected), {m.Origin}");
        foreach (var (name, cv) in m.CandidateCv)
        {
            W($"  {(m.Repetitions > 1 ? $"{m.Repetitions}x" : "")}{m.Folds}-fold CV  {name,-20} AUC {cv.Auc:F4}  AUPRC {cv.Auprc:F4}  F1 {cv.F1:F4}  log-loss {cv.LogLoss:F4}  ECE {cv.Ece:F4}");
        }

        W($"  holdout     {"(chosen) " + m.Trainer,-20} AUC {m.Holdout.Auc:F4}  AUPRC {m.Holdout.Auprc:F4}  F1 {m.Holdout.F1:F4}  log-loss {m.Holdout.LogLoss:F4}  ECE {m.Holdout.Ece:F4}  ({m.Holdout.Rows:N0} rows)");
        if (outcome.Comparison is { Difference: { } d } c)
        {
            // The comparison's rows are not always the holdout above: say which they are and how sure it is.
            W($"  comparison  with champion {c.Champion} on {c.Rows}");
            W($"  compared    {"challenger " + c.Challenger,-20} AUC {c.ChallengerMetrics!.Auc:F4}  AUPRC {c.ChallengerMetrics.Auprc:F4}  ({c.RowCount:N0} rows, {c.Positives:N0} ICP)");
            W($"  compared    {"champion " + c.Champion,-20} AUC {c.ChampionMetrics!.Auc:F4}  AUPRC {c.ChampionMetrics.Auprc:F4}");
            W($"  difference  AUC {d.Auc:+0.0000;-0.0000;+0.0000} (95% interval {d.AucLow:+0.0000;-0.0000;+0.0000} to {d.AucHigh:+0.0000;-0.0000;+0.0000}), average precision {d.AveragePrecision:+0.0000;-0.0000;+0.0000} ({d.AveragePrecisionLow:+0.0000;-0.0000;+0.0000} to {d.AveragePrecisionHigh:+0.0000;-0.0000;+0.0000}); paired bootstrap, {d.Resamples:N0} resamples");
            W($"  verdict     {ComparisonVerdict.Words(c.Verdict)}: {c.Why}");
        }

        if (m.Calibration is { } cal)
        {
            W($"  calibration {cal.Method}: {cal.Choice}");
        }

        if (m.Reliability is { Bins.Length: > 0 } r)
        {
            W($"  holdout reliability: ECE {r.Ece:F4}, noise floor {r.NoiseFloor:F4} (the ECE a perfectly calibrated model shows on {r.Rows:N0} rows by chance)");
            foreach (var b in r.Bins)
            {
                W($"    {b.From:F1}-{b.To:F1}  predicted {b.Predicted:F3}  observed {b.Observed:F3}  rows {b.Rows,6:N0}");
            }
        }

        foreach (var caveat in m.Caveats)
        {
            W($"  caveat: {caveat}");
        }

        if (outcome.Unlabeled > 0 || outcome.FromStore > 0)
        {
            W($"  labels      {outcome.Unlabeled:N0} rows of the file left unlabeled (skipped), {outcome.FromStore:N0} labels of other people stored for the profile trained it too");
        }

        W($"  {outcome.Decision}");
        foreach (var x in outcome.Labels.Rejects.Take(RejectsShown))
        {
            W($"  rejected    line {x.Line}: {x.Reason}");
        }
    }
}
