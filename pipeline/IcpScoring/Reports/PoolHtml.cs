using System.Globalization;
using System.Text;
using IcpScoring.Model;

namespace IcpScoring.Reports;

/// <summary>
/// <c>pool.html</c>: the addressable-pool report for people. Headline numbers first, then whom to
/// contact first, the companies with a buying committee, whom to enrich, the leads outside the network, tiers, segments, scores, the
/// growth projection, assumptions and where the numbers came from. One self-contained page (its only
/// links go to the CSVs beside it and to LinkedIn profiles); everything from the data is escaped.
/// </summary>
internal static class PoolHtml
{
    private const int LargestSegmentsCharted = 10;

    // The reasons column needs room, and a signed weight never breaks across lines.
    private const string PageStyle = "<style>\ntd.why { min-width: 20em; }\n.pts { white-space: nowrap; font-variant-numeric: tabular-nums; }\n</style>\n";

    public static string Render(PoolReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = HtmlPage.Begin($"ICP pool · {r.Account} · {r.Month}", PageStyle);
        Header(sb, r);
        Headline(sb, r);
        Change(sb);
        ContactFirstSection(sb, r);
        CompaniesSection(sb, r);
        NeedsEnrichmentSection(sb, r);
        InMailSection(sb, r);

        Tiers(sb, r);
        SegmentsSection(sb, r);
        Scores(sb, r);
        ProjectionSection(sb, r);
        AssumptionsSection(sb, r);
        SourceSection(sb, r);
        return HtmlPage.End(sb, $"IcpScoring · {r.Account} · {r.Month} · {ProfileAndModel(r)}");
    }

    public static void Write(string path, PoolReport r) => AtomicFiles.WriteAllText(path, Render(r));

    private static void Header(StringBuilder sb, PoolReport r) =>
        sb.Append(ReportNav.Pool()).Append("<header>\n<p class=\"eyebrow\">Addressable-pool report</p>\n")
            .Append("<h1><bdi>").Append(HtmlText.Encode(r.Account)).Append("</bdi></h1>\n")
            .Append("<p class=\"sub\">").Append(HtmlText.Encode(r.Month)).Append(" · ").Append(HtmlText.Encode(ProfileAndModel(r)))
            .Append(" · ").Append(HtmlText.Encode(Path.GetFileName(r.Source.File))).Append("</p>\n")
            .Append("<p class=\"sub\" id=\"icp\">").Append(HtmlText.Encode(IcpSentence(r))).Append("</p>\n</header>\n");

    private static string ProfileAndModel(PoolReport r) =>
        r.Profile.Length == 0 ? $"model {r.ModelVersion}" : $"ICP profile {r.Profile} · model {r.ModelVersion}";

    // Whose ICP the numbers are about, and what the model learnt it from.
    private static string IcpSentence(PoolReport r)
    {
        var icp = r.ProfileDescription is { } d ? $"Scored against the ICP profile {r.Profile}: {d}." : $"Scored against the ICP profile {r.Profile} (labeled prospects, no stated criteria).";
        return r.ModelOrigin.Length == 0 ? icp : $"{icp} Model {r.ModelVersion}, {r.ModelOrigin}.";
    }

    private static void Headline(StringBuilder sb, PoolReport r)
    {
        sb.Append("<section id=\"headline\">\n<h2>Headline</h2>\n<div class=\"cards\">\n");
        Card(sb, "ICP match rate", ReportFormat.Percent(r.IcpMatchRate),
            $"95% interval {ReportFormat.Interval(r.IcpMatchRateCi95)} · {ReportFormat.Count(r.IcpMatched)} of {ReportFormat.Count(r.Scored)} scored connections");
        Card(sb, "Addressable pool", ReportFormat.Count(r.AddressablePool), "ICP-matched 1st-degree connections: they can be messaged without InMail");
        Card(sb, "Expected conversations", $"{ReportFormat.People(r.ExpectedConversations.Warm)} warm · {ReportFormat.People(r.ExpectedConversations.Cold)} cold",
            r.AddressablePool > 0
                ? $"messaging the whole pool once, at {ReportFormat.Rate(r.ExpectedConversations.Warm / r.AddressablePool)} (warm) or {ReportFormat.Rate(r.ExpectedConversations.Cold / r.AddressablePool)} (cold) reply rates"
                : "no one to message yet");

        var badge = r.Badge500 ? " <span class=\"badge\">500+</span>" : string.Empty;
        sb.Append("<div class=\"card\" id=\"connections\"><div class=\"label\">Connections</div><div class=\"value\">")
            .Append(ReportFormat.Count(r.Connections)).Append(badge).Append("</div><div class=\"detail\">")
            .Append(HtmlText.Encode($"{ReportFormat.Count(r.Hidden)} hidden profiles · {ReportFormat.Count(r.Scored)} scored · "
                + (r.Badge500 ? "the profile shows \"500+\"" : "the profile does not show \"500+\" yet")))
            .Append("</div></div>\n");

        sb.Append("<div class=\"card\" id=\"pool-depth\"><div class=\"label\">Pool depth</div><div class=\"value\"><span class=\"badge depth-")
            .Append(HtmlText.Encode(r.PoolDepth)).Append("\">").Append(HtmlText.Encode(ReportFormat.PoolDepth(r.PoolDepth))).Append("</span></div><div class=\"detail\">")
            .Append(HtmlText.Encode("Below 100–200 ICP-relevant connections is too shallow for campaigns (the article's guidance)."))
            .Append("</div></div>\n</div>\n");
        sb.Append("<p class=\"note\">").Append(HtmlText.Encode(
            $"{ReportFormat.Count(r.ScoredWithoutFirmographics)} of the scored connections had no industry or company size; the model scored them on what was known."))
            .Append("</p>\n<p class=\"note\" id=\"degree\">").Append(HtmlText.Encode(DegreeSentence(r))).Append("</p>\n</section>\n");
    }

    // Which rows count as the account's connections, and what was assumed where the file does not say.
    private static string DegreeSentence(PoolReport r)
    {
        var leads = r.InMailPool.Leads > 0
            ? $" {ReportFormat.Count(r.InMailPool.Leads)} leads outside the network (2nd-, 3rd-degree or out of network) are counted apart, under InMail and connection requests."
            : "";
        return r.Degree.Source switch
        {
            DegreeSource.LinkedInExport => "LinkedIn's own export lists 1st-degree connections only: every row is a connection.",
            DegreeSource.FromColumn => $"Connection degree from the file's {r.Degree.Column} column: only 1st-degree connections are counted above.{leads}"
                + (r.Degree.ConnectionsWithoutDegree > 0 ? $" {ReportFormat.Count(r.Degree.ConnectionsWithoutDegree)} rows had no degree and are counted as 1st-degree connections." : ""),
            _ => "This file has no connection degree; every row is counted as a 1st-degree connection.",
        };
    }

    private static void ContactFirstSection(StringBuilder sb, PoolReport r)
    {
        sb.Append("<section id=\"contact-first\">\n<h2>Contact first</h2>\n");
        if (r.ContactFirst.Count == 0)
        {
            sb.Append("<p>No connection matches the ICP this month: there is no one to contact yet.</p>\n</section>\n");
            return;
        }

        var news = r.NewThisMonth.PreviousMonth is { } previous
            ? $" {ReportFormat.Count(r.NewThisMonth.Targets)} of the {ReportFormat.Count(r.AddressablePool)} {(r.NewThisMonth.Targets == 1 ? "was not a connection" : "were not connections")} in {previous} (marked new; all of them in new-targets.csv)."
            : " This is the account's first month here: every target is new.";
        var which = r.ContactFirst.Count < r.AddressablePool
            ? $"The {ReportFormat.Count(r.ContactFirst.Count)} best of the {ReportFormat.Count(r.AddressablePool)} targets"
            : r.ContactFirst.Count == 1 ? "The one target" : $"All {ReportFormat.Count(r.ContactFirst.Count)} targets";
        sb.Append("<p>").Append(HtmlText.Encode($"{which}, best score first, with what raised and lowered each score (points of score each part adds or takes away).{news}"))
            .Append(" Every target: <a href=\"targets.csv\">targets.csv</a>; the new ones: <a href=\"new-targets.csv\">new-targets.csv</a>.</p>\n")
            .Append("<table id=\"contact-first-list\">\n<thead><tr><th>Name</th><th>Title</th><th>Company</th><th>Tier</th><th class=\"num\">Score</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var c in r.ContactFirst)
        {
            sb.Append("<tr><td>").Append(PersonLink(c.Name, c.ProfileUrl));
            if (c.NewThisMonth)
            {
                sb.Append(" <span class=\"badge\">new</span>");
            }

            sb.Append("</td><td><bdi>").Append(HtmlText.Encode(c.Title)).Append("</bdi></td><td><bdi>").Append(HtmlText.Encode(c.Company))
                .Append("</bdi></td><td>").Append(HtmlText.Encode(c.Tier)).Append("</td><td class=\"num\">").Append(ReportFormat.Score(c.Score))
                .Append("</td><td class=\"why\">").Append(Reasons(c.Reasons)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void CompaniesSection(StringBuilder sb, PoolReport r)
    {
        var c = r.Companies;
        if (c.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"companies\">\n<h2>Companies with a buying committee</h2>\n<p>").Append(HtmlText.Encode(
            $"{ReportFormat.Count(c.Count)} companies have two or more ICP connections: reach several of them at once (account-based, multi-threaded outreach)."
            + (c.Listed.Count < c.Count ? $" The {ReportFormat.Count(c.Listed.Count)} with the most:" : "")))
            .Append(" Every one: <a href=\"companies.csv\">companies.csv</a>.</p>\n")
            .Append("<table id=\"companies-list\">\n<thead><tr><th>Company</th><th class=\"num\">ICP connections</th><th>People, best score first</th><th class=\"num\">Best score</th></tr></thead>\n<tbody>\n");
        foreach (var company in c.Listed)
        {
            sb.Append("<tr><td><bdi>").Append(HtmlText.Encode(company.Company)).Append("</bdi></td><td class=\"num\">").Append(ReportFormat.Count(company.IcpConnections))
                .Append("</td><td>").Append(string.Join("<br>", company.People.Select(p => $"{PersonLink(p.Name, p.ProfileUrl)} · <bdi>{HtmlText.Encode(p.Title)}</bdi>")))
                .Append(company.IcpConnections > company.People.Count ? $"<br><span class=\"note\">and {ReportFormat.Count(company.IcpConnections - company.People.Count)} more in companies.csv</span>" : "")
                .Append("</td><td class=\"num\">").Append(ReportFormat.Score(company.BestScore)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">Companies are grouped on their name without case, accents, punctuation or legal form (\"Acme, Inc.\" and \"ACME\" are one).</p>\n</section>\n");
    }

    private static void NeedsEnrichmentSection(StringBuilder sb, PoolReport r)
    {
        var n = r.NeedsEnrichment;
        if (n.Count == 0)
        {
            return;
        }

        var best = string.Join(" and ", new[] { n.BestIndustry is { } i ? $"the industry {i}" : null, n.BestCompanySize is { } s ? $"the company size {s}" : null }.OfType<string>());
        sb.Append("<section id=\"needs-enrichment\">\n<h2>Needs enrichment</h2>\n<p>").Append(HtmlText.Encode(
            $"{ReportFormat.Count(n.Count)} connections do not match the ICP now, but their industry or company size is unknown, and they would match if it were the value that raises this ICP's score most ({best}, measured with the model). Finding out their industry and company size decides whether they are targets."
            + (n.Listed.Count < n.Count ? $" The {ReportFormat.Count(n.Listed.Count)} closest to a match:" : "")))
            .Append("</p>\n<table id=\"needs-enrichment-list\">\n<thead><tr><th>Name</th><th>Title</th><th>Company</th><th>Unknown</th><th class=\"num\">Score now</th><th class=\"num\">If enriched</th></tr></thead>\n<tbody>\n");
        foreach (var e in n.Listed)
        {
            sb.Append("<tr><td>").Append(PersonLink(e.Name, e.ProfileUrl)).Append("</td><td><bdi>").Append(HtmlText.Encode(e.Title)).Append("</bdi></td><td><bdi>")
                .Append(HtmlText.Encode(e.Company)).Append("</bdi></td><td title=\"").Append(HtmlText.Encode(e.Why)).Append("\">").Append(HtmlText.Encode(string.Join(" and ", e.Unknown)))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Score(e.Score)).Append("</td><td class=\"num\">").Append(ReportFormat.Score(e.ScoreIfEnriched)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">").Append(HtmlText.Encode(
            $"A connection is listed when it scores below the threshold ({ReportFormat.Score(r.Threshold)}) now, its industry or company size is unknown, and it scores at or above the threshold with the unknown part set to the best value. pool.json gives each one's reason in words."))
            .Append("</p>\n</section>\n");
    }

    // A name, linked to the person's LinkedIn profile when the export gave one (only LinkedIn's own addresses become links).
    private static string PersonLink(string name, string profileUrl)
    {
        var text = "<bdi>" + HtmlText.Encode(name.Length > 0 ? name : "(no name)") + "</bdi>";
        return Uri.TryCreate(profileUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host == "www.linkedin.com"
            ? $"<a href=\"{HtmlText.Encode(uri.AbsoluteUri)}\" rel=\"noopener noreferrer\">{text}</a>"
            : text;
    }

    // What raised and lowered the score, each on its own line, signed and coloured.
    private static string Reasons(IReadOnlyList<ScoreReason> reasons) =>
        string.Join("<br>", reasons.Select(x => $"<span class=\"pts {(x.Points >= 0 ? "up" : "down")}\">{HtmlText.Encode(ScoreReason.Signed(x.Points))} pts</span> {HtmlText.Encode(x.Text)}"));

    private static void InMailSection(StringBuilder sb, PoolReport r)
    {
        var m = r.InMailPool;
        if (m.Leads == 0)
        {
            return;
        }

        sb.Append("<section id=\"inmail-pool\">\n<h2>InMail and connection requests: leads outside the network</h2>\n<p>").Append(HtmlText.Encode(
            $"{ReportFormat.Count(m.Leads)} people in this file are not 1st-degree connections of the account: they cannot be messaged without InMail or an accepted connection request, so they are not in the addressable pool. {ReportFormat.Count(m.IcpMatched)} of them match the ICP."))
            .Append("</p>\n<div class=\"cards\">\n");
        var low = m.IcpMatched == 0 ? 0 : m.ExpectedInMailReplies.Low / m.IcpMatched;
        var high = m.IcpMatched == 0 ? 0 : m.ExpectedInMailReplies.High / m.IcpMatched;
        Card(sb, "ICP leads outside the network", ReportFormat.Count(m.IcpMatched), $"of {ReportFormat.Count(m.Leads)} leads (2nd-, 3rd-degree or out of network)");
        Card(sb, "Expected InMail replies", $"{ReportFormat.Amount(m.ExpectedInMailReplies.Low)}–{ReportFormat.Amount(m.ExpectedInMailReplies.High)}",
            $"one InMail to each ICP lead, at {ReportFormat.Rate(low)}–{ReportFormat.Rate(high)} InMail reply rates");
        Card(sb, "Accepted connection requests", ReportFormat.Amount(m.ExpectedAcceptedRequests),
            m.IcpMatched > 0
                ? $"a personalized request to each ICP lead, at {ReportFormat.Rate(m.ExpectedAcceptedRequests / m.IcpMatched)} acceptance; they then join the pool"
                : "no ICP lead to invite");
        sb.Append("</div>\n<table id=\"inmail-degrees\">\n<thead><tr><th>Degree</th><th class=\"num\">Leads</th><th class=\"num\">ICP-matched</th><th class=\"num\">Match rate</th></tr></thead>\n<tbody>\n");
        foreach (var d in m.ByDegree)
        {
            sb.Append("<tr><td>").Append(HtmlText.Encode(d.Degree)).Append("</td><td class=\"num\">").Append(ReportFormat.Count(d.Leads))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Count(d.IcpMatched)).Append("</td><td class=\"num\">")
                .Append(d.Leads == 0 ? "–" : ReportFormat.Percent((double)d.IcpMatched / d.Leads)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    // The pool report stands for its own month only, so it reads the same whatever order months arrive in; the drift report beside it compares.
    private static void Change(StringBuilder sb) =>
        sb.Append("<section id=\"change\">\n<h2>Change since last month</h2>\n<p>The <a href=\"drift.html\">drift report</a> beside this one compares this month with the account's previous month: what changed in the match rate and the pool, and why (the network or the model).</p>\n</section>\n");

    private static void Tiers(StringBuilder sb, PoolReport r)
    {
        var names = r.Tiers.Keys.Order(StringComparer.Ordinal).ToList();
        var total = Math.Max(1, r.Tiers.Values.Sum());
        sb.Append("<section id=\"tiers\">\n<h2>Tiers</h2>\n<div class=\"grid2\">\n<table>\n<thead><tr><th>Tier</th><th class=\"num\">Connections</th><th class=\"num\">Share</th></tr></thead>\n<tbody>\n");
        foreach (var name in names)
        {
            sb.Append("<tr><td>").Append(HtmlText.Encode(name)).Append("</td><td class=\"num\">").Append(ReportFormat.Count(r.Tiers[name]))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Percent((double)r.Tiers[name] / total)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n")
            .Append(Charts.Bars("chart-tiers", "Connections by tier", [.. names.Select(n => "Tier " + n)], [.. names.Select(n => (double)r.Tiers[n])], "connections"))
            .Append("\n</div>\n</section>\n");
    }

    private static void SegmentsSection(StringBuilder sb, PoolReport r)
    {
        sb.Append("<section id=\"segments\">\n<h2>Segments</h2>\n");
        var largest = r.Segments.Industry.OrderByDescending(s => s.Connections).ThenBy(s => s.Name, StringComparer.Ordinal).Take(LargestSegmentsCharted).ToList();
        if (largest.Count > 0)
        {
            sb.Append(Charts.SegmentBars("chart-industries", "Largest industries", [.. largest.Select(s => s.Name)],
                [.. largest.Select(s => (double)s.Connections)], [.. largest.Select(s => (double)s.IcpMatched)])).Append('\n');
        }

        sb.Append("<div class=\"grid2\">\n");
        SegmentTable(sb, "segment-industry", "Industry", r.Segments.Industry);
        SegmentTable(sb, "segment-company-size", "Company size", r.Segments.CompanySize);
        SegmentTable(sb, "segment-seniority", "Seniority", r.Segments.Seniority);
        SegmentTable(sb, "segment-function", "Function", r.Segments.Function);
        sb.Append("</div>\n</section>\n");
    }

    private static void SegmentTable(StringBuilder sb, string id, string title, IReadOnlyList<Segment> segments)
    {
        sb.Append("<div id=\"").Append(id).Append("\">\n<h3>").Append(title).Append("</h3>\n");
        if (segments.Count == 0)
        {
            sb.Append("<p class=\"note\">No data.</p>\n</div>\n");
            return;
        }

        sb.Append("<table>\n<thead><tr><th>").Append(title).Append("</th><th class=\"num\">Connections</th><th class=\"num\">ICP-matched</th><th class=\"num\">Match rate</th></tr></thead>\n<tbody>\n");
        foreach (var s in segments)
        {
            sb.Append("<tr><td><bdi>").Append(HtmlText.Encode(s.Name)).Append("</bdi></td><td class=\"num\">").Append(ReportFormat.Count(s.Connections))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Count(s.IcpMatched)).Append("</td><td class=\"num\">")
                .Append(ReportFormat.Percent(s.IcpMatchRate)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void Scores(StringBuilder sb, PoolReport r)
    {
        sb.Append("<section id=\"scores\">\n<h2>Scores</h2>\n")
            .Append(Charts.Histogram("chart-scores", "Score distribution of the scored connections", r.ScoreHistogram, r.Threshold)).Append('\n')
            .Append("<p class=\"note\">").Append(HtmlText.Encode(
                $"{r.ScoreHistogram.Length} bands of {ReportFormat.Score(1.0 / Math.Max(1, r.ScoreHistogram.Length))}. A connection matches the ICP at a score of {ReportFormat.Score(r.Threshold)} or more (the model's threshold)."))
            .Append("</p>\n</section>\n");
    }

    private static void ProjectionSection(StringBuilder sb, PoolReport r)
    {
        var p = r.Projection;
        sb.Append("<section id=\"projection\">\n<h2>Growth projection</h2>\n<p>").Append(HtmlText.Encode(
            $"If the network keeps growing by connection requests over the next {p.Months} months: generic and average requests reach people like the network, so {ReportFormat.Percent(p.IcpShareOfNewConnections)} of their new connections match the ICP (today's match rate); targeted requests go to ICP people, so most of theirs do (the share each scenario assumes is in the table)."))
            .Append("</p>\n<table id=\"projection-scenarios\">\n<thead><tr><th>Request limit</th><th class=\"num\">Requests a week</th><th>Acceptance</th>")
            .Append("<th class=\"num\">New connections a week</th><th class=\"num\">New connections a month</th><th class=\"num\">ICP share assumed</th><th class=\"num\">New ICP connections a month</th></tr></thead>\n<tbody>\n");
        foreach (var s in p.Scenarios)
        {
            sb.Append("<tr><td>").Append(HtmlText.Encode(s.Limit)).Append("</td><td class=\"num\">").Append(ReportFormat.Count(s.WeeklyRequests))
                .Append("</td><td>").Append(HtmlText.Encode(s.Acceptance)).Append(" (").Append(ReportFormat.Rate(s.AcceptanceRate)).Append(")</td><td class=\"num\">")
                .Append(ReportFormat.People(s.NewConnectionsPerWeek)).Append("</td><td class=\"num\">").Append(ReportFormat.People(s.NewConnectionsPerMonth))
                .Append("</td><td class=\"num\">").Append(ReportFormat.Percent(s.IcpShareOfNewConnections))
                .Append("</td><td class=\"num\">").Append(ReportFormat.People(s.NewConnectionsPerMonth * s.IcpShareOfNewConnections)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<h3>Addressable pool month by month</h3>\n<table id=\"projection-months\">\n<thead><tr><th>Scenario</th><th class=\"num\">Now</th>");
        var months = p.Scenarios.SelectMany(s => s.ByMonth.Select(m => m.Month)).Distinct().Order().ToList();
        foreach (var m in months)
        {
            sb.Append("<th class=\"num\">Month ").Append(m.ToString(CultureInfo.InvariantCulture)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var s in p.Scenarios)
        {
            sb.Append("<tr><td>").Append(HtmlText.Encode(ScenarioName(s))).Append("</td><td class=\"num\">").Append(ReportFormat.Count(r.AddressablePool)).Append("</td>");
            foreach (var m in months)
            {
                var month = s.ByMonth.FirstOrDefault(x => x.Month == m);
                sb.Append("<td class=\"num\">");
                if (month is not null)
                {
                    sb.Append(ReportFormat.People(month.AddressablePool)).Append("<br><span class=\"note\">+").Append(ReportFormat.People(month.NewIcpConnections)).Append(" ICP</span>");
                }

                sb.Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">Each cell: the pool at the end of the month, and the new ICP connections made since now, in whole people (pool.json keeps the exact expectations).</p>\n");
        double[] x = [0, .. months.Select(m => (double)m)];
        var series = p.Scenarios.Select(s => new ChartSeries(ScenarioName(s),
            [r.AddressablePool, .. months.Select(m => s.ByMonth.FirstOrDefault(x => x.Month == m)?.AddressablePool ?? double.NaN)])).ToList();
        sb.Append(Charts.Lines("chart-projection", "Addressable pool by scenario", "months from now", "addressable pool", x, series)).Append("\n</section>\n");
    }

    private static void AssumptionsSection(StringBuilder sb, PoolReport r)
    {
        sb.Append("<section id=\"assumptions\">\n<h2>Assumptions</h2>\n<table>\n<thead><tr><th>Assumption</th><th>Value</th><th>Source</th></tr></thead>\n<tbody>\n");
        foreach (var a in r.Assumptions)
        {
            sb.Append("<tr><td>").Append(HtmlText.Encode(a.Name)).Append("</td><td>").Append(HtmlText.Encode(a.Value))
                .Append("</td><td>").Append(HtmlText.Encode(a.Source)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n<p class=\"note\">Set in appsettings.json, section Benchmarks.</p>\n</section>\n");
    }

    private static void SourceSection(StringBuilder sb, PoolReport r)
    {
        var s = r.Source;
        var directory = s.CompanyDirectoryUsed
            ? $"{ReportFormat.Count(s.FromCompanyDirectory)} of {ReportFormat.Count(r.Connections)} connections ({ReportFormat.Percent(r.Connections == 0 ? 0 : (double)s.FromCompanyDirectory / r.Connections)}) got their industry or company size from the company directory"
            : "not used";
        sb.Append("<section id=\"source\">\n<h2>Source</h2>\n<dl>\n");
        Item(sb, "File", s.File);
        Item(sb, "Format", s.Format);
        Item(sb, "SHA-256", s.Sha256);
        Item(sb, "Data rows", ReportFormat.Count(s.DataRows));
        Item(sb, "Connections", $"{ReportFormat.Count(r.Connections)} ({ReportFormat.Count(r.Hidden)} hidden profiles)");
        if (r.InMailPool.Leads > 0)
        {
            Item(sb, "Leads outside the network", $"{ReportFormat.Count(r.InMailPool.Leads)} (2nd-, 3rd-degree or out of network; not connections)");
        }

        Item(sb, "Duplicates", ReportFormat.Count(s.Duplicates));
        Item(sb, "Rejected rows", ReportFormat.Count(s.Rejected) + (s.Rejected > 0 ? " (listed in rejects.csv)" : string.Empty));
        Item(sb, "Company directory", directory);
        Item(sb, "Scored without firmographics", ReportFormat.Count(r.ScoredWithoutFirmographics));
        if (r.Profile.Length > 0)
        {
            Item(sb, "ICP profile", r.ProfileDescription is { } d ? $"{r.Profile}: {d}" : r.Profile);
        }

        Item(sb, "Model", $"{r.ModelVersion}, threshold {ReportFormat.Score(r.Threshold)}" + (r.ModelOrigin.Length > 0 ? $", {r.ModelOrigin}" : ""));
        Item(sb, "Month", $"{r.Month}: {MonthSource(r.MonthSource)}");
        sb.Append("</dl>\n</section>\n");
    }

    private static void Item(StringBuilder sb, string name, string value) =>
        sb.Append("<dt>").Append(HtmlText.Encode(name)).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd>\n");

    private static void Card(StringBuilder sb, string label, string value, string detail) =>
        sb.Append("<div class=\"card\"><div class=\"label\">").Append(HtmlText.Encode(label)).Append("</div><div class=\"value\">")
            .Append(HtmlText.Encode(value)).Append("</div><div class=\"detail\">").Append(HtmlText.Encode(detail)).Append("</div></div>\n");

    private static string MonthSource(string source) => source switch
    {
        "option" => "given on the command line",
        "inbox" => "from the file's place in the inbox",
        "inbox-read-as" => "from the file's place in the inbox, its name read as this month (it is not written YYYY-MM)",
        "data" => "no month was given: the month of the newest Connected On date",
        _ => source,
    };

    private static string ScenarioName(ProjectionScenario s) =>
        $"{s.Limit}, {ReportFormat.Count(s.WeeklyRequests)} a week, {s.Acceptance} {ReportFormat.Rate(s.AcceptanceRate)}";
}
