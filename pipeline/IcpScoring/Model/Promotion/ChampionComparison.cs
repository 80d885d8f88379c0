namespace IcpScoring.Model.Promotion;

/// <summary>
/// How a challenger compared with the champion, stored as <c>vN/comparison.json</c> beside the
/// challenger and shown by <c>icp train</c>, <c>icp models list</c> and the retrain page.
/// </summary>
internal sealed record ChampionComparison
{
    public string Challenger { get; init; } = "";

    /// <summary>The champion at the time; null when there was none.</summary>
    public string? Champion { get; init; }

    /// <summary>Which rows: <see cref="ComparisonBasis"/>.</summary>
    public string Basis { get; init; } = ComparisonBasis.None;

    /// <summary>The rows the comparison rests on, in words: "412 rows of v3's holdout that v2 never trained on".</summary>
    public string Rows { get; init; } = "";

    public int RowCount { get; init; }

    public int Positives { get; init; }

    /// <summary>Rows of the challenger's holdout whose input the champion trained on; null when the champion did not record its rows.</summary>
    public int? HoldoutSeenByChampion { get; init; }

    public ModelMetrics? ChallengerMetrics { get; init; }

    public ModelMetrics? ChampionMetrics { get; init; }

    /// <summary>Challenger minus champion with 95% intervals; null when nothing could be measured.</summary>
    public BootstrapDifference? Difference { get; init; }

    public double Tolerance { get; init; }

    /// <summary>What the comparison says: <see cref="ComparisonVerdict"/>.</summary>
    public string Verdict { get; init; } = "";

    /// <summary>Why, in words.</summary>
    public string Why { get; init; } = "";

    public bool Promoted { get; init; }

    /// <summary>The decision, with the policy that made it: "promoted: not worse than champion v1; ...".</summary>
    public string Decision { get; init; } = "";

    /// <summary>One line for lists: "vs v1 on 600 rows (v1's recipe refit): AUC +0.0000 [-0.0000, +0.0000]; not worse".</summary>
    public string Summary()
    {
        if (Difference is not { } d)
        {
            return Champion is null ? $"no champion to compare with; {(Promoted ? "promoted" : "not promoted")}" : $"vs {Champion}: {Why}";
        }

        var c = System.Globalization.CultureInfo.InvariantCulture;
        return string.Create(c, $"vs {Champion} on {RowCount:N0} rows ({ComparisonBasis.Short(Basis, Champion)}): AUC {d.Auc:+0.0000;-0.0000;+0.0000} [{d.AucLow:+0.0000;-0.0000;+0.0000}, {d.AucHigh:+0.0000;-0.0000;+0.0000}], AP {d.AveragePrecision:+0.0000;-0.0000;+0.0000} [{d.AveragePrecisionLow:+0.0000;-0.0000;+0.0000}, {d.AveragePrecisionHigh:+0.0000;-0.0000;+0.0000}]; {ComparisonVerdict.Words(Verdict)}");
    }
}
