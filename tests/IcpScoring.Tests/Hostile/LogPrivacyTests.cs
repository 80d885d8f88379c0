using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Hostile;

/// <summary>
/// No name or email from the input reaches standard output, standard error or a log file, in text
/// or JSON logs, through every command that reads connections or labels: the shipped sample inbox
/// plus a file with rejected rows and a file that fails, at the most verbose log level.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed class LogPrivacyTests : IDisposable
{
    private const string Header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

    private readonly TempFolder _dir = new();

    private static string Ingestion => $$"""{ "CompanyDirectory": "{{Repo.Path("data-samples", "companies.csv").Replace("\\", "/", StringComparison.Ordinal)}}" }""";

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void NoNameOrEmailFromTheInputIsPrintedOrLogged()
    {
        var personal = Arrange();
        // With the company directory the native exports get their firmographics, so connections match and become targets.
        var text = IcpProcess.WriteConfig(_dir, Ingestion, logFile: _dir.File("logs-text/icp-.log"));
        var json = WriteJsonConfig();
        var models = CopyModels();
        string[] common = ["--models-dir", models];

        List<IcpProcess.Result> results =
        [
            IcpProcess.Run(_dir.Path, null, ["--config", text, .. common, "run", "--inbox", _dir.File("inbox-text"), "--out", _dir.File("out-text")]),
            IcpProcess.Run(_dir.Path, null, ["--config", json, .. common, "--log-json", "run", "--inbox", _dir.File("inbox-json"), "--out", _dir.File("out-json")]),
            IcpProcess.Run(_dir.Path, null, ["--config", text, .. common, "inspect", _dir.File("rejects.csv")]),
            IcpProcess.Run(_dir.Path, null, ["--config", json, .. common, "--log-json", "inspect", _dir.File("rejects.csv"), "--json"]),
            IcpProcess.Run(_dir.Path, null, ["--config", text, .. common, "inspect", _dir.File("not-an-export.csv")]),
            IcpProcess.Run(_dir.Path, null, ["--config", text, .. common, "--db", _dir.File("ingest.db"), "ingest", _dir.File("rejects.csv"), "--account", "probe", "--out", _dir.File("out-ingest")]),
            IcpProcess.Run(_dir.Path, null, ["--config", text, .. common, "--db", _dir.File("ingest.db"), "ingest", _dir.File("not-an-export.csv"), "--account", "probe", "--out", _dir.File("out-ingest")]),
            IcpProcess.Run(_dir.Path, null, ["--config", text, .. common, "train", _dir.File("labels.csv"), "--promote", "never"]),
            IcpProcess.Run(_dir.Path, null, ["--config", json, .. common, "--log-json", "train", _dir.File("labels.csv"), "--promote", "never", "--json"]),
        ];

        // The commands did their work, failures included: otherwise there would be little to leak.
        Assert.Equal([2, 2, 0, 0, 2, 0, 2, 0, 0], results.Select(r => r.ExitCode));
        var logs = Directory.EnumerateFiles(_dir.File("logs-text")).Concat(Directory.EnumerateFiles(_dir.File("logs-json"))).ToList();
        Assert.Equal(2, logs.Count);
        Assert.Contains("Failed ", File.ReadAllText(logs[0]), StringComparison.Ordinal);

        Assert.True(personal.Count > 300, $"{personal.Count} names and emails");
        var outputs = results.SelectMany((r, i) => new[] { ($"command {i} stdout", r.Stdout), ($"command {i} stderr", r.Stderr) })
            .Concat(logs.Select(l => (l, File.ReadAllText(l))))
            // The test's own folder is in paths everywhere, and a GUID can spell a short name ("abbe").
            .Select(o => (o.Item1, Text: o.Item2.Replace(_dir.Path, "<test folder>", StringComparison.Ordinal)))
            .ToList();
        Assert.All(outputs, o =>
        {
            var leaked = personal.Where(p => o.Text.Contains(p, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaked.Count == 0, $"{o.Item1} holds {string.Join(", ", leaked.Take(10))}");
        });
    }

    /// <summary>The inputs, and every name and email in them.</summary>
    private List<string> Arrange()
    {
        foreach (var copy in new[] { "inbox-text", "inbox-json" })
        {
            foreach (var file in Directory.EnumerateFiles(Repo.Path("data-samples", "inbox"), "*.csv", SearchOption.AllDirectories))
            {
                _ = _dir.Write(Path.Combine(copy, Path.GetRelativePath(Repo.Path("data-samples", "inbox"), file)), File.ReadAllBytes(file));
            }
        }

        // Rows that are rejected, each with a name and an email: too many fields, too few, an unparseable date.
        var rejects = Some.NotesPreamble + Header + "\n"
            + "Ana,Nair,https://www.linkedin.com/in/ana-nair-1a,,Northwind,Head of Marketing,21 Dec 2026\n"
            + "Philomena,Vandersloot,https://www.linkedin.com/in/philomena-v,philomena.vandersloot@example.com,Brightlane,VP Sales,21 Dec 2026,extra,fields\n"
            + "Bartholomew,Quarrington,https://www.linkedin.com/in/bart-q,bart.quarrington@example.org\n"
            + "Evangeline,Moorcroft-Hale,https://www.linkedin.com/in/eva-mh,evangeline@example.net,Contoso,CMO,the thirty-second of Smarch\n";
        _ = _dir.Write("rejects.csv", rejects);
        _ = _dir.Write(Path.Combine("inbox-text", "northwind-sales", "2026-12.csv"), rejects);
        _ = _dir.Write(Path.Combine("inbox-json", "northwind-sales", "2026-12.csv"), rejects);

        // A file that fails as a whole: no header, only people.
        var notAnExport = "Zebulon Quixote-Marwood, zebulon.quixote@example.net\nOctavia Pemberton-Hollis; octavia@example.org\n";
        _ = _dir.Write("not-an-export.csv", notAnExport);
        _ = _dir.Write(Path.Combine("inbox-text", "acme-marketing", "2026-12.csv"), notAnExport);
        _ = _dir.Write(Path.Combine("inbox-json", "acme-marketing", "2026-12.csv"), notAnExport);

        // Labeled prospects carry no names; one broken row here does.
        _ = _dir.Write("labels.csv", File.ReadAllText(Repo.Path("data-samples", "labeled", "prospects.csv")).TrimEnd('\n') + "\nCornelius Wetherby-Stone,VP of Marketing,Software Development,51-200,true,cornelius@example.com\n");

        // Names shorter than four letters ("Li", "Ali", "Kim") also spell ordinary words and
        // abbreviations in the log ("Ali" in "quality"); they are left out, emails are not.
        return [.. Directory.EnumerateFiles(_dir.File("inbox-text"), "*.csv", SearchOption.AllDirectories)
            .SelectMany(f => HostileCsv.Column(f, "First Name", "Last Name", "Email Address"))
            .Concat(["Zebulon", "Quixote-Marwood", "zebulon.quixote@example.net", "Octavia", "Pemberton-Hollis", "octavia@example.org", "Cornelius", "Wetherby-Stone", "cornelius@example.com"])
            .Select(v => v.Trim())
            .Where(v => v.Length >= 4)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private string WriteJsonConfig() =>
        _dir.Write("appsettings.json.json", $$"""
            {
              "Paths": { "DataDir": "{{_dir.File("data-json").Replace("\\", "/", StringComparison.Ordinal)}}" },
              "Ingestion": {{Ingestion}},
              "Logging": { "MinimumLevel": "Verbose", "ConsoleLevel": "Verbose", "Json": true, "File": "{{_dir.File("logs-json/icp-.log").Replace("\\", "/", StringComparison.Ordinal)}}" }
            }
            """);

    // icp train adds its challenger to the registry: a copy, so the shipped one stays as it is.
    private string CopyModels()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path("models"), "*", SearchOption.AllDirectories))
        {
            _ = _dir.Write(Path.Combine("models", Path.GetRelativePath(Repo.Path("models"), file)), File.ReadAllBytes(file));
        }

        return _dir.File("models");
    }
}
