using IcpScoring.Reports;

namespace IcpScoring.Tests.Reports;

/// <summary>
/// Report builders with realistic numbers: a Sales Navigator extract of an account with 1,240
/// 1st-degree connections, 150 of them in the ICP, and 530 leads outside its network, 75 in the ICP.
/// </summary>
internal static class SomeReports
{
    public static PoolReport PoolReport(string account = "Northwind Demand Gen", string month = "2026-05", string file = "Connections.csv",
        string industry = "Software Development")
    {
        const long connections = 1_240, hidden = 40, scored = 1_200, matched = 150;
        var b = new BenchmarksOptions();
        var rate = (double)matched / scored;
        return new PoolReport
        {
            Account = account,
            Month = month,
            MonthSource = "inbox",
            ModelVersion = "v3",
            Profile = "demand-gen",
            ProfileDescription = "Demand-generation leaders at B2B software companies",
            ModelOrigin = "from 2,400 labeled prospects",
            Threshold = 0.55,
            Connections = connections,
            Hidden = hidden,
            Scored = scored,
            ScoredWithoutFirmographics = 310,
            IcpMatched = matched,
            IcpMatchRate = rate,
            IcpMatchRateCi95 = PoolArithmetic.Wilson95(matched, scored),
            AddressablePool = matched,
            Tiers = new Dictionary<string, long> { ["B"] = 96, ["A"] = 54, ["D"] = 820, ["C"] = 230 },
            ExpectedConversations = new ExpectedConversations(matched * b.WarmReplyRate, matched * b.ColdReplyRate),
            Badge500 = true,
            PoolDepth = "minimal",
            Projection = PoolArithmetic.Project(matched, rate, b),
            Segments = new Segments(
                [new(industry, 420, 88, 88 / 420.0), new("IT Services and IT Consulting", 180, 31, 31 / 180.0), new("Advertising Services", 95, 17, 17 / 95.0),
                 new("Hospitals and Health Care", 140, 0, 0), new("Retail", 75, 1, 1 / 75.0), new("(unknown)", 290, 13, 13 / 290.0)],
                [new("11-50", 210, 28, 28 / 210.0), new("51-200", 330, 61, 61 / 330.0), new("201-500", 240, 39, 39 / 240.0), new("10,001+", 130, 9, 9 / 130.0), new("(unknown)", 290, 13, 13 / 290.0)],
                [new("C-level", 60, 21, 21 / 60.0), new("VP", 70, 30, 30 / 70.0), new("Director", 140, 52, 52 / 140.0), new("Head", 90, 31, 31 / 90.0), new("Manager", 260, 16, 16 / 260.0), new("Individual contributor", 580, 0, 0)],
                [new("Marketing", 310, 139, 139 / 310.0), new("Sales", 240, 6, 6 / 240.0), new("Engineering", 380, 0, 0), new("Other", 270, 5, 5 / 270.0)]),
            ScoreHistogram = [310, 180, 120, 95, 80, 60, 52, 45, 40, 30, 28, 20, 24, 22, 20, 18, 16, 15, 14, 11],
            Companies = new BuyingCommittees(4,
            [
                new("Northwind", 3, 0.93251,
                [
                    new("Ana Nair", "Head of Marketing", "https://www.linkedin.com/in/ana-nair-1a", 0.93251, true),
                    new("Bo Li", "VP Demand Generation", "https://www.linkedin.com/in/bo-li", 0.77, false),
                    new("Cy Dee", "Marketing Director", "", 0.58, false),
                ]),
                new("Contoso, GmbH", 2, 0.81, [new("Jörg Müller", "Leiter Marketing \"Demand\"", "https://www.linkedin.com/in/jmuller", 0.81, false), new("Eva Roth", "CMO", "", 0.66, false)]),
            ]),
            ContactFirst = [.. Targets().Select(t => new Contact(t.Name, t.Title, t.Company, t.ProfileUrl, t.Score, t.Tier, t.Reasons, t.NewThisMonth))],
            NeedsEnrichment = new NeedsEnrichment(37, "IT Services and IT Consulting", "51-200",
            [
                new("Lea Wong", "Head of Growth Marketing", "Quartz Labs", "https://www.linkedin.com/in/lea-wong", "", "201-500", ["industry"], 0.31, 0.83,
                    "industry unknown: as IT Services and IT Consulting it would score 0.83, a match at 0.55 or more; it scores 0.31 now"),
                new("Omar Haddad", "Marketing Director", "Indigo Online", "", "", "", ["industry", "company size"], 0.12, 0.71,
                    "industry and company size unknown: as IT Services and IT Consulting, 51-200 it would score 0.71, a match at 0.55 or more; it scores 0.12 now"),
            ]),
            NewThisMonth = new NewTargets("2026-04", 1),
            Degree = new DegreeSource(DegreeSource.FromColumn, "Connection Degree", 12),
            InMailPool = PoolArithmetic.InMail(530, 75, [new("2nd", 380, 61), new("3rd", 150, 14), new("out of network", 0, 0)], b),
            Assumptions =
            [
                new("Reply rate, cold or untargeted DMs", "10%", "Cleverly and Expandi 2026 benchmark ranges"),
                new("Reply rate, warm ICP-relevant DMs", "20%", "Cleverly and Expandi 2026 benchmark ranges, warm end"),
                new("Connection-request acceptance, platform average", "28%", "Expandi 2026 (13.2M requests)"),
                new("Acceptance, personalized ICP-targeted requests", "45%", "Expandi 2026 (13.2M requests)"),
                new("Acceptance, generic mass outreach", "15%", "Expandi 2026 (13.2M requests)"),
                new("Weekly connection-request limit, standard / high-trust account", "100 / 200", "widely reported 2026 limit, not official"),
                new("Profile shows \"500+\"", "at 500 connections", "LinkedIn"),
                new("Pool too shallow for campaigns", "below 100–200 ICP-relevant connections", "article's guidance"),
                PoolArithmetic.Degree(new DegreeSource(DegreeSource.FromColumn, "Connection Degree", 12)),
            ],
            Source = new ReportSource(file, "sales-navigator", "9f2c1e0b7a4d4c6e8b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d3c", 1_777, 4, 3, 930, true),
        };
    }


    public static IReadOnlyList<TargetRow> Targets() =>
    [
        new("Ana Nair", "Ana", "Nair", "Northwind", "Head of Marketing", "https://www.linkedin.com/in/ana-nair-1a", "ana@northwind.example", "Software Development", "51-200",
            new DateOnly(2026, 4, 14), 0.93251, "A", [new("Head in Marketing", 41.2), new("industry: Software Development", 22.5), new("company size: 51-200", -3.4)], "k1", NewThisMonth: true),
        new("Jörg Müller", "Jörg", "Müller", "Contoso, GmbH", "Leiter Marketing \"Demand\"", "https://www.linkedin.com/in/jmuller", "", "IT Services and IT Consulting", "201-500",
            new DateOnly(2025, 11, 2), 0.81, "A", [new("title mentions \"marketing\"", 38)], "k2", NewThisMonth: false),
        new("Zoë Martin", "Zoë", "Martin", "Fabrikam", "VP Growth\nEMEA", "", "", "", "", null, 0.61237, "B", [], "k3", NewThisMonth: false),
    ];

    public static PortfolioReport Portfolio(string account = "Northwind Demand Gen") => new(
        [
            new(account, "2026-05", 0.125, 150, 1_240, "minimal", 0.7, 12, ["2026-03", "2026-04", "2026-05"], ["Match rate rose 0.7 points"],
                new Dictionary<string, string> { ["pool"] = $"{account}/2026-05/pool.html", ["drift"] = $"{account}/2026-05/drift.html", ["targets"] = $"{account}/2026-05/targets.csv" })
            { Profile = "demand-gen", ModelVersion = "v3" },
            new("Acme Agency", "2026-05", 0.41, 2_051, 5_002, "healthy", null, null, ["2026-05"], [],
                new Dictionary<string, string> { ["pool"] = "Acme Agency/2026-05/pool.html" })
            { Profile = "finance-leaders", ModelVersion = "v1" },
        ],
        [new FailedFile("inbox/contoso/2026-05.csv", "not a connection export: no header found in the first 50 lines", "failed/contoso/2026-05.csv")],
        "demand-gen v3, finance-leaders v1");
}
