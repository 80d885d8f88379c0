using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Reports;
using IcpScoring.Storage;

namespace IcpScoring.Pipeline;

/// <summary>
/// Everything one account's report needs, gathered in one pass over its rows: its 1st-degree
/// connections (counts, segments, targets, snapshot rows) and, apart, the leads outside its network.
/// </summary>
internal sealed class AccountAccumulator(string account)
{
    // A company's best people on the page and in pool.json; companies.csv names them all.
    private const int PeopleListedPerCompany = 10;

    private static readonly ConnectionDegree[] OutsideDegrees = [ConnectionDegree.Second, ConnectionDegree.Third, ConnectionDegree.OutOfNetwork];

    private readonly Dictionary<string, (long N, long Matched)> _industry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long N, long Matched)> _size = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long N, long Matched)> _seniority = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long N, long Matched)> _function = new(StringComparer.Ordinal);

    public string Account { get; } = account;

    public long Connections { get; private set; }

    public long Hidden { get; private set; }

    public long Scored { get; private set; }

    public long WithoutFirmographics { get; private set; }

    public long Matched { get; private set; }

    public Dictionary<string, long> Tiers { get; } = new(StringComparer.Ordinal) { ["A"] = 0, ["B"] = 0, ["C"] = 0, ["D"] = 0 };

    public long[] Histogram { get; } = new long[20];

    public DateOnly? NewestConnectedOn { get; private set; }

    /// <summary>Connections that do not match but would, were their unknown industry or size the values that raise the score most.</summary>
    public List<(string Name, string Title, string Company, string ProfileUrl, string Industry, string CompanySize, float Score, Enrichment IfEnriched)> ToEnrich { get; } = [];

    /// <summary>Connections counted as 1st-degree because their row gave no degree.</summary>
    public long WithoutDegree { get; private set; }

    /// <summary>Leads outside the network by degree (2nd, 3rd, out of network): how many, and how many match.</summary>
    public Dictionary<ConnectionDegree, (long Leads, long Matched)> Leads { get; } = [];

    public List<TargetRow> Targets { get; } = [];

    /// <summary>Counts a hidden profile; returns its snapshot row.</summary>
    public SnapshotRow AddHidden(Connection c, string key)
    {
        Connections++;
        Hidden++;
        WithoutDegree += c.Degree == ConnectionDegree.Unknown ? 1 : 0;
        Seen(c);
        return new SnapshotRow(key, "", "", "", "", "", "", 0, "", false, true, false, c.ConnectedOn);
    }

    /// <summary>
    /// Counts a scored connection (a target when it matches); <paramref name="decidingEnrichment"/>,
    /// for a connection that does not match but would were its unknown parts the best values, lists
    /// it as one to enrich. Returns its snapshot row.
    /// </summary>
    public SnapshotRow Add(Connection c, string key, ModelInput input, float probability, bool match, string tier, IReadOnlyList<ScoreReason> reasons, Enrichment? decidingEnrichment = null)
    {
        Connections++;
        Scored++;
        WithoutDegree += c.Degree == ConnectionDegree.Unknown ? 1 : 0;
        Seen(c);
        WithoutFirmographics += c.HasFirmographics ? 0 : 1;
        Matched += match ? 1 : 0;
        Tiers[tier]++;
        Histogram[Math.Min(19, (int)(probability * 20))]++;
        Count(_industry, c.Industry?.Label ?? "(unknown)", match);
        Count(_size, c.CompanySize?.Label ?? "(unknown)", match);
        Count(_seniority, SegmentNames.Seniority(input.Seniority), match);
        Count(_function, SegmentNames.Function(input.Function), match);
        if (match)
        {
            Targets.Add(new TargetRow(c.Name, c.FirstName, c.LastName, c.Company, c.Title, c.ProfileUrl, c.Email, c.Industry?.Label ?? "", c.CompanySize?.Label ?? "",
                c.ConnectedOn, probability, tier, reasons, key));
        }
        else if (decidingEnrichment is not null)
        {
            ToEnrich.Add((c.Name, c.Title, c.Company, c.ProfileUrl, c.Industry?.Label ?? "", c.CompanySize?.Label ?? "", probability, decidingEnrichment));
        }

        return new SnapshotRow(key, c.Title, c.Company, c.Industry?.Label ?? "", c.CompanySize?.Label ?? "", input.Seniority, input.Function, probability, tier, match, false, c.HasFirmographics, c.ConnectedOn);
    }

    /// <summary>
    /// Marks each target new this month or not: new unless its connection key is in the account's
    /// previous month (<paramref name="previousKeys"/>, null when there is no earlier month: then every
    /// target is new).
    /// </summary>
    public void MarkNew(string? previousMonth, IReadOnlySet<string>? previousKeys)
    {
        PreviousMonth = previousMonth;
        for (var i = 0; i < Targets.Count; i++)
        {
            Targets[i] = Targets[i] with { NewThisMonth = previousKeys?.Contains(Targets[i].Key) != true };
        }
    }

    /// <summary>The account's month before this one in the database, which the targets were compared with; null for a first month.</summary>
    public string? PreviousMonth { get; private set; }

    /// <summary>Counts a lead outside the network (2nd, 3rd degree, out of network): apart from the connections, in no snapshot.</summary>
    public void AddLead(Connection c, bool match)
    {
        var (n, m) = Leads.GetValueOrDefault(c.Degree);
        Leads[c.Degree] = (n + 1, m + (match ? 1 : 0));
    }

    /// <summary>
    /// This account's pool report for a month, as the pipeline writes it. <paramref name="degreeColumn"/>
    /// names the file's connection-degree column (null without one); LinkedIn's own export needs none.
    /// </summary>
    public PoolReport Report(string month, string monthSource, IcpModel model, BenchmarksOptions b, ReportsOptions reports, ReportSource source, string? degreeColumn, bool linkedInExport)
    {
        var degree = new DegreeSource(
            degreeColumn is not null ? DegreeSource.FromColumn : linkedInExport ? DegreeSource.LinkedInExport : DegreeSource.Assumed,
            degreeColumn,
            degreeColumn is not null ? WithoutDegree : 0);
        var committees = BuyingCommittees();
        var byDegree = OutsideDegrees.Select(d => new DegreeCount(ConnectionDegrees.Label(d), Leads.GetValueOrDefault(d).Leads, Leads.GetValueOrDefault(d).Matched)).ToList();
        var rate = Scored == 0 ? 0 : Matched / (double)Scored;
        return new PoolReport
        {
            Account = Account,
            Month = month,
            MonthSource = monthSource,
            ModelVersion = model.Version,
            Threshold = model.Threshold,
            Connections = Connections,
            Hidden = Hidden,
            Scored = Scored,
            ScoredWithoutFirmographics = WithoutFirmographics,
            IcpMatched = Matched,
            IcpMatchRate = rate,
            IcpMatchRateCi95 = PoolArithmetic.Wilson95(Matched, Scored),
            AddressablePool = Matched,
            Tiers = Tiers,
            ExpectedConversations = PoolArithmetic.Expected(Matched, b),
            Badge500 = PoolArithmetic.Badge500(Connections, b),
            PoolDepth = PoolArithmetic.Depth(Matched, b),
            Projection = PoolArithmetic.Project(Matched, rate, b),
            Segments = Segments(),
            ScoreHistogram = Histogram,
            Companies = new BuyingCommittees(committees.Count, [.. committees.Take(reports.Companies).Select(c => c with { People = [.. c.People.Take(PeopleListedPerCompany)] })]),
            ContactFirst = [.. RankedTargets(reports.ContactFirst).Select(t => new Contact(t.Name, t.Title, t.Company, t.ProfileUrl, t.Score, t.Tier, t.Reasons, t.NewThisMonth))],
            NeedsEnrichment = NeedsEnrichment(reports.NeedsEnrichment, model.Threshold),
            NewThisMonth = new NewTargets(PreviousMonth, Targets.Count(t => t.NewThisMonth)),
            Degree = degree,
            InMailPool = PoolArithmetic.InMail(byDegree.Sum(d => d.Leads), byDegree.Sum(d => d.IcpMatched), byDegree, b),
            Assumptions = PoolArithmetic.Assumptions(b, degree),
            Source = source,
        };
    }

    /// <summary>
    /// The targets best first (ties by name, profile and company, so every run lists them alike), at
    /// most <paramref name="max"/> when it is positive; with <paramref name="onlyNew"/>, those new this month.
    /// </summary>
    public IEnumerable<TargetRow> RankedTargets(int max, bool onlyNew = false) => Targets
        .Where(t => !onlyNew || t.NewThisMonth)
        .OrderByDescending(t => t.Score)
        .ThenBy(t => t.Name, StringComparer.Ordinal)
        .ThenBy(t => t.ProfileUrl, StringComparer.Ordinal)
        .ThenBy(t => t.Company, StringComparer.Ordinal)
        .Take(max > 0 ? max : int.MaxValue);

    /// <summary>
    /// The companies with two or more ICP connections, grouped on the normalized company name and named
    /// by its most written spelling; the most people first, then the best score, then the name. A
    /// target without a company is in none.
    /// </summary>
    public List<BuyingCommittee> BuyingCommittees() =>
    [
        .. RankedTargets(0)
            .Select(t => (Key: CompanyNames.Key(t.Company), Target: t))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .Select(g => new BuyingCommittee(
                // The spelling most people's rows use; between equals, the best-scored person's (groups keep the ranking's order).
                g.GroupBy(x => x.Target.Company, StringComparer.Ordinal).OrderByDescending(s => s.Count()).First().Key,
                g.Count(),
                g.Max(x => x.Target.Score),
                [.. g.Select(x => new CommitteeMember(x.Target.Name, x.Target.Title, x.Target.ProfileUrl, x.Target.Score, x.Target.NewThisMonth))]))
            .OrderByDescending(c => c.IcpConnections)
            .ThenByDescending(c => c.BestScore)
            .ThenBy(c => c.Company, StringComparer.Ordinal),
    ];

    // The most promising first: the highest score if enriched, then by name and profile, so every run lists them alike.
    private NeedsEnrichment NeedsEnrichment(int max, double threshold)
    {
        var listed = ToEnrich
            .OrderByDescending(e => e.IfEnriched.Probability)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ThenBy(e => e.ProfileUrl, StringComparer.Ordinal)
            .Take(max)
            .Select(e =>
            {
                List<string> unknown = [.. e.IfEnriched.Industry is null ? [] : new[] { "industry" }, .. e.IfEnriched.CompanySize is null ? [] : new[] { "company size" }];
                var values = string.Join(", ", new[] { e.IfEnriched.Industry, e.IfEnriched.CompanySize }.OfType<string>());
                var why = $"{string.Join(" and ", unknown)} unknown: as {values} it would score {ReportFormat.Score(e.IfEnriched.Probability)}, a match at {ReportFormat.Score(threshold)} or more; it scores {ReportFormat.Score(e.Score)} now";
                return new EnrichmentCandidate(e.Name, e.Title, e.Company, e.ProfileUrl, e.Industry, e.CompanySize, unknown, e.Score, e.IfEnriched.Probability, why);
            })
            .ToList();
        return new NeedsEnrichment(
            ToEnrich.Count,
            ToEnrich.Select(e => e.IfEnriched.Industry).FirstOrDefault(i => i is not null),
            ToEnrich.Select(e => e.IfEnriched.CompanySize).FirstOrDefault(s => s is not null),
            listed);
    }

    public Segments Segments() => new(Sorted(_industry), SortedBySize(), Sorted(_seniority), Sorted(_function));

    private void Seen(Connection c)
    {
        if (c.ConnectedOn is { } d && (NewestConnectedOn is null || d > NewestConnectedOn))
        {
            NewestConnectedOn = d;
        }
    }

    private static void Count(Dictionary<string, (long N, long Matched)> into, string name, bool match)
    {
        var (n, m) = into.GetValueOrDefault(name);
        into[name] = (n + 1, m + (match ? 1 : 0));
    }

    // Largest first, then by name, so reports are the same on every run.
    private static List<Segment> Sorted(Dictionary<string, (long N, long Matched)> counts) =>
        [.. counts.OrderByDescending(kv => kv.Value.N).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(ToSegment)];

    // Sizes read best in bucket order.
    private List<Segment> SortedBySize() =>
        [.. _size.OrderBy(kv => CompanySizes.Parse(kv.Key)?.Ordinal ?? int.MaxValue).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(ToSegment)];

    private static Segment ToSegment(KeyValuePair<string, (long N, long Matched)> kv) =>
        new(kv.Key, kv.Value.N, kv.Value.Matched, kv.Value.N == 0 ? 0 : kv.Value.Matched / (double)kv.Value.N);
}
