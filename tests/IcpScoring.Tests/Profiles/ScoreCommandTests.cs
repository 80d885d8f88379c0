using System.Text;
using CsvHelper;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Profiles;

/// <summary><c>icp score</c>: any list scored against a profile, every row kept in order, safe to open in a spreadsheet, nothing recorded.</summary>
public sealed class ScoreCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private IcpProcess.Result Icp(params string[] args) =>
        IcpProcess.Run(_dir.Path, null, ["--config", IcpProcess.WriteConfig(_dir), "--models-dir", Repo.Path("models"), .. args]);

    // Reads a CSV the way a spreadsheet importer would: quoting honoured, nothing recovered silently.
    private static List<string[]> ReadBack(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        using var reader = CsvReader.Create(new MemoryStream(bytes[3..]), new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }

    [Fact]
    public void EveryInputRowComesOutInOrderWithItsColumnsAndScoresAppended()
    {
        var list = _dir.Write("leads.csv", """"
            Full Name,Title,Company Name,Company Industry,Company Employee Count Range,Notes
            Ana Silva,VP Marketing,Acme Cloud,Software Development,51-200,met at SaaStr
            Bo Chen,Registered Nurse,City Hospital,Hospitals and Health Care,"10,001+",
            Cy Dee,Head of Demand Generation,Beta Ads,Advertising Services,11-50,"said ""call me"""
            Di Eve,"=HYPERLINK(""http://x"")",Gamma,Retail,1-10,
            Ed Fox,VP Marketing,Acme Cloud,Software Development,51-200,same input as row 1

            """");

        var result = Icp("score", list, "--out", _dir.File("scored.csv"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var rows = ReadBack(File.ReadAllBytes(_dir.File("scored.csv")));
        Assert.Equal(["Full Name", "Title", "Company Name", "Company Industry", "Company Employee Count Range", "Notes", "Score", "Tier", "IcpMatch", "Top Reasons"], rows[0]);
        Assert.Equal(["Ana Silva", "Bo Chen", "Cy Dee", "Di Eve", "Ed Fox"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal("said \"call me\"", rows[3][5]);
        Assert.Equal("true", rows[1][8]);
        Assert.Equal("false", rows[2][8]);
        Assert.Equal(rows[1][6..], rows[5][6..]);
        Assert.StartsWith("'=HYPERLINK", rows[4][1], StringComparison.Ordinal);
        Assert.All(rows.Skip(1), r => Assert.InRange(double.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture), 0, 1));
        Assert.All(rows.Skip(1), r => Assert.Contains(r[7], new[] { "A", "B", "C", "D" }));
        Assert.Contains("5 rows scored with profile sample model v1", result.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("data")) && Directory.EnumerateFiles(_dir.File("data"), "*.db").Any());
    }

    [Fact]
    public void WithoutOutTheCsvGoesToStandardOutputAndTheSummaryToStandardError()
    {
        var result = Icp("score", Repo.Path("data-samples", "exports", "connections-2023.csv"));

        Assert.Equal(0, result.ExitCode);
        var rows = ReadBack(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(result.Stdout.TrimStart('\uFEFF'))).ToArray());
        Assert.Equal(501, rows.Count);
        Assert.Equal(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On", "Score", "Tier", "IcpMatch", "Top Reasons"], rows[0]);
        Assert.Contains(rows, r => r[10] == "hidden or closed profile: nothing to score");
        Assert.Contains("rows scored with profile sample model v1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TopReasonsSayWhatRaisedAndWhatLoweredEachScoreInPointsLargestFirst()
    {
        var list = _dir.Write("leads.csv", """
            Full Name,Title,Company Name,Company Industry,Company Employee Count Range
            Ana Silva,VP Marketing,Acme Cloud,Software Development,51-200
            Bo Chen,VP Marketing,Corner Shop,Retail,51-200

            """);

        var result = Icp("score", list, "--out", _dir.File("scored.csv"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var rows = ReadBack(File.ReadAllBytes(_dir.File("scored.csv")));
        var match = Reasons(rows[1][8]);
        var retail = Reasons(rows[2][8]);
        Assert.Contains(match, r => r.Text == "industry: Software Development" && r.Points > 0);
        Assert.Contains(retail, r => r.Text == "industry: Retail" && r.Points < 0);
        Assert.All(new[] { match, retail }, reasons =>
            Assert.Equal(reasons.OrderByDescending(r => Math.Abs(r.Points)).Select(r => r.Text), reasons.Select(r => r.Text)));
    }

    // "VP in Marketing (+41 pts); industry: Retail (−38 pts)" read back into its parts.
    private static List<(string Text, int Points)> Reasons(string cell) =>
        [.. cell.Split("; ").Select(r =>
        {
            var open = r.LastIndexOf(" (", StringComparison.Ordinal);
            Assert.EndsWith(" pts)", r, StringComparison.Ordinal);
            var number = r[(open + 2)..^5];
            Assert.True(number[0] is '+' or '−', $"no sign in «{r}»");
            return (r[..open], int.Parse(number[1..], System.Globalization.CultureInfo.InvariantCulture) * (number[0] == '−' ? -1 : 1));
        })];

    [Fact]
    public void EmailsAreBlankedUnlessTheSettingsAllowThem()
    {
        var result = Icp("score", Repo.Path("data-samples", "exports", "connections-2023.csv"), "--out", _dir.File("scored.csv"));

        Assert.Equal(0, result.ExitCode);
        var rows = ReadBack(File.ReadAllBytes(_dir.File("scored.csv")));
        Assert.All(rows.Skip(1), r => Assert.Equal("", r[3]));
        Assert.DoesNotContain("@example", File.ReadAllText(_dir.File("scored.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectedRowsAreListedApartWithTheirLines()
    {
        var list = _dir.Write("leads.csv", "Title,Company\nVP Marketing,Acme\n\"Broken,Acme\nCFO,Bank\nNurse,Hospital,extra,fields\n");

        var result = Icp("score", list, "--out", _dir.File("scored.csv"));

        Assert.Equal(0, result.ExitCode);
        var rejects = ReadBack(File.ReadAllBytes(_dir.File("scored.rejects.csv")));
        Assert.Equal(["line", "reason"], rejects[0]);
        Assert.Contains(rejects, r => r[0] == "5" && r[1].Contains("too many fields", StringComparison.Ordinal));
        Assert.Contains("rejected rows in", result.Stdout, StringComparison.Ordinal);
        var scored = ReadBack(File.ReadAllBytes(_dir.File("scored.csv")));
        Assert.Equal("VP Marketing", scored[1][0]);
    }

    [Fact]
    public void AFileThatIsNotAListIsExitTwoAndWritesNothing()
    {
        var result = Icp("score", _dir.Write("empty.csv", ""), "--out", _dir.File("scored.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(_dir.File("scored.csv")));
    }

    [Fact]
    public void AMissingFileIsExitTwoNamingIt()
    {
        var result = Icp("score", _dir.File("nope.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.csv: does not exist", result.Stderr, StringComparison.Ordinal);
    }
}
