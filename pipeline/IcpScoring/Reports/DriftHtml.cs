using System.Globalization;
using System.Text;
using IcpScoring.Drift;
using IcpScoring.Model;

namespace IcpScoring.Reports;

/// <summary>
/// <c>drift.html</c>: the month-over-month drift report for people. Alerts first, then what changed
/// and why (network or model), how the pool moved, the score and feature distributions, data
/// quality and the trend over all months. For a first month there is nothing to compare, so only
/// the trend is shown. One self-contained page in the frame pool.html uses; everything from the
/// data is escaped.
/// </summary>
internal static class DriftHtml
{

    private const int LargestShiftsShown = 10;

    private static readonly string[] FeatureOrder = ["industry", "companySize", "seniority", "function"];

    /// <param name="r">The report.</param>
    /// <param name="months">Every month of the account, in order, for the links to the months before and after; the trend's months when not given.</param>
    public static string Render(DriftReport r, IReadOnlyList<string>? months = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = HtmlPage.Begin($"ICP drift · {r.Account} · {r.Month}");
        sb.Append(ReportNav.Drift(r.Month, months ?? [.. r.Trend.Select(t => t.Month)]));
        Header(sb, r);
        if (r.PreviousMonth is not { } previous)
        {
            if (r.Alerts.Count > 0)
            {
                Alerts(sb, r);
            }

            sb.Append("<section id=\"first-month\">\n<p style=\"font-size: 18px; font-weight: 600; margin: 0\">")
                .Append("First month for this account: nothing to compare yet.</p>\n<p class=\"note\">")
                .Append("The drift report compares a month with the one before; it will next month.</p>\n</section>\n");
            TrendSection(sb, r, chart: false);
            return Footer(sb, r);
        }

        Suspect(sb, r);
        Alerts(sb, r);
        if (r.Identical)
        {
            sb.Append("<section id=\"identical\" style=\"border: 2px solid var(--accent); background: var(--soft)\">\n")
                .Append("<p style=\"font-size: 20px; font-weight: 650; margin: 0\">Identical to ").Append(HtmlText.Encode(previous))
                .Append(": same connections, same scores.</p>\n</section>\n");
        }

        sb.Append("<section id=\"summary\">\n<p style=\"font-size: 17px; margin: 0\">").Append(HtmlText.Encode(r.Summary)).Append("</p>\n</section>\n");
        Headline(sb, r, previous);
        Why(sb, r);
        NetworkSection(sb, r);
        Scores(sb, r, previous);
        FeaturesSection(sb, r, previous);
        DataQualitySection(sb, r, previous);
        TrendSection(sb, r, chart: true);
        return Footer(sb, r);
    }

    public static void Write(string path, DriftReport r, IReadOnlyList<string>? months = null) => AtomicFiles.WriteAllText(path, Render(r, months));

    private static void Header(StringBuilder sb, DriftReport r)
    {
        var profile = r.Profile.Length > 0 ? $"ICP profile {r.Profile} · " : "";
        var model = r.ProfileChanged
            ? $"{profile}model {r.ModelVersion} (was profile {r.PreviousProfile} model {r.PreviousModelVersion}: another ICP)"
            : r.ModelChanged && r.PreviousModelVersion is { } was
                ? $"{profile}model {r.ModelVersion} (was {was})"
                : $"{profile}model {r.ModelVersion}";
        var compared = r.PreviousMonth is { } previous ? $"{r.Month} compared with {previous}" : $"{r.Month} · first month";
        sb.Append("<header>\n<p class=\"eyebrow\">ICP-match drift report</p>\n")
            .Append("<h1><bdi>").Append(HtmlText.Encode(r.Account)).Append("</bdi></h1>\n")
            .Append("<p class=\"sub\">").Append(HtmlText.Encode($"{compared} · {model}")).Append("</p>\n</header>\n");
    }

    // A month that looks like a wrong upload says so before anything else: its numbers may be another account's.
    private static void Suspect(StringBuilder sb, DriftReport r)
    {
        if (r.Suspect.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"suspect\" style=\"border: 3px solid var(--bad); background: #fef2f2\">\n<h2 style=\"color: var(--bad)\">Check this upload before trusting this month</h2>\n<ul>\n");
        foreach (var reason in r.Suspect)
        {
            sb.Append("<li>").Append(HtmlText.Encode(char.ToUpperInvariant(reason[0]) + reason[1..])).Append("</li>\n");
        }

        sb.Append("</ul>\n<p class=\"note\">If the file is not this account's latest full export, upload the right one for ")
            .Append(HtmlText.Encode(r.Month)).Append(": it replaces this month. Thresholds: Drift:SuspectGoneShare and Drift:SuspectShrinkShare.</p>\n</section>\n");
    }

    private static void Alerts(StringBuilder sb, DriftReport r)
    {
        if (r.Alerts.Count == 0)
        {
            sb.Append("<section id=\"alerts\" style=\"border: 2px solid #a7f3d0; background: #ecfdf5\">\n<h2>No alerts</h2>\n")
                .Append("<p class=\"note\">Nothing crossed the thresholds set in appsettings.json, section Drift.</p>\n</section>\n");
            return;
        }

        sb.Append("<section id=\"alerts\" style=\"border: 2px solid var(--bad); background: #fef2f2\">\n<h2 style=\"color: var(--bad)\">")
            .Append(r.Alerts.Count == 1 ? "1 alert" : $"{ReportFormat.Count(r.Alerts.Count)} alerts").Append("</h2>\n<ul class=\"alerts\">\n");
        foreach (var alert in r.Alerts)
        {
            sb.Append("<li><bdi>").Append(HtmlText.Encode(alert)).Append("</bdi></li>\n");
        }

        sb.Append("</ul>\n<p class=\"note\">Thresholds are set in appsettings.json, section Drift.</p>\n</section>\n");
    }

    private static void Headline(StringBuilder sb, DriftReport r, string previous)
    {
        sb.Append("<section id=\"headline\">\n<h2>Match rate and pool</h2>\n<table>\n<thead><tr><th></th><th class=\"num\">").Append(HtmlText.Encode(previous))
            .Append("</th><th class=\"num\">").Append(HtmlText.Encode(r.Month)).Append("</th><th class=\"num\">Change</th><th class=\"num\">95% interval of the change</th><th>Two-proportion test</th></tr></thead>\n<tbody>\n");
        if (r.IcpMatchRate is { } m)
        {
            Row(sb, "ICP match rate", ReportFormat.Percent(m.Previous), ReportFormat.Percent(m.Current), ReportFormat.Points(m.Delta * 100), Math.Sign(Math.Round(m.Delta * 100, 1)),
                m.Ci95 is [var low, var high] ? $"{ReportFormat.Points(low * 100)} to {ReportFormat.Points(high * 100)}" : "n/a", Test(m.PValue, m.SignificanceLevel));
            Row(sb, "Scored connections", ReportFormat.Count(m.PreviousScored), ReportFormat.Count(m.CurrentScored),
                ReportFormat.Change(m.CurrentScored - m.PreviousScored), 0, string.Empty, string.Empty);
        }

        if (r.Pool is { } p)
        {
            Row(sb, "Addressable pool", ReportFormat.Count(p.Previous), ReportFormat.Count(p.Current), ReportFormat.Change(p.Delta), Math.Sign(p.Delta), string.Empty, string.Empty);
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">The change is in percentage points. The test asks whether the two months&#39; match rates differ by more than chance; ")
            .Append(HtmlText.Encode(string.Create(CultureInfo.InvariantCulture, $"below p = {Level(r):0.###} the change is significant at {Level(r) * 100:0.#}%."))).Append("</p>\n</section>\n");
    }

    private static void Row(StringBuilder sb, string name, string before, string now, string change, int sign, string interval, string test) =>
        sb.Append("<tr><th>").Append(HtmlText.Encode(name)).Append("</th><td class=\"num\">").Append(before).Append("</td><td class=\"num\">").Append(now)
            .Append("</td><td class=\"num ").Append(sign > 0 ? "up" : sign < 0 ? "down" : "same").Append("\">").Append(change)
            .Append("</td><td class=\"num\">").Append(HtmlText.Encode(interval)).Append("</td><td>").Append(HtmlText.Encode(test)).Append("</td></tr>\n");

    private static double Level(DriftReport r) => r.IcpMatchRate?.SignificanceLevel ?? 0.05;

    private static string Test(double pValue, double level)
    {
        if (!double.IsFinite(pValue))
        {
            return "no test: too few scored connections";
        }

        var p = pValue < 0.001 ? "p < 0.001" : "p = " + pValue.ToString("0.000", CultureInfo.InvariantCulture);
        var at = string.Create(CultureInfo.InvariantCulture, $"{level * 100:0.#}%");
        return pValue < level ? $"{p}: significant at {at}" : $"{p}: not significant at {at}";
    }

    private static void Why(StringBuilder sb, DriftReport r)
    {
        var total = r.Attribution?.Total ?? r.IcpMatchRate?.Delta ?? 0;
        sb.Append("<section id=\"why\">\n<h2>Why: network or model</h2>\n<p>");
        if (!r.ModelChanged)
        {
            sb.Append(HtmlText.Encode($"The model did not change ({r.ModelVersion} in both months): the whole change, {ReportFormat.Points(total * 100)}, is the network's."))
                .Append("</p>\n</section>\n");
            return;
        }

        var was = r.PreviousModelVersion ?? "an earlier model";
        if (r.Attribution is not { } a)
        {
            sb.Append(HtmlText.Encode($"The model changed from {was} to {r.ModelVersion}, but the change could not be split between the network and the model."))
                .Append("</p>\n</section>\n");
            return;
        }

        var rescored = a.PreviousRescoredRate is { } rate
            ? $" Re-scored with {r.ModelVersion}, {r.PreviousMonth} matches at {ReportFormat.Percent(rate)}."
            : string.Empty;
        sb.Append(HtmlText.Encode($"The model changed from {was} to {r.ModelVersion}.{rescored} The change of {ReportFormat.Points(a.Total * 100)} splits into:"))
            .Append("</p>\n<table id=\"attribution\">\n<thead><tr><th>Cause</th><th class=\"num\">Change</th></tr></thead>\n<tbody>\n");
        Cause(sb, "Network changed (both months scored by " + r.ModelVersion + ")", a.Network);
        Cause(sb, $"Model changed ({was} → {r.ModelVersion})", a.Model);
        Cause(sb, "Total", a.Total);
        sb.Append("</tbody>\n</table>\n<p class=\"note\">The two parts add up to the total (each is rounded here).</p>\n</section>\n");
    }

    private static void Cause(StringBuilder sb, string name, double change) =>
        sb.Append("<tr><td>").Append(HtmlText.Encode(name)).Append("</td><td class=\"num\">").Append(ReportFormat.Points(change * 100)).Append("</td></tr>\n");

    private static void NetworkSection(StringBuilder sb, DriftReport r)
    {
        if (r.Network is not { } n)
        {
            return;
        }

        sb.Append("<section id=\"network\">\n<h2>Network movement</h2>\n<table id=\"movement\">\n<thead><tr><th></th><th class=\"num\">Connections</th>")
            .Append("<th class=\"num\">Into the ICP</th><th class=\"num\">Out of the ICP</th><th class=\"num\">Pool change</th></tr></thead>\n<tbody>\n");
        Movement(sb, "Added", n.Added, n.AddedIntoIcp, null);
        Movement(sb, "Removed", n.Removed, null, n.RemovedFromIcp);
        Movement(sb, "Changed (same person, new title or company)", n.Changed, n.ChangedIntoIcp, n.ChangedOutOfIcp);
        Movement(sb, "Same title and company", n.Unchanged, n.RescoredIntoIcp, n.RescoredOutOfIcp);
        var pool = r.Pool?.Delta ?? n.PoolChange;
        sb.Append("<tr class=\"total\"><th>Pool change</th><td></td><td></td><td></td><td class=\"num\"><strong>").Append(ReportFormat.Change(pool)).Append("</strong></td></tr>\n")
            .Append("</tbody>\n</table>\n<p class=\"note\">Into the ICP: added connections that match, and changed ones that match now but did not before. ")
            .Append("Out of the ICP: removed connections that matched, and changed ones that matched before but no longer do. ")
            .Append("A connection whose title and company stayed moves in or out only when the model, or its industry or company size, changed. ")
            .Append("The pool changes column adds up to the pool&#39;s change.</p>\n</section>\n");
    }

    private static void Movement(StringBuilder sb, string name, long count, long? into, long? outOf) =>
        sb.Append("<tr><td>").Append(HtmlText.Encode(name)).Append("</td><td class=\"num\">").Append(ReportFormat.Count(count))
            .Append("</td><td class=\"num\">").Append(into is { } i ? ReportFormat.Count(i) : "—").Append("</td><td class=\"num\">").Append(outOf is { } o ? ReportFormat.Count(o) : "—")
            .Append("</td><td class=\"num\">").Append(ReportFormat.Change((into ?? 0) - (outOf ?? 0))).Append("</td></tr>\n");

    private static void Scores(StringBuilder sb, DriftReport r, string previous)
    {
        sb.Append("<section id=\"scores\">\n<h2>Score distribution</h2>\n<p id=\"score-mix\"><strong>");
        sb.Append(HtmlText.Encode(r.ScorePsi is { } psi ? DriftStatistics.Describe("Score mix", psi) : "Score mix: n/a")).Append("</strong> ").Append(Band(r.ScorePsiBand))
            .Append(" <span class=\"note\">(population stability index, PSI: ").Append(r.ScorePsi is { } value ? Statistic(value) : "n/a").Append(")</span></p>\n")
            .Append("<p class=\"note\">How much the share of connections at each score moved since last month: whether the network, or the model, now puts more people high or low.</p>\n");
        if (r.Histograms is { } h)
        {
            sb.Append(Charts.OverlaidHistogram("chart-scores", "Score distribution, share of scored connections",
                new ChartSeries(previous, Shares(h.Previous)), new ChartSeries(r.Month, Shares(h.Current)), "% of scored connections")).Append('\n');
        }

        sb.Append("<p class=\"note\">PSI bands: below 0.1 stable, 0.1–0.25 moderate, above 0.25 major. ")
            .Append("The chart shows each month&#39;s share of scored connections in 20 bands of 0.05.</p>\n</section>\n");
    }

    private static void FeaturesSection(StringBuilder sb, DriftReport r, string previous)
    {
        var keys = FeatureOrder.Where(r.Features.ContainsKey)
            .Concat(r.Features.Keys.Where(k => !FeatureOrder.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal)).ToList();
        sb.Append("<section id=\"features\">\n<h2>Feature drift</h2>\n");
        if (keys.Count == 0)
        {
            sb.Append("<p class=\"note\">No data.</p>\n</section>\n");
            return;
        }

        sb.Append("<table id=\"feature-drift\">\n<thead><tr><th>Feature</th><th>In words</th><th class=\"num\">PSI</th><th>Band</th><th class=\"num\">Jensen–Shannon</th>")
            .Append("<th>New categories (share now)</th><th>Gone categories (share then)</th></tr></thead>\n<tbody>\n");
        foreach (var key in keys)
        {
            var f = r.Features[key];
            sb.Append("<tr><td>").Append(HtmlText.Encode(FeatureName(key))).Append("</td><td>").Append(HtmlText.Encode(DriftStatistics.Describe("mix", f.Psi)))
                .Append("</td><td class=\"num\">").Append(Statistic(f.Psi))
                .Append("</td><td>").Append(Band(f.Band)).Append("</td><td class=\"num\">").Append(Statistic(f.Js)).Append("</td><td>")
                .Append(Categories(f.NewCategories)).Append("</td><td>").Append(Categories(f.GoneCategories)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">How much each mix of connections moved since last month, by two measures over the categories of either month: ")
            .Append("the population stability index (PSI: below 0.1 the mix held, 0.1 to 0.25 it shifted somewhat, above 0.25 a lot) and the Jensen–Shannon divergence ")
            .Append("(0 for the same mix, 1 for mixes with nothing in common). ")
            .Append("A category seen in only one month is listed by name rather than counted as an infinite shift.</p>\n");

        var shifts = keys.SelectMany(k => r.Features[k].LargestShifts.Select(s => (Feature: FeatureName(k), Shift: s)))
            .OrderByDescending(x => Math.Abs(x.Shift.CurrentShare - x.Shift.PreviousShare))
            .ThenBy(x => x.Feature, StringComparer.Ordinal).ThenBy(x => x.Shift.Name, StringComparer.Ordinal)
            .Take(LargestShiftsShown).ToList();
        if (shifts.Count > 0)
        {
            sb.Append("<h3>Largest category shifts</h3>\n")
                .Append(Charts.PairedBars("chart-shifts", "Largest category shifts, share of connections",
                    [.. shifts.Select(x => $"{x.Feature}: {x.Shift.Name}")],
                    new ChartSeries(previous, [.. shifts.Select(x => x.Shift.PreviousShare * 100)]),
                    new ChartSeries(r.Month, [.. shifts.Select(x => x.Shift.CurrentShare * 100)]), "% of connections")).Append('\n')
                .Append("<table id=\"category-shifts\">\n<thead><tr><th>Feature</th><th>Category</th><th class=\"num\">").Append(HtmlText.Encode(previous))
                .Append("</th><th class=\"num\">").Append(HtmlText.Encode(r.Month)).Append("</th><th class=\"num\">Change</th></tr></thead>\n<tbody>\n");
            foreach (var (feature, s) in shifts)
            {
                sb.Append("<tr><td>").Append(HtmlText.Encode(feature)).Append("</td><td><bdi>").Append(HtmlText.Encode(s.Name)).Append("</bdi></td><td class=\"num\">")
                    .Append(ReportFormat.Percent(s.PreviousShare)).Append("</td><td class=\"num\">").Append(ReportFormat.Percent(s.CurrentShare))
                    .Append("</td><td class=\"num\">").Append(ReportFormat.Points((s.CurrentShare - s.PreviousShare) * 100)).Append("</td></tr>\n");
            }

            sb.Append("</tbody>\n</table>\n");
        }

        sb.Append("</section>\n");
    }

    private static void DataQualitySection(StringBuilder sb, DriftReport r, string previous)
    {
        if (r.DataQuality is not { } q)
        {
            return;
        }

        sb.Append("<section id=\"data-quality\">\n<h2>Data quality</h2>\n<table>\n<thead><tr><th></th><th class=\"num\">").Append(HtmlText.Encode(previous))
            .Append("</th><th class=\"num\">").Append(HtmlText.Encode(r.Month)).Append("</th><th class=\"num\">Change</th></tr></thead>\n<tbody>\n");
        Quality(sb, "Without a title", ReportFormat.Percent(q.PreviousWithoutTitle), ReportFormat.Percent(q.CurrentWithoutTitle),
            ReportFormat.Points((q.CurrentWithoutTitle - q.PreviousWithoutTitle) * 100));
        Quality(sb, "Without firmographics (industry or company size)", ReportFormat.Percent(q.PreviousWithoutFirmographics), ReportFormat.Percent(q.CurrentWithoutFirmographics),
            ReportFormat.Points((q.CurrentWithoutFirmographics - q.PreviousWithoutFirmographics) * 100));
        Quality(sb, "Rejected rows", $"{ReportFormat.Count(q.PreviousRejected)} ({ReportFormat.Percent(q.PreviousRejectedShare)})",
            $"{ReportFormat.Count(q.CurrentRejected)} ({ReportFormat.Percent(q.CurrentRejectedShare)})", ReportFormat.Change(q.CurrentRejected - q.PreviousRejected));
        sb.Append("</tbody>\n</table>\n<p class=\"note\">Shares of connections; rejected rows as a share of the file&#39;s rows, listed in each month&#39;s rejects.csv.</p>\n</section>\n");
    }

    private static void Quality(StringBuilder sb, string name, string before, string now, string change) =>
        sb.Append("<tr><td>").Append(HtmlText.Encode(name)).Append("</td><td class=\"num\">").Append(HtmlText.Encode(before)).Append("</td><td class=\"num\">")
            .Append(HtmlText.Encode(now)).Append("</td><td class=\"num\">").Append(HtmlText.Encode(change)).Append("</td></tr>\n");

    private static void TrendSection(StringBuilder sb, DriftReport r, bool chart)
    {
        sb.Append("<section id=\"trend\">\n<h2>Trend</h2>\n");
        if (r.Trend.Count == 0)
        {
            sb.Append("<p class=\"note\">No months yet.</p>\n</section>\n");
            return;
        }

        // One point is not a line: the chart waits for a second month.
        if (chart && r.Trend.Count > 1)
        {
            sb.Append(Charts.LabelledLines("chart-trend", "ICP match rate by month", "ICP match rate (%)", [.. r.Trend.Select(t => t.Month)],
                [new ChartSeries("ICP match rate", [.. r.Trend.Select(t => t.IcpMatchRate * 100)])])).Append('\n');
        }

        sb.Append("<table id=\"trend-months\">\n<thead><tr><th>Month</th><th class=\"num\">ICP match rate</th><th class=\"num\">Addressable pool</th>")
            .Append("<th class=\"num\">Connections</th><th>Model</th></tr></thead>\n<tbody>\n");
        foreach (var t in r.Trend)
        {
            sb.Append("<tr><td>").Append(HtmlText.Encode(t.Month)).Append("</td><td class=\"num\">").Append(ReportFormat.Percent(t.IcpMatchRate))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Count(t.AddressablePool)).Append("</td><td class=\"num\">").Append(ReportFormat.Count(t.Connections))
                .Append("</td><td>").Append(HtmlText.Encode(t.ModelVersion)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Footer(StringBuilder sb, DriftReport r) =>
        HtmlPage.End(sb, $"IcpScoring · {r.Account} · {r.Month} · model {r.ModelVersion}");

    private static string Categories(IReadOnlyList<CategoryShare> categories) =>
        categories.Count == 0
            ? "none"
            : string.Join(", ", categories.Select(c => $"<bdi>{HtmlText.Encode(c.Name)}</bdi> ({ReportFormat.Percent(c.Share)})"));

    private static string Band(string? band)
    {
        var style = band switch
        {
            "stable" => " style=\"background: #ecfdf5; color: var(--good)\"",
            "moderate" => " style=\"background: #fffbeb; color: var(--warn)\"",
            "major" => " style=\"background: #fef2f2; color: var(--bad)\"",
            _ => string.Empty,
        };
        return $"<span class=\"badge\"{style}>{HtmlText.Encode(band ?? "n/a")}</span>";
    }

    private static string Statistic(double value) =>
        double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string FeatureName(string key) => key switch
    {
        "industry" => "Industry",
        "companySize" => "Company size",
        "seniority" => "Seniority",
        "function" => "Function",
        _ => key,
    };

    private static double[] Shares(long[] counts)
    {
        var total = counts.Sum();
        return [.. counts.Select(n => total == 0 ? 0 : 100.0 * n / total)];
    }
}
