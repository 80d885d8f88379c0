using System.Globalization;
using Microsoft.ML;

namespace IcpScoring.Model.Promotion;

/// <summary>
/// Compares a challenger with the champion on rows neither was trained on. First choice: the rows
/// of the challenger's holdout whose input the champion never saw (its <c>rows.json</c> says which),
/// both models as they are. When too few such rows remain (a retrain on the same file, or on a few
/// more labels) or the champion kept no rows, the champion's recipe is refit on the challenger's
/// training part and both are compared on the challenger's whole holdout. The AUC difference gets a
/// paired bootstrap interval; the challenger is called worse only when the whole interval lies
/// below minus the tolerance, and nothing is decided on too few rows.
/// </summary>
internal sealed class PromotionGate(ModelOptions options)
{
    /// <summary>Fewer rows (or fewer of either class) than this and an AUC difference is mostly noise.</summary>
    public const int MinimumRows = 100;

    public const int MinimumPerClass = 20;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public ChampionComparison Compare(string challengerVersion, TrainedModel challenger, RegistryEntry? champion, string? championProblem = null)
    {
        var basics = new ChampionComparison { Challenger = challengerVersion, Champion = champion?.Version, Tolerance = options.PromotionTolerance };
        if (champion is null)
        {
            return championProblem is null
                ? basics with { Verdict = ComparisonVerdict.NoChampion, Why = "there was no champion" }
                : basics with { Verdict = ComparisonVerdict.ChampionUnusable, Why = $"the champion cannot be used ({championProblem})" };
        }

        IcpModel model;
        try
        {
            model = IcpModel.Load(champion);
        }
        catch (Exception e) when (e is ModelLoadException or ModelRegistryException)
        {
            return basics with { Verdict = ComparisonVerdict.ChampionUnusable, Why = $"champion {champion.Version} cannot be used ({e.Message})" };
        }

        var holdout = challenger.Holdout;
        var scores = challenger.HoldoutScores;
        var (rows, rowsProblem) = PromotionFiles.ReadRows(champion);
        string refitBecause;
        if (rows is not null)
        {
            var seen = rows.TrainedInputs();
            var outside = Enumerable.Range(0, holdout.Count).Where(i => !seen.Contains(RowKeys.Input(RowKeys.Of(holdout[i])))).ToList();
            var subset = outside.Select(i => holdout[i]).ToList();
            var seenCount = holdout.Count - outside.Count;
            basics = basics with { HoldoutSeenByChampion = seenCount };
            if (Enough(subset))
            {
                var described = string.Create(C, $"{outside.Count:N0} rows of {challengerVersion}'s holdout that {champion.Version} never trained on ({seenCount:N0} of its {holdout.Count:N0} holdout rows were in {champion.Version}'s training data and are left out)");
                return Judge(basics with { Basis = ComparisonBasis.OutsideBoth, Rows = described }, subset, [.. outside.Select(i => scores[i])], model.Probabilities(subset), challenger.Metadata.Threshold, model.Threshold);
            }

            refitBecause = string.Create(C, $"only {outside.Count:N0} of its {holdout.Count:N0} holdout rows are outside {champion.Version}'s training data (at least {MinimumRows} with {MinimumPerClass} of each class needed)");
        }
        else
        {
            refitBecause = rowsProblem ?? $"{champion.Version} has no {PromotionFiles.RowsFileName}";
        }

        var trainer = champion.Metadata.Trainer;
        if (!TrainerCatalog.Names.Contains(trainer, StringComparer.Ordinal) || challenger.TrainingPart.Count == 0)
        {
            return basics with
            {
                Verdict = ComparisonVerdict.TooFewRows,
                Why = $"no fair comparison: {refitBecause}, and {champion.Version}'s recipe ({trainer}) cannot be refit here; champion {champion.Version} is kept under --promote auto",
            };
        }

        // The champion's own settings where it recorded them: its L2, and how it read titles.
        var variant = trainer == TrainerCatalog.LogisticRegression && champion.Metadata.TrainerOptions.TryGetValue("l2", out var l2)
            && float.TryParse(l2, System.Globalization.NumberStyles.Float, C, out _) ? $"{trainer}/l2={l2}" : trainer;
        var recipe = SameOptions(champion.Metadata.TrainerOptions, TrainerCatalog.Options(variant)) ? variant : $"{variant} with today's options, its recorded ones differ";
        var refitDescribed = string.Create(C, $"{challengerVersion}'s holdout ({holdout.Count:N0} rows), {champion.Version}'s recipe ({recipe}) refit on {challengerVersion}'s {challenger.TrainingPart.Count:N0} training rows, because {refitBecause}");
        return Judge(basics with { Basis = ComparisonBasis.Refit, Rows = refitDescribed }, holdout, scores, Refit(variant, champion.Metadata.TitleTerms, challenger.TrainingPart, holdout), challenger.Metadata.Threshold, model.Threshold);
    }

    private static bool Enough(IReadOnlyList<ModelInput> rows)
    {
        var positives = rows.Count(r => r.Label);
        return rows.Count >= MinimumRows && positives >= MinimumPerClass && rows.Count - positives >= MinimumPerClass;
    }

    private static bool SameOptions(IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> today) =>
        recorded.Count == today.Count && recorded.All(kv => today.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private ChampionComparison Judge(ChampionComparison basics, IReadOnlyList<ModelInput> rows, IReadOnlyList<float> challengerScores, IReadOnlyList<float> championScores, double challengerThreshold, double championThreshold)
    {
        var labels = rows.Select(r => r.Label).ToArray();
        var positives = labels.Count(l => l);
        basics = basics with { RowCount = rows.Count, Positives = positives };
        if (positives == 0 || positives == labels.Length)
        {
            return basics with { Verdict = ComparisonVerdict.TooFewRows, Why = $"the {rows.Count:N0} rows are all one class, so AUC cannot compare the models; the champion is kept under --promote auto" };
        }

        var difference = PairedBootstrap.Compare(labels, challengerScores, championScores, options.Seed);
        var compared = basics with
        {
            ChallengerMetrics = IcpTrainer.Metrics(labels, [.. challengerScores], challengerThreshold),
            ChampionMetrics = IcpTrainer.Metrics(labels, [.. championScores], championThreshold),
            Difference = difference,
        };
        var interval = string.Create(C, $"AUC difference {difference.Auc:+0.0000;-0.0000;+0.0000}, 95% interval [{difference.AucLow:+0.0000;-0.0000;+0.0000}, {difference.AucHigh:+0.0000;-0.0000;+0.0000}]");
        if (challengerScores.SequenceEqual(championScores))
        {
            // A zero-width interval could read as certainty; here it only means the same recipe met the same rows.
            interval += " (both models give every row the same score: the same recipe on the same rows)";
        }

        if (!Enough(rows))
        {
            return compared with
            {
                Verdict = ComparisonVerdict.TooFewRows,
                Why = string.Create(C, $"only {rows.Count:N0} comparable rows ({positives:N0} ICP), at least {MinimumRows} with {MinimumPerClass} of each class needed; {interval} says little; the champion is kept under --promote auto"),
            };
        }

        return difference.AucHigh < -options.PromotionTolerance
            ? compared with { Verdict = ComparisonVerdict.Worse, Why = string.Create(C, $"{interval} lies wholly below -{options.PromotionTolerance}") }
            : compared with { Verdict = ComparisonVerdict.NotWorse, Why = string.Create(C, $"{interval} reaches above -{options.PromotionTolerance}") };
    }

    // The champion's way of training (today's featurizer, its trainer) on the challenger's rows.
    private float[] Refit(string trainer, int titleTerms, IReadOnlyList<ModelInput> training, IReadOnlyList<ModelInput> holdout)
    {
        var ml = new MLContext(options.Seed);
        training = [.. training.Select(r => TitleTerms.Prepare(r, titleTerms))];
        holdout = [.. holdout.Select(r => TitleTerms.Prepare(r, titleTerms))];
        var data = ml.Data.LoadFromEnumerable(training);
        var featurizer = Featurizer.Create(ml).Fit(data);
        var model = featurizer.Append(TrainerCatalog.Create(ml, trainer).Fit(ml.Data.Cache(featurizer.Transform(data))));
        return IcpTrainer.Probabilities(model, ml.Data.LoadFromEnumerable(holdout));
    }
}
