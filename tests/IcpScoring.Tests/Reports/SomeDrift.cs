using IcpScoring.Drift;

namespace IcpScoring.Tests.Reports;

/// <summary>
/// Drift report builders with realistic numbers: the account of <see cref="SomeReports"/> in May
/// 2026 (150 of 1,200 scored connections in the ICP) against April (138 of 1,170), the model moved
/// from v2 to v3, and a new industry arrived.
/// </summary>
internal static class SomeDrift
{
    public static DriftReport Report(string account = "Northwind Demand Gen", string newIndustry = "Hospitals and Health Care", IReadOnlyList<string>? alerts = null)
    {
        const long previousScored = 1_170, previousMatched = 138, currentScored = 1_200, currentMatched = 150;
        const double previous = (double)previousMatched / previousScored, current = (double)currentMatched / currentScored, rescored = 0.121;
        var delta = current - previous;
        return new DriftReport
        {
            Account = account,
            Month = "2026-05",
            PreviousMonth = "2026-04",
            Identical = false,
            Summary = $"The match rate rose 0.7 points to 12.5%, not a significant change: 0.4 points from the network (new connections in {newIndustry}) and 0.3 from the new model v3.",
            IcpMatchRate = new MatchRateChange(previous, current, delta, [-0.01924971, 0.03335228], 0.599390, previousScored, currentScored),
            Pool = new PoolChange(previousMatched, currentMatched, currentMatched - previousMatched),
            ScorePsi = 0.061842,
            ScorePsiBand = "stable",
            // Built out of order on purpose: drift.json sorts the keys.
            Features = new Dictionary<string, FeatureDrift>(StringComparer.Ordinal)
            {
                ["seniority"] = new(0.121, 0.021, "moderate", [], [],
                    [new("Head", 0.052, 0.073), new("Individual contributor", 0.491, 0.468)]),
                ["industry"] = new(0.274, 0.048, "major", [new(newIndustry, 0.113)], [new("Oil and Gas", 0.006)],
                    [new(newIndustry, 0, 0.113), new("Software Development", 0.381, 0.339), new("Retail", 0.092, 0.06)]),
                ["function"] = new(0.018, 0.004, "stable", [], [], [new("Marketing", 0.241, 0.25)]),
                ["companySize"] = new(0.043, 0.009, "stable", [], [], [new("51-200", 0.251, 0.266)]),
            },
            Network = new NetworkMovement(Added: 95, Removed: 26, Changed: 41, AddedIntoIcp: 14, RemovedFromIcp: 3, ChangedIntoIcp: 6, ChangedOutOfIcp: 5, Unchanged: 1_104),
            DataQuality = new DataQuality(0.031, 0.035, 0.262, 0.258, 2, 3, 2 / 1_173.0, 3 / 1_247.0),
            ModelChanged = true,
            ModelVersion = "v3",
            PreviousModelVersion = "v2",
            Profile = "demand-gen",
            PreviousProfile = "demand-gen",
            Attribution = new Attribution(current - rescored, rescored - previous, delta, rescored),
            Alerts = alerts ??
            [
                "Industry drifted: PSI 0.274 (major).",
                $"New industry \"{newIndustry}\": 11.3% of connections.",
                "The model changed from v2 to v3: 0.3 points of the change are the model's.",
            ],
            Trend =
            [
                new("2026-01", 0.109, 118, 1_052, "v2", "demand-gen"),
                new("2026-02", 0.112, 124, 1_090, "v2", "demand-gen"),
                new("2026-03", 0.115, 131, 1_129, "v2", "demand-gen"),
                new("2026-04", previous, previousMatched, 1_171, "v2", "demand-gen"),
                new("2026-05", current, currentMatched, 1_240, "v3", "demand-gen"),
            ],
            Histograms = new ScoreHistograms(
                [298, 186, 121, 93, 78, 58, 50, 44, 38, 29, 26, 19, 22, 20, 18, 16, 14, 13, 12, 15],
                [310, 180, 120, 95, 80, 60, 52, 45, 40, 30, 28, 20, 24, 22, 20, 18, 16, 15, 14, 11]),
        };
    }

    /// <summary>The account's first month: nothing to compare, so every comparison is null.</summary>
    public static DriftReport FirstMonth(string account = "Northwind Demand Gen") => new()
    {
        Account = account,
        Month = "2026-05",
        PreviousMonth = null,
        Identical = false,
        Summary = "First month for this account: nothing to compare yet.",
        IcpMatchRate = null,
        Pool = null,
        ScorePsi = null,
        ScorePsiBand = null,
        Features = new Dictionary<string, FeatureDrift>(StringComparer.Ordinal),
        Network = null,
        DataQuality = null,
        ModelChanged = false,
        ModelVersion = "v3",
        PreviousModelVersion = null,
        Profile = "demand-gen",
        Attribution = null,
        Alerts = [],
        Trend = [new("2026-05", 0.125, 150, 1_240, "v3", "demand-gen")],
        Histograms = null,
    };

    /// <summary>The same export uploaded again a month later: same connections, same scores, same model.</summary>
    public static DriftReport Identical()
    {
        var r = Report();
        var rate = r.IcpMatchRate!.Current;
        return r with
        {
            Month = "2026-06",
            PreviousMonth = "2026-05",
            Identical = true,
            Summary = "Nothing changed since 2026-05: same connections, same scores.",
            IcpMatchRate = new MatchRateChange(rate, rate, 0, [-0.0265, 0.0265], 1, 1_200, 1_200),
            Pool = new PoolChange(150, 150, 0),
            ScorePsi = 0,
            ScorePsiBand = "stable",
            Features = r.Features.ToDictionary(f => f.Key, f => new FeatureDrift(0, 0, "stable", [], [], []), StringComparer.Ordinal),
            Network = new NetworkMovement(0, 0, 0, 0, 0, 0, 0, 1_240),
            DataQuality = new DataQuality(0.035, 0.035, 0.258, 0.258, 3, 3, 3 / 1_247.0, 3 / 1_247.0),
            ModelChanged = false,
            PreviousModelVersion = "v3",
            Attribution = new Attribution(0, 0, 0, null),
            Alerts = [],
            Trend = [.. r.Trend, new("2026-06", rate, 150, 1_240, "v3", "demand-gen")],
            Histograms = new ScoreHistograms(r.Histograms!.Current, r.Histograms.Current),
        };
    }
}
