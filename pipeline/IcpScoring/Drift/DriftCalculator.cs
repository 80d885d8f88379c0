using System.Globalization;
using IcpScoring.Normalization;
using IcpScoring.Profiles;
using IcpScoring.Storage;

namespace IcpScoring.Drift;

/// <summary>
/// Compares an account's month with its previous month: match rate and its test, pool movement by
/// connection key, score and feature drift, data quality, attribution to network or model, alerts.
/// </summary>
internal static class DriftCalculator
{
    public static readonly string[] FeatureNames = ["industry", "companySize", "seniority", "function"];

    /// <summary>
    /// The report of <paramref name="current"/> against <paramref name="previous"/> (null for a first
    /// month). <paramref name="previousRescoredRate"/> is the previous month's match rate under the
    /// current month's model, when the model changed and could be loaded.
    /// </summary>
    public static DriftReport Compare(SnapshotData? previous, SnapshotData current, IReadOnlyList<TrendPoint> trend, double? previousRescoredRate, DriftOptions options)
    {
        var info = current.Info;
        if (previous is null)
        {
            return new DriftReport
            {
                Account = info.Account,
                Month = info.Month,
                PreviousMonth = null,
                Identical = false,
                Summary = "First month for this account: nothing to compare yet.",
                IcpMatchRate = null,
                Pool = null,
                ScorePsi = null,
                ScorePsiBand = null,
                Features = new Dictionary<string, FeatureDrift>(),
                Network = null,
                DataQuality = null,
                ModelChanged = false,
                ModelVersion = Ref(info).Version,
                Profile = Ref(info).Profile,
                PreviousModelVersion = null,
                Attribution = null,
                Alerts = [],
                Suspect = [],
                Trend = trend,
                Histograms = null,
            };
        }

        var prev = previous.Info;
        var (delta, low, high, p) = DriftStatistics.CompareProportions(prev.IcpMatched, prev.Scored, info.IcpMatched, info.Scored);
        // Every rate and every change of a rate is a fraction of 1 in the report, as in drift.json.
        var rate = new MatchRateChange(previous.MatchRate, current.MatchRate, delta, [low, high], p, prev.Scored, info.Scored, options.SignificanceLevel);
        var pool = new PoolChange(prev.AddressablePool, info.AddressablePool, info.AddressablePool - prev.AddressablePool);
        var (histPrev, histCur) = (Histogram(previous.Rows, 20), Histogram(current.Rows, 20));
        var scorePsi = DriftStatistics.Psi(DriftStatistics.Shares(Histogram(previous.Rows, 10)), DriftStatistics.Shares(Histogram(current.Rows, 10)));
        var features = FeatureNames.ToDictionary(f => f, f => Feature(previous.Rows, current.Rows, f), StringComparer.Ordinal);
        var network = Movement(previous.Rows, current.Rows);
        var quality = Quality(previous, current);
        var modelChanged = prev.ModelVersion != info.ModelVersion;
        var total = rate.Delta;
        Attribution? attribution = !modelChanged
            ? new Attribution(total, 0, total, null)
            : previousRescoredRate is { } rescored
                ? new Attribution(current.MatchRate - rescored, rescored - previous.MatchRate, total, rescored)
                : null;
        var identical = Identical(previous.Rows, current.Rows);
        var (previousModel, currentModel) = ModelNames(Ref(prev), Ref(info));
        var suspect = Plausibility.Check(Plausibility.Of(previous), Plausibility.Of(current), options);
        List<string> alerts = identical ? [] : [.. suspect.Select(s => Plausibility.AlertPrefix + s), .. Alerts(rate, pool, scorePsi, features, quality, current, attribution, previousModel, currentModel, options)];

        return new DriftReport
        {
            Account = info.Account,
            Month = info.Month,
            PreviousMonth = prev.Month,
            Identical = identical,
            Summary = identical ? $"Identical to {prev.Month}: same connections, same scores." : Summary(rate, pool, network, attribution, modelChanged, previousModel, currentModel, options),
            IcpMatchRate = rate,
            Pool = pool,
            ScorePsi = scorePsi,
            ScorePsiBand = DriftStatistics.Band(scorePsi),
            Features = features,
            Network = network,
            DataQuality = quality,
            ModelChanged = modelChanged,
            ModelVersion = Ref(info).Version,
            PreviousModelVersion = Ref(prev).Version,
            Profile = Ref(info).Profile,
            PreviousProfile = Ref(prev).Profile,
            ProfileChanged = Ref(info).Profile != Ref(prev).Profile,
            Attribution = attribution,
            Alerts = alerts,
            Suspect = identical ? [] : suspect,
            Trend = trend,
            Histograms = new ScoreHistograms(histPrev, histCur),
        };
    }

    // Snapshots name their model as profile/vN (DriftJob gives every one its profile).
    private static ModelRef Ref(SnapshotInfo info) => ModelRef.Parse(info.ModelVersion, "");

    // How the summary and alerts name the two models: by version within one profile, with the
    // profile when it changed (a new ICP is a new model, whatever the version numbers say).
    private static (string Previous, string Current) ModelNames(ModelRef previous, ModelRef current) =>
        previous.Profile == current.Profile
            ? (previous.Version, current.Version)
            : ($"profile {Named(previous.Profile)} {previous.Version}", $"profile {Named(current.Profile)} {current.Version}");

    private static string Named(string profile) => profile.Length == 0 ? "(none)" : profile;

    private static long[] Histogram(IReadOnlyList<SnapshotRow> rows, int bins)
    {
        var h = new long[bins];
        foreach (var r in rows)
        {
            if (!r.IsHidden)
            {
                h[Math.Clamp((int)(r.Probability * bins), 0, bins - 1)]++;
            }
        }

        return h;
    }

    private static string Category(SnapshotRow r, string feature) => feature switch
    {
        "industry" => r.Industry.Length > 0 ? r.Industry : "(unknown)",
        "companySize" => r.CompanySize.Length > 0 ? r.CompanySize : "(unknown)",
        "seniority" => SegmentNames.Seniority(r.Seniority),
        _ => SegmentNames.Function(r.Function),
    };

    private static FeatureDrift Feature(IReadOnlyList<SnapshotRow> previous, IReadOnlyList<SnapshotRow> current, string feature)
    {
        var before = Counts(previous, feature);
        var after = Counts(current, feature);
        var categories = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal).ToList();
        var p = DriftStatistics.Shares([.. categories.Select(c => before.GetValueOrDefault(c))]);
        var q = DriftStatistics.Shares([.. categories.Select(c => after.GetValueOrDefault(c))]);
        var psi = DriftStatistics.Psi(p, q);
        var indexed = categories.Select((c, i) => (Name: c, Before: p[i], After: q[i])).ToList();
        return new FeatureDrift(
            psi,
            DriftStatistics.JensenShannon(p, q),
            DriftStatistics.Band(psi),
            [.. indexed.Where(x => x.Before == 0 && x.After > 0).OrderByDescending(x => x.After).ThenBy(x => x.Name, StringComparer.Ordinal).Select(x => new CategoryShare(x.Name, x.After))],
            [.. indexed.Where(x => x.After == 0 && x.Before > 0).OrderByDescending(x => x.Before).ThenBy(x => x.Name, StringComparer.Ordinal).Select(x => new CategoryShare(x.Name, x.Before))],
            [.. indexed.OrderByDescending(x => Math.Abs(x.After - x.Before)).ThenBy(x => x.Name, StringComparer.Ordinal).Take(5).Select(x => new CategoryShift(x.Name, x.Before, x.After))]);
    }

    private static Dictionary<string, long> Counts(IReadOnlyList<SnapshotRow> rows, string feature)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!r.IsHidden)
            {
                var c = Category(r, feature);
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        return counts;
    }

    // Keys follow a person across months (profile URL, or name and connection date), so a new job is a change, not a departure and an arrival.
    private static NetworkMovement Movement(IReadOnlyList<SnapshotRow> previous, IReadOnlyList<SnapshotRow> current)
    {
        var before = new Dictionary<string, SnapshotRow>(StringComparer.Ordinal);
        foreach (var r in previous.Where(r => !r.IsHidden))
        {
            before.TryAdd(r.Key, r);
        }

        // Every row is counted once on each side, so the movements add up to the pool's change exactly:
        // a second row under a key already seen (two people of one name connected the same day, in an
        // export without profile URLs) is one more addition now, or one more departure then.
        var extraBefore = previous.Count(r => !r.IsHidden) - before.Count;
        var extraBeforeIcp = previous.Count(r => !r.IsHidden && r.IsMatch) - before.Values.Count(r => r.IsMatch);
        long added = 0, addedIcp = 0, changed = 0, intoIcp = 0, outOfIcp = 0, unchanged = 0, rescoredInto = 0, rescoredOut = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in current.Where(r => !r.IsHidden))
        {
            if (!seen.Add(r.Key) || !before.TryGetValue(r.Key, out var then))
            {
                added++;
                addedIcp += r.IsMatch ? 1 : 0;
            }
            else if (!string.Equals(then.Title, r.Title, StringComparison.Ordinal) || !string.Equals(then.Company, r.Company, StringComparison.Ordinal))
            {
                changed++;
                intoIcp += !then.IsMatch && r.IsMatch ? 1 : 0;
                outOfIcp += then.IsMatch && !r.IsMatch ? 1 : 0;
            }
            else
            {
                // Same title and company, another verdict: the model, or the industry or size, changed.
                unchanged++;
                rescoredInto += !then.IsMatch && r.IsMatch ? 1 : 0;
                rescoredOut += then.IsMatch && !r.IsMatch ? 1 : 0;
            }
        }

        var gone = before.Values.Where(r => !seen.Contains(r.Key)).ToList();
        return new NetworkMovement(added, gone.Count + extraBefore, changed, addedIcp, gone.Count(r => r.IsMatch) + extraBeforeIcp, intoIcp, outOfIcp, unchanged, rescoredInto, rescoredOut);
    }

    private static DataQuality Quality(SnapshotData previous, SnapshotData current)
    {
        static double Share(IReadOnlyList<SnapshotRow> rows, Func<SnapshotRow, bool> test)
        {
            var scored = rows.Where(r => !r.IsHidden).ToList();
            return scored.Count == 0 ? 0 : scored.Count(test) / (double)scored.Count;
        }

        static double Rejected(SnapshotData s) => s.FileRows == 0 ? 0 : s.FileRejected / (double)s.FileRows;
        return new DataQuality(
            Share(previous.Rows, r => r.Title.Length == 0),
            Share(current.Rows, r => r.Title.Length == 0),
            Share(previous.Rows, r => !r.HasFirmographics),
            Share(current.Rows, r => !r.HasFirmographics),
            previous.FileRejected,
            current.FileRejected,
            Rejected(previous),
            Rejected(current));
    }

    private static bool Identical(IReadOnlyList<SnapshotRow> previous, IReadOnlyList<SnapshotRow> current)
    {
        static IEnumerable<SnapshotRow> Known(IReadOnlyList<SnapshotRow> rows) => rows.Where(r => !r.IsHidden).OrderBy(r => r.Key, StringComparer.Ordinal);
        return previous.Count(r => r.IsHidden) == current.Count(r => r.IsHidden)
            && Known(previous).Select(r => r with { ConnectedOn = null }).SequenceEqual(Known(current).Select(r => r with { ConnectedOn = null }));
    }

    private static List<string> Alerts(MatchRateChange rate, PoolChange pool, double scorePsi, Dictionary<string, FeatureDrift> features, DataQuality quality,
        SnapshotData current, Attribution? attribution, string previousModel, string currentModel, DriftOptions o)
    {
        var c = CultureInfo.InvariantCulture;
        var alerts = new List<string>();
        if (-rate.Delta * 100 >= o.MatchRateDropPoints && rate.PValue < o.SignificanceLevel)
        {
            alerts.Add(string.Create(c, $"ICP match rate fell {-rate.Delta * 100:0.0} points ({Pct(rate.Previous)} → {Pct(rate.Current)}), significant (p = {rate.PValue:0.####})"));
        }

        if (pool.Previous > 0 && -pool.Delta >= o.PoolDropShare * pool.Previous)
        {
            alerts.Add(string.Create(c, $"Addressable pool shrank {Pct0(-pool.Delta / (double)pool.Previous)} ({pool.Previous:N0} → {pool.Current:N0})"));
        }

        if (scorePsi >= o.ScorePsiAlert)
        {
            alerts.Add(string.Create(c, $"{DriftStatistics.Describe("Score mix", scorePsi)}: who scores high and who scores low changed (PSI {scorePsi:0.00})"));
        }

        foreach (var (name, drift) in features)
        {
            if (drift.Psi >= o.FeaturePsiAlert)
            {
                alerts.Add(string.Create(c, $"{DriftStatistics.Describe(FeatureLabel(name) + " mix", drift.Psi)} (PSI {drift.Psi:0.00})"));
            }

            foreach (var category in drift.NewCategories.Where(x => x.Share >= o.NewCategoryShareAlert))
            {
                alerts.Add(string.Create(c, $"New {FeatureLabel(name).ToLowerInvariant()}: {category.Name} ({Pct(category.Share)} of connections)"));
            }
        }

        if ((quality.CurrentWithoutTitle - quality.PreviousWithoutTitle) * 100 >= o.DataQualityRisePoints)
        {
            alerts.Add(string.Create(c, $"More connections without a title: {Pct(quality.PreviousWithoutTitle)} → {Pct(quality.CurrentWithoutTitle)}"));
        }

        if ((quality.CurrentWithoutFirmographics - quality.PreviousWithoutFirmographics) * 100 >= o.DataQualityRisePoints)
        {
            alerts.Add(string.Create(c, $"More connections without industry or size: {Pct(quality.PreviousWithoutFirmographics)} → {Pct(quality.CurrentWithoutFirmographics)}"));
        }

        if (current.FileRows > 0 && quality.CurrentRejectedShare >= o.RejectedShareAlert)
        {
            alerts.Add(string.Create(c, $"{Pct(quality.CurrentRejectedShare)} of the export's rows were rejected ({current.FileRejected:N0}); see rejects.csv"));
        }

        if (previousModel != currentModel)
        {
            alerts.Add(attribution is { } a
                ? string.Create(c, $"Model changed ({previousModel} → {currentModel}): {a.Model * 100:+0.0;-0.0;0.0} of the {a.Total * 100:+0.0;-0.0;0.0} points come from the model")
                : $"Model changed ({previousModel} → {currentModel}); {currentModel} could not be loaded to split the change");
        }

        return alerts;
    }

    private static string Summary(MatchRateChange rate, PoolChange pool, NetworkMovement n, Attribution? a, bool modelChanged, string previousModel, string currentModel, DriftOptions o)
    {
        var c = CultureInfo.InvariantCulture;
        var points = rate.Delta * 100;
        var direction = points > 0.05 ? "rose" : points < -0.05 ? "fell" : "held";
        var significance = rate.PValue < o.SignificanceLevel ? "significant" : "not significant";
        var head = direction == "held"
            ? string.Create(c, $"Match rate held at {Pct(rate.Current)}")
            : string.Create(c, $"Match rate {direction} {Math.Abs(points):0.0} points ({Pct(rate.Previous)} → {Pct(rate.Current)}, {significance})");
        var why = !modelChanged ? "the model did not change, so the change is the network's"
            : a is { } at ? string.Create(c, $"the model changed ({previousModel} → {currentModel}): {at.Network * 100:+0.0;-0.0;0.0} points from the network, {at.Model * 100:+0.0;-0.0;0.0} from the model")
            : $"the model changed ({previousModel} → {currentModel}) and could not be loaded to split the change";
        return $"{head}; {PoolSentence(pool, n)}; {why}.";
    }

    /// <summary>
    /// The pool's change itemized: every movement into and out of the ICP, which add up to it, then
    /// the movements of the whole network.
    /// </summary>
    public static string PoolSentence(PoolChange pool, NetworkMovement n)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>
        {
            string.Create(c, $"{Signed(n.AddedIntoIcp)} new ICP connections"),
            string.Create(c, $"{Signed(-n.RemovedFromIcp)} ICP connections removed"),
            string.Create(c, $"{Signed(n.ChangedIntoIcp)} changed job into the ICP"),
            string.Create(c, $"{Signed(-n.ChangedOutOfIcp)} changed job out of it"),
        };
        if (n.RescoredIntoIcp + n.RescoredOutOfIcp > 0)
        {
            parts.Add(string.Create(c, $"{Signed(n.RescoredIntoIcp - n.RescoredOutOfIcp)} with the same title and company scored differently ({n.RescoredIntoIcp:N0} in, {n.RescoredOutOfIcp:N0} out)"));
        }

        return string.Create(c, $"pool {pool.Previous:N0} → {pool.Current:N0} ({Signed(pool.Delta)}): {string.Join(", ", parts)}; in all {n.Added:N0} connections added, {n.Removed:N0} removed, {n.Changed:N0} changed title or company");
    }

    // +5, −3, ±0: a count of people with its direction.
    private static string Signed(long n) => n > 0 ? "+" + n.ToString("N0", CultureInfo.InvariantCulture) : n < 0 ? "−" + (-n).ToString("N0", CultureInfo.InvariantCulture) : "±0";

    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Pct0(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    internal static string FeatureLabel(string feature) => feature switch
    {
        "industry" => "Industry",
        "companySize" => "Company size",
        "seniority" => "Seniority",
        _ => "Function",
    };
}
