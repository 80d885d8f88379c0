using System.Text.Json;
using System.Text.RegularExpressions;
using IcpScoring.Tests.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Hostile;

/// <summary>
/// Markup, spreadsheet formulas, bidirectional controls, invisible characters and oversized fields
/// in every cell of two real exports, through a real <c>icp run</c>: the HTML carries them as text,
/// the CSVs cannot run them, the JSON gives them back exactly.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed partial class HostileContentTests(HostileContentTests.Run run) : IClassFixture<HostileContentTests.Run>
{
    /// <summary>What goes into names, emails, profile URLs, companies, titles and account names.</summary>
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "&amp; &#x3C; &lt;script&gt;",
        "=HYPERLINK(\"http://evil\",\"x\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\uFF1DSUM(1)",
        "\tleading tab",
        "\rleading CR",
        "line one\r\n=2+3 line two",
        "\u202Eevil right-to-left override\u202C",
        "\u2066isolate\u2069 \u202Aembed\u202C \u200Fmark\u200E",
        "zero\u200Bwidth\u200Cjoiner\u200Dsplit\uFEFF",
        "quote \" and \\ backslash",
        "Acme <b>\"bold\"</b>",
    ];

    // Accepted, and over 50,000 characters: far longer than any real company name.
    private static readonly string LongCompany = "=" + new string('A', 59_999);

    // The characters that reorder or hide text: they must never reach a page raw.
    private static readonly char[] BidiControls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\uFEFF'];

    private static string MayFile => OperatingSystem.IsWindows() ? "may-hostile.csv" : "may \"><svg onload=alert(1)>.csv";

    private static string JuneFile => OperatingSystem.IsWindows() ? "june-hostile.csv" : "june <script>alert(2)<\\script>.csv";

    private static string BrokenFile => OperatingSystem.IsWindows() ? "broken-hostile.csv" : "<img src=x onerror=alert(3)>.csv";

    /// <summary>The account names as the reports carry them: ingestion trims the whitespace around a field.</summary>
    private static IReadOnlyList<string> Accounts => [.. Payloads.Select(p => p.Trim()), "long-account"];

    [Fact]
    public void TheRunProcessesBothExportsAndSetsTheBrokenFileAside()
    {
        Assert.Equal(2, run.Result.ExitCode);
        Assert.True(File.Exists(Path.Combine(run.Inbox, "failed", BrokenFile)), run.Result.Stdout + run.Result.Stderr);
        Assert.Equal(2, Regex.Matches(run.Result.Stdout, "^processed ", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void EveryPayloadReachesTargetsCsv()
    {
        var companies = run.Files("targets.csv").Select(CsvText.Records).SelectMany(f => f.Skip(1).Select(r => r[f[0].IndexOf("Company")])).ToHashSet(StringComparer.Ordinal);

        Assert.All(Payloads.Select(p => p.Trim()), p => Assert.True(companies.Contains(p) || companies.Contains("'" + p), $"no company cell holds {Show(p)}"));
        Assert.Contains("'" + LongCompany, companies);
    }

    [Fact]
    public void HtmlReportsCarryNoMarkupFromTheData()
    {
        var pages = run.Files("*.html");

        Assert.True(pages.Count >= 1 + (2 * 2 * Accounts.Count), $"{pages.Count} pages");
        Assert.All(pages, page =>
        {
            var html = File.ReadAllText(page);
            foreach (Match tag in Tag().Matches(html))
            {
                var name = tag.Groups["name"].Value.ToLowerInvariant();
                var attributes = tag.Groups["attributes"].Value;
                Assert.False(name is "script" or "img" or "b" or "iframe" or "object" or "embed" or "form" or "base" or "link", $"{page}: <{name}> tag {Show(tag.Value)}");
                Assert.False(EventAttribute().IsMatch(attributes), $"{page}: event handler in {Show(tag.Value)}");
                Assert.True(name != "svg" || attributes.Contains("class=\"chart", StringComparison.Ordinal), $"{page}: an svg that is not a chart: {Show(tag.Value)}");
                Assert.DoesNotContain("javascript:", attributes, StringComparison.OrdinalIgnoreCase);
            }
        });
    }

    [Fact]
    public void MarkupAndEntitiesFromTheDataAreShownAsText()
    {
        var index = File.ReadAllText(Path.Combine(run.Out, "index.html"));

        Assert.Contains("<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>", index, StringComparison.Ordinal);
        Assert.Contains("<bdi>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</bdi>", index, StringComparison.Ordinal);
        Assert.Contains("<bdi>&amp;amp; &amp;#x3C; &amp;lt;script&amp;gt;</bdi>", index, StringComparison.Ordinal);
        Assert.Contains("<bdi>Acme &lt;b&gt;&quot;bold&quot;&lt;/b&gt;</bdi>", index, StringComparison.Ordinal);
        Assert.Contains("<bdi>quote &quot; and \\ backslash</bdi>", index, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(3)&gt;.csv", index, StringComparison.Ordinal);
        var pool = File.ReadAllText(Path.Combine(run.Out, run.FolderOf("<script>alert(1)</script>"), "2023-06", "pool.html"));
        Assert.Contains("<h1><bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi></h1>", pool, StringComparison.Ordinal);
        Assert.Contains(OperatingSystem.IsWindows() ? "june-hostile.csv" : "june &lt;script&gt;alert(2)&lt;\\script&gt;.csv", pool, StringComparison.Ordinal);
    }

    [Fact]
    public void BidiControlsReachNoPageRawAndShowAsVisibleMarkersInIsolatedText()
    {
        var pages = run.Files("*.html");
        var index = File.ReadAllText(Path.Combine(run.Out, "index.html"));
        var drift = File.ReadAllText(Path.Combine(run.Out, run.FolderOf("\u202Eevil right-to-left override\u202C"), "2023-06", "drift.html"));

        Assert.All(pages, page => Assert.Equal(-1, File.ReadAllText(page).IndexOfAny(BidiControls)));
        Assert.Contains("<bdi>[U+202E]evil right-to-left override[U+202C]</bdi>", index, StringComparison.Ordinal);
        Assert.Contains("<bdi>[U+2066]isolate[U+2069] [U+202A]embed[U+202C] [U+200F]mark[U+200E]</bdi>", index, StringComparison.Ordinal);
        Assert.Contains("<h1><bdi>[U+202E]evil right-to-left override[U+202C]</bdi></h1>", drift, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCsvCellStartsLikeAFormula()
    {
        var files = run.Files("*.csv");

        Assert.Contains(files, f => Path.GetFileName(f) == "targets.csv");
        Assert.Contains(files, f => Path.GetFileName(f) == "rejects.csv");
        Assert.All(files, f => Assert.All(CsvText.Records(f).SelectMany(r => r), cell =>
            Assert.False(StartsLikeFormula(cell), $"{f}: the cell {Show(cell)} would run as a formula")));
    }

    [Fact]
    public void FormulaCellsKeepTheirTextBehindAnApostrophe()
    {
        var target = CsvText.Records(Path.Combine(run.Out, run.FolderOf("=HYPERLINK(\"http://evil\",\"x\")"), "2023-05", "targets.csv"));

        var header = target[0];
        var row = target[1];
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")", row[header.IndexOf("Company")]);
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")@evil.example", row[header.IndexOf("Email")]);
        Assert.StartsWith("'=HYPERLINK(\"http://evil\",\"x\")", row[header.IndexOf("First Name")], StringComparison.Ordinal);
    }

    [Fact]
    public void AHundredThousandCharacterFieldIsRejectedWithItsReason()
    {
        var rejects = CsvText.Records(Path.Combine(run.Out, "long-account", "2023-05", "rejects.csv"));

        var reject = Assert.Single(rejects.Skip(1));
        Assert.Equal("oversized field in column 5 (100,000 characters, limit 65,536)", reject[1]);
    }

    [Fact]
    public void JsonOutputsParseAndGiveEveryStringBackExactly()
    {
        using var portfolio = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Out, "portfolio.json")));

        var accounts = portfolio.RootElement.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(Accounts.Order(StringComparer.Ordinal), accounts.Select(a => a.GetProperty("account").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(BrokenFile, Assert.Single(portfolio.RootElement.GetProperty("failed").EnumerateArray()).GetProperty("file").GetString());
        foreach (var a in accounts)
        {
            var name = a.GetProperty("account").GetString()!;
            var links = a.GetProperty("links");
            using var pool = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Out, links.GetProperty("poolJson").GetString()!)));
            using var drift = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Out, links.GetProperty("driftJson").GetString()!)));
            Assert.Equal(name, pool.RootElement.GetProperty("account").GetString());
            Assert.Equal(JuneFile, pool.RootElement.GetProperty("source").GetProperty("file").GetString());
            Assert.Equal(name, drift.RootElement.GetProperty("account").GetString());
        }

        Assert.All(run.Files("*.json"), f => JsonDocument.Parse(File.ReadAllBytes(f)).Dispose());
    }

    private static bool StartsLikeFormula(string cell)
    {
        var first = cell.TrimStart(' ');
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }

    private static string Show(string text) =>
        string.Concat(text.Take(200).Select(c => char.IsControl(c) || c is >= '\u2000' and <= '\u206F' or '\uFEFF' ? $"\\u{(int)c:X4}" : c.ToString()));

    [GeneratedRegex(@"<(?<name>[A-Za-z][A-Za-z0-9:-]*)(?<attributes>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(^|[\s/""'])on[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    /// <summary>
    /// The inbox of the run: a May and a June export at the top (the Account column names the
    /// accounts, the dates the months), one row per payload with the payload in every text field,
    /// and a file that is not an export; then one <c>icp run</c> over it.
    /// </summary>
    public sealed class Run : IDisposable
    {
        private readonly TempFolder _dir = new();

        public Run()
        {
            Inbox = _dir.File("inbox");
            Out = _dir.File("out");
            _dir.Write(Path.Combine("inbox", MayFile), Export("21 May 2023", withRejectedRow: true, withNonMatches: false));
            _dir.Write(Path.Combine("inbox", JuneFile), Export("21 Jun 2023", withRejectedRow: false, withNonMatches: true));
            _dir.Write(Path.Combine("inbox", BrokenFile), "Zebulon wrote this by hand\nit is not an export\n");
            var config = _dir.Write("appsettings.json", $$"""
                {
                  "Paths": { "DataDir": "{{_dir.File("data").Replace("\\", "/", StringComparison.Ordinal)}}" },
                  "Reports": { "IncludeEmails": true },
                  "Logging": { "MinimumLevel": "Debug", "ConsoleLevel": "Warning", "File": "{{_dir.File("logs/icp-.log").Replace("\\", "/", StringComparison.Ordinal)}}" }
                }
                """);
            Result = IcpProcess.Run(_dir.Path, null, "--config", config, "--models-dir", Repo.Path("models"), "run", "--inbox", Inbox, "--out", Out);
        }

        public string Inbox { get; }

        public string Out { get; }

        public IcpProcess.Result Result { get; }

        /// <summary>Every output file of that name pattern, at any depth under the output folder.</summary>
        public IReadOnlyList<string> Files(string pattern) => [.. Directory.EnumerateFiles(Out, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

        /// <summary>An account's folder, as the portfolio links it.</summary>
        public string FolderOf(string account)
        {
            using var portfolio = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "portfolio.json")));
            var entry = portfolio.RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == account.Trim());
            return entry.GetProperty("links").GetProperty("pool").GetString()!.Split('/')[0];
        }

        public void Dispose() => _dir.Dispose();

        private static string Export(string connectedOn, bool withRejectedRow, bool withNonMatches)
        {
            var text = new System.Text.StringBuilder(Some.NotesPreamble);
            text.Append("First Name,Last Name,URL,Email Address,Company,Position,Connected On,Industry,Company Size,Account\n");
            for (var i = 0; i < Payloads.Length; i++)
            {
                var p = Payloads[i];
                text.Append(HostileCsv.Record(p, p + " Nair", p, p + "@evil.example", p, "VP of Marketing " + p, connectedOn, "Software Development", "201-500", p));
                if (withNonMatches)
                {
                    text.Append(HostileCsv.Record("Second " + p, "Row", "https://www.linkedin.com/in/second-" + i, "", "Northwind Clinic", "Registered Nurse", connectedOn, "Hospitals and Health Care", "1-10", p));
                }
            }

            text.Append(HostileCsv.Record("Lena", "Long", "https://www.linkedin.com/in/lena-long", "", LongCompany, "VP of Marketing", connectedOn, "Software Development", "201-500", "long-account"));
            if (withRejectedRow)
            {
                text.Append(HostileCsv.Record("Otto", "Oversize", "https://www.linkedin.com/in/otto", "", new string('O', 100_000), "VP of Marketing", connectedOn, "Software Development", "201-500", "long-account"));
            }

            return text.ToString();
        }
    }
}
