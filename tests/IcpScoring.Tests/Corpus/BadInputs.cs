using System.IO.Compression;
using System.Text.Json.Nodes;
using IcpScoring.Tests.Support;
using static IcpScoring.Tests.Corpus.Build;

namespace IcpScoring.Tests.Corpus;

/// <summary>
/// The bad-input corpus: every kind of broken file, archive, labeled set and settings file seen or
/// feared, each with the outcome it must have on the real command line. Line numbers are physical
/// lines of the file (1-based); a 2023-era export has its preamble on lines 1-3, its header on
/// line 4 and its first row on line 5. README.md beside this file is the table, made from this list.
/// </summary>
public static class BadInputs
{
    private const string BadDate = "31 Feb 2023";
    private const string Unparseable = "unparseable Connected On date";
    private const string NoHeader = "has no header naming a title column";

    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        // Cut short: a copy or download that stopped part-way.
        new("cut-mid-row", "2023 export of 5 rows, the last 20 bytes cut off (the last row loses its date and half its title)",
            d => Inspect(d.Write("c.csv", Utf8(Export(People(0, 4)))[..^20])),
            new Read(5, 4, new Rejected(9, "too few fields (6 of 7)"))),
        new("cut-mid-quote", "2023 export whose last row stops inside a quoted company (`\"Globex, In`)",
            d => Inspect(d.Write("c.csv", Export([.. People(0, 2), "P3,Nair,https://www.linkedin.com/in/p3,,\"Globex, In"]))),
            new Read(4, 3, new Rejected(8, "unterminated quote"))),
        new("cut-mid-utf8", "custom export (Title last) cut inside the two bytes of `é` in its last row",
            d => Inspect(d.Write("c.csv", [.. Utf8("First Name,Last Name,Company,Title\nAna,Nair,Northwind,CMO\nBo,Li,Globex,Directrice G"), 0xC3])),
            new Read(2, 1, new Rejected(3, "invalid UTF-8 in column 4"))),
        new("cut-mid-utf16", "UTF-16LE export (with BOM) cut after the first byte of its last character",
            d => Inspect(d.Write("c.csv", Encode(Export(People(0, 2)), 1200, [0xFF, 0xFE])[..^1])),
            new Read(3, 2, new Rejected(7, Unparseable))),

        // Encodings other than UTF-8: transcoded, line numbers kept.
        new("utf16-le", "UTF-16LE with BOM (Excel's \"Unicode text\"), one row with 31 Feb",
            d => Inspect(d.Write("c.csv", Encode(Export(Person(0), Person(1, BadDate), Person(2)), 1200, [0xFF, 0xFE]))),
            new Read(3, 2, new Rejected(6, Unparseable))),
        new("utf16-be", "UTF-16BE with BOM, one row with 31 Feb",
            d => Inspect(d.Write("c.csv", Encode(Export(Person(0), Person(1, BadDate), Person(2)), 1201, [0xFE, 0xFF]))),
            new Read(3, 2, new Rejected(6, Unparseable))),
        new("utf16-le-no-bom", "UTF-16LE without a byte order mark (found by its zero bytes), one row with 31 Feb",
            d => Inspect(d.Write("c.csv", Encode(Export(Person(0), Person(1, BadDate), Person(2)), 1200))),
            new Read(3, 2, new Rejected(6, Unparseable))),
        new("latin-1", "ISO-8859-1 (`José Müller`, `Société Générale`), one row with 31 Feb",
            d => Inspect(d.Write("c.csv", Encode(Export(Some.Row2023(first: "José", last: "Müller", url: "https://www.linkedin.com/in/jm", company: "Société Générale"), Person(1, BadDate), Person(2)), 28591))),
            new Read(3, 2, new Rejected(6, Unparseable))),
        new("windows-1252", "Windows-1252 with bytes Latin-1 lacks (`“Noir” – €`, `’`), one row with 31 Feb",
            d => Inspect(d.Write("c.csv", Encode(Export(Person(0, company: "Café “Noir” – €", position: "Head of Marketing’s Office"), Person(1, BadDate), Person(2)), 1252))),
            new Read(3, 2, new Rejected(6, Unparseable))),

        // Separators.
        new("semicolon-separated", "the 2023 export with `;` between fields (European Excel), one row with 31 Feb",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1, BadDate), Person(2)).Replace(',', ';'))),
            new Read(3, 2, new Rejected(6, Unparseable))),
        new("tab-separated", "the 2023 export with tabs between fields, one row with 31 Feb",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1, BadDate), Person(2)).Replace(',', '\t'))),
            new Read(3, 2, new Rejected(6, Unparseable))),
        new("excel-sep-hint", "Excel's `sep=,` first line, then the 2023 header without its preamble and two rows (one with 31 Feb)",
            d => Inspect(d.Write("c.csv", $"sep=,\n{Some.Header2023}\n{Person(0)}\n{Person(1, BadDate)}")),
            new Read(2, 1, new Rejected(4, Unparseable))),

        // Rows that do not fit the header.
        new("header-repeated", "the header again between rows 2 and 3 (two exports pasted together)",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1), Some.Header2023, Person(2), Person(3)))),
            new Read(5, 4, new Rejected(7, "the header repeated"))),
        new("extra-columns", "one row with two fields more than the header, with text in them",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1) + ",Globex,extra", Person(2)))),
            new Read(3, 2, new Rejected(6, "too many fields (9, the header has 7)"))),
        new("missing-columns", "one row with only the first five of seven fields",
            d => Inspect(d.Write("c.csv", Export(Person(0), "P1,Nair,https://www.linkedin.com/in/p1,,Northwind", Person(2)))),
            new Read(3, 2, new Rejected(6, "too few fields (5 of 7)"))),
        new("header-padded-with-empty-columns", "header with three empty names after it (`,,,`), a padded row, an unpadded row, a row with 31 Feb",
            d => Inspect(d.Write("c.csv", Some.NotesPreamble + Some.Header2023 + ",,,\n" + Person(0) + ",,,\n" + Person(1) + "\n" + Person(2, BadDate))),
            new Read(3, 2, new Rejected(7, Unparseable))),
        new("duplicate-header-names", "`Company` twice in the header (the first is read, the second when the first is empty), one row with a bad date",
            d => Inspect(d.Write("c.csv", "First Name,Last Name,Company,Company,Position,Connected On\nAna,Nair,Northwind,Globex,CMO,21 May 2023\nBo,Li,Initech,,CTO,someday")),
            new Read(2, 1, new Rejected(3, Unparseable))),
        new("two-exports-concatenated", "two 2023 exports joined by `cat` (the second with its BOM, preamble and header)",
            d => Inspect(d.Write("c.csv", [0xEF, 0xBB, 0xBF, .. Utf8(Export(Person(0), Person(1)) + "\n"), 0xEF, 0xBB, 0xBF, .. Utf8(Export(Person(2), Person(3)))])),
            new Read(7, 4, new Rejected(7, "too few fields (1 of 7)"), new Rejected(8, "too few fields (1 of 7)"), new Rejected(10, "the header repeated"))),

        // Size.
        new("field-50mb", "one row whose quoted title is 50 MB of `x` (run with a 128 MiB GC heap limit)",
            d => Inspect(Stream(d, "c.csv", (Utf8(Export(Person(0), "P1,Nair,https://www.linkedin.com/in/p1,,Northwind,\"")), 1), ("x"u8.ToArray(), 50L << 20), (Utf8("\",21 May 2023\n" + Person(2)), 1))),
            new Refused("line 6", "larger than 16,777,216 bytes", "Ingestion:MaxRecordBytes"))
        {
            Runner = Runner.Process,
            Environment = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x8000000" },
        },
        new("field-1mb", "one row whose quoted title is 1 MB (over Ingestion:MaxFieldChars, under MaxRecordBytes)",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1, position: "\"" + new string('x', 1 << 20) + "\""), Person(2)))),
            new Read(3, 2, new Rejected(6, "oversized field in column 6 (1,048,576 characters, limit 65,536)"))),
        new("million-empty-lines", "a million empty lines between two rows, then a row with 31 Feb",
            d => Inspect(d.Write("c.csv", Export(Person(0)) + new string('\n', 1_000_001) + Person(1) + "\n" + Person(2, BadDate))),
            new Read(3, 2, new Rejected(1_000_007, Unparseable))),
        new("million-empty-lines-before-header", "a million empty lines before the header, then a row and a row with 31 Feb",
            d => Inspect(d.Write("c.csv", new string('\n', 1_000_000) + Some.Header2023 + "\n" + Person(0) + "\n" + Person(1, BadDate))),
            new Read(2, 1, new Rejected(1_000_003, Unparseable))),
        new("first-line-longer-than-64kb", "a header followed by 200,000 commas on the same line",
            d => Inspect(d.Write("c.csv", Some.Header2023 + new string(',', 200_000) + "\n" + Person(0))),
            new Refused("line 1 runs past the first 64 KB")),

        // NUL bytes.
        new("binary-file", "8 KB of random bytes starting like a PNG, named .csv",
            d => Inspect(d.Write("photo.csv", Png())),
            new Refused("is a binary file, not text")),
        new("nul-in-field", "a NUL byte inside one company name",
            d => Inspect(d.Write("c.csv", Export(Person(0, company: "Nor\0wind"), Person(1), Person(2)))),
            new Read(3, 2, new Rejected(5, "NUL byte in column 5"))),
        new("nul-padded-tail", "3 good rows, then 8 KB of NUL bytes (a copy cut short by a crash)",
            d => Inspect(d.Write("c.csv", [.. Utf8(Export(People(0, 2)) + "\n"), .. new byte[8192]])),
            new Read(4, 3, new Rejected(8, "NUL byte in column 1"))),

        // Quoting and line breaks.
        new("unterminated-quote-mid-file", "a quote opened in row 3 that never closes, two rows after it (the last with 31 Feb)",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1), "P2,Nair,https://www.linkedin.com/in/p2,,\"Globex,CMO,21 May 2023", Person(3), Person(4, BadDate)))),
            new Read(5, 3, new Rejected(7, "unterminated quote"), new Rejected(9, Unparseable))),
        new("quote-closing-on-a-later-line", "a stray opening quote in row 2 that the quoted company of row 4 closes",
            d => Inspect(d.Write("c.csv", Export(Person(0), "P1,Nair,https://www.linkedin.com/in/p1,,\"Globex,CMO,21 May 2023", Person(2), Person(3, company: "\"Initech, Inc\""), Person(4)))),
            new Read(5, 4, new Rejected(6, "text after a closing quote"))),
        new("text-after-closing-quote", "`\"Globex\" Ltd` as a company",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1, company: "\"Globex\" Ltd"), Person(2)))),
            new Read(3, 2, new Rejected(6, "text after a closing quote"))),
        new("stray-quotes-in-unquoted-field", "`Globex \"The Best\" Inc` unquoted: the quotes are kept as text, nothing is rejected",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1, company: "Globex \"The Best\" Inc"), Person(2)))),
            new Read(3, 3)),
        new("cr-only-line-endings", "every line ended by CR alone (old Mac Excel), one row with 31 Feb",
            d => Inspect(d.Write("c.csv", LineBreaks(Export(Person(0), Person(1, BadDate), Person(2)), "\r"))),
            new Read(3, 2, new Rejected(6, Unparseable))),
        new("mixed-line-endings", "CRLF, CR and LF mixed, rows 2 and 4 with 31 Feb",
            d => Inspect(d.Write("c.csv", LineBreaks(Some.NotesPreamble + Some.Header2023 + "\n", "\r\n") + Person(0) + "\r" + Person(1, BadDate) + "\n" + Person(2) + "\r\n" + Person(3, BadDate) + "\r" + Person(4))),
            new Read(5, 3, new Rejected(6, Unparseable), new Rejected(8, Unparseable))),
        new("whitespace-only-rows", "rows of spaces, of tabs, and of spaces between commas",
            d => Inspect(d.Write("c.csv", Export(Person(0), "   ", "\t\t", " , , , , , , ", Person(1)))),
            new Read(5, 2, new Rejected(6, "blank row"), new Rejected(7, "blank row"), new Rejected(8, "blank row"))),

        // Values.
        new("invalid-dates", "`31 Feb 2023`, `2023-13-45` and `yesterday` as Connected On",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1, BadDate), Person(2, "2023-13-45"), Person(3, "yesterday")))),
            new Read(4, 1, new Rejected(6, Unparseable), new Rejected(7, Unparseable), new Rejected(8, Unparseable))),
        new("era-2018-broken-date", "2018 export (quoted `M/d/yy, h:mm tt` dates), one `13/45/18`",
            d => Inspect(d.Write("c.csv", Some.Header2018 + "\nAna,Nair,,Northwind,CMO,\"1/8/18, 6:14 PM\"\nBo,Li,,Globex,CTO,\"13/45/18, 6:14 PM\"\nCy,Wu,,Initech,VP Sales,\"2/9/18, 7:00 AM\"\n")),
            new Read(3, 2, new Rejected(3, Unparseable))),
        new("duplicate-rows", "rows 1 and 2 again at the end (same profile URLs)",
            d => Inspect(d.Write("c.csv", Export(Person(0), Person(1), Person(2), Person(0), Person(1)))),
            new Read(5, 3) { Duplicates = 2 }),
        new("invalid-utf8-after-64kb", "1,000 UTF-8 rows, then one row with a Latin-1 `é` byte (encodings mixed after the first 64 KB)",
            d => Inspect(d.Write("c.csv", [.. Utf8(Export(People(0, 999)) + "\nP1000,Nair,https://www.linkedin.com/in/p1000,,Caf"), 0xE9, .. Utf8(" Noir,CMO,21 May 2023\n" + Person(1001))])),
            new Read(1002, 1001, new Rejected(1005, "invalid UTF-8 in column 5"))),

        // Not an export at all.
        new("empty-file", "0 bytes", d => Inspect(d.Write("c.csv", "")), new Refused("is empty")),
        new("bom-only", "a UTF-8 byte order mark and nothing else", d => Inspect(d.Write("c.csv", [0xEF, 0xBB, 0xBF])), new Refused("is empty")),
        new("notes-preamble-only", "LinkedIn's `Notes:` preamble and nothing after it",
            d => Inspect(d.Write("c.csv", Some.NotesPreamble)), new Refused("only LinkedIn's Notes: preamble")),
        new("notes-quote-never-closes", "the `Notes:` paragraph's closing quote missing, then the header and a row",
            d => Inspect(d.Write("c.csv", "Notes:\n\"When exporting your connection data, you may notice...\n\n" + Some.Header2023 + "\n" + Person(0))),
            new Refused("line 2 opens a quote that never closes")),
        new("header-only", "preamble and header, no rows", d => Inspect(d.Write("c.csv", Some.NotesPreamble + Some.Header2023 + "\n")), new Refused("has a header but no data rows")),
        new("no-title-or-company-column", "names, URL, email and date but no Position or Company column",
            d => Inspect(d.Write("c.csv", "First Name,Last Name,URL,Email Address,Connected On\nAna,Nair,https://www.linkedin.com/in/ana,,21 May 2023\n")),
            new Refused(NoHeader)),
        new("html-saved-as-csv", "LinkedIn's sign-in page saved as Connections.csv",
            d => Inspect(d.Write("Connections.csv", "<!DOCTYPE html>\n<html lang=\"en\"><head><title>LinkedIn Login, Sign in | LinkedIn</title></head>\n<body><form action=\"/checkpoint\"><input name=\"session_key\"></form></body></html>\n")),
            new Refused(NoHeader)),
        new("json-saved-as-csv", "a JSON array of connections named .csv",
            d => Inspect(d.Write("c.csv", "[{\"firstName\":\"Ana\",\"company\":\"Northwind\",\"position\":\"CMO\"}]\n")),
            new Refused(NoHeader)),
        new("gzip-renamed-csv", "a gzipped export named .csv", d => Inspect(d.Write("c.csv", Gzip(Export(People(0, 2))))), new Refused("is a binary file, not text")),
        new("xlsx-renamed-csv", "an Excel workbook (.xlsx) named .csv",
            d => Inspect(d.Write("c.csv", Zip(("[Content_Types].xml", Utf8("<Types/>")), ("xl/workbook.xml", Utf8("<workbook/>")), ("xl/worksheets/sheet1.xml", Utf8("<worksheet/>"))))),
            new Refused("is an Excel workbook (.xlsx), not a CSV file")),
        new("every-row-rejected", "a header and two rows, both with unparseable dates",
            d => Inspect(d.Write("c.csv", Export(Person(0, "soon"), Person(1, "later")))),
            new Refused("no row could be read: all 2 were rejected", "line 5")),
        new("directory-instead-of-file", "a folder named connections.csv",
            d => Inspect(Directory.CreateDirectory(d.File("connections.csv")).FullName), new Refused("is a folder, not a file")),
        new("file-that-disappeared", "a link whose export was deleted (the file is listed, then gone)",
            d => Inspect(Disappeared(d)), new Refused("no such file")),
        new("unreadable-file", "an export with permissions 000 (run as an unprivileged user when the tests run as root)",
            d => Inspect(Unreadable(d)), new Refused("cannot be read (permission denied)"))
        {
            Runner = Runner.Unprivileged,
        },

        // Standard input.
        new("export-piped-in", "`icp inspect /dev/stdin < export` through a pipe, one row with 31 Feb",
            d => new Invocation(["inspect", "/dev/stdin", "--json"], "/dev/stdin", d.Write("c.csv", Export(Person(0), Person(1, BadDate), Person(2)))),
            new Read(3, 2, new Rejected(6, Unparseable)))
        {
            Command = "`icp inspect /dev/stdin --json < FILE`",
            Runner = Runner.Process,
        },
        new("zip-piped-in", "LinkedIn's export zip through a pipe (a zip cannot be read as a stream)",
            d => new Invocation(["inspect", "/dev/stdin", "--json"], "/dev/stdin", d.Write("export.zip", Zip(("Connections.csv", Utf8(Export(People(0, 2))))))),
            new Refused("is a zip archive read from a pipe"))
        {
            Command = "`icp inspect /dev/stdin --json < FILE`",
            Runner = Runner.Process,
        },

        // Zips.
        new("zip-that-is-not-a-zip", "text in a file named export.zip", d => Inspect(d.Write("export.zip", "this is not a zip")), new Refused("is named .zip but is not a zip archive")),
        new("zip-truncated", "the first half of LinkedIn's export zip (its directory is missing)",
            d => Inspect(d.Write("export.zip", Zip(("Connections.csv", Utf8(Export(People(0, 99)))))[..^600])),
            new Refused("is a damaged zip archive")),
        new("zip-bomb", "Connections.csv of 32 MB of zeros after the header, deflated about 1,000 to 1",
            d => Inspect(d.Write("bomb.zip", Zip(("Connections.csv", [.. Utf8(Some.NotesPreamble + Some.Header2023 + "\n"), .. new byte[32 << 20]])))),
            new Refused("which only a zip bomb is", "Ingestion:MaxZipCompressionRatio")),
        new("zip-lying-about-its-size", "an entry of 100 rows that declares 1,000 bytes uncompressed (.NET stops inflating there: the rest was silently lost)",
            d => Inspect(d.Write("export.zip", DeclareSize(Zip(("Connections.csv", Utf8(Export(People(0, 99))))), 1000))),
            new Refused("fail the zip's CRC-32 check")),
        new("zip-entry-escapes-folder", "Connections.csv stored as `../../etc/Connections.csv`",
            d => Inspect(d.Write("evil.zip", Zip(("../../etc/Connections.csv", Utf8(Export(People(0, 2))))))),
            new Refused("escapes the archive's folder")),
        new("zip-without-connections", "Profile.csv and Messages.csv, no Connections.csv",
            d => Inspect(d.Write("export.zip", Zip(("Profile.csv", Utf8("First Name,Last Name,Headline\nMe,Myself,Marketer\n")), ("Messages.csv", Utf8("FROM,TO,CONTENT\n"))))),
            new Refused("none named Connections.csv")),
        new("zip-empty", "a zip with no entries", d => Inspect(d.Write("export.zip", Zip())), new Refused("the zip holds no CSV file")),
        new("zip-crc-mismatch", "Connections.csv whose recorded CRC-32 does not match its bytes",
            d => Inspect(d.Write("export.zip", BreakCrc(Zip(("Connections.csv", Utf8(Export(People(0, 9)))))))),
            new Refused("fail the zip's CRC-32 check")),
        new("zip-corrupt-deflate", "Connections.csv whose deflate stream is broken from its first byte",
            d => Inspect(d.Write("export.zip", BreakDeflate(Zip(("Connections.csv", Utf8(Export(People(0, 99)))))))),
            new Refused("cannot be inflated")),
        new("zip-damaged-mid-entry", "5,000 rows deflated, 40 bytes in the middle of the compressed data flipped (before, garbage rows were read with exit 0)",
            d => Inspect(d.Write("export.zip", DamageMiddle(Zip(("Connections.csv", Utf8(Export(People(0, 4_999)))))))),
            new Refused("is damaged")),
        new("zip-unsupported-compression", "Connections.csv compressed with LZMA (method 14)",
            d => Inspect(d.Write("export.zip", Method(Zip(("Connections.csv", Utf8(Export(People(0, 9))))), 14))),
            new Refused("cannot be inflated")),
        new("zip-encrypted", "Connections.csv in a password-protected zip",
            d => Inspect(d.Write("export.zip", Encrypted(Zip(CompressionLevel.NoCompression, ("Connections.csv", Utf8(Export(People(0, 9)))))))),
            new Refused("is encrypted")),

        // Labeled prospects (icp train).
        new("labels-third-value", "200 labeled rows (true/false) with `maybe` on line 12 and `unknown` on line 102",
            d => Train(d.Write("labels.csv", ThirdLabelValue())),
            new Read(202, 200, new Rejected(12, "label 'maybe' is not true/false"), new Rejected(102, "label 'unknown' is not true/false")))
        {
            Command = "`icp train FILE --json`",
        },
        new("labels-multiclass", "a Label column of tiers A, B and C",
            d => Train(d.Write("labels.csv", "Title,Industry,Company Size,Label\n" + string.Concat(Enumerable.Repeat("CMO,Software Development,51-200,A\nCTO,Software Development,51-200,B\nNurse,Hospitals and Health Care,10001+,C\n", 30)))),
            new Refused("all 90 were rejected", "label 'A' is not true/false"))
        {
            Command = "`icp train FILE --json`",
        },
        new("labels-without-label-column", "a connections export given to icp train",
            d => Train(d.Write("labels.csv", Export(People(0, 2)))),
            new Refused("has no label column"))
        {
            Command = "`icp train FILE --json`",
        },

        // Settings: refused at start-up, naming the key, before anything is read or written.
        Settings("settings-bad-cron-run", "run", """{ "Jobs": { "InboxScanCron": "*/5 * * *" } }""", "Jobs:InboxScanCron", "is not a cron expression"),
        Settings("settings-bad-cron-serve", "serve", """{ "Jobs": { "DriftRefreshCron": "0 25 * * *" } }""", "Jobs:DriftRefreshCron", "is not a cron expression"),
        Settings("settings-seconds-cron-serve", "serve", """{ "Jobs": { "InboxScanCron": "0 */5 * * * *" } }""", "Jobs:InboxScanCron", "is not a cron expression"),
        Settings("settings-negative-rate-run", "run", """{ "Benchmarks": { "ColdReplyRate": -0.1 } }""", "Benchmarks:ColdReplyRate", "must be a rate between 0 and 1"),
        Settings("settings-negative-rate-serve", "serve", """{ "Benchmarks": { "WarmReplyRate": -0.2 } }""", "Benchmarks:WarmReplyRate", "must be a rate between 0 and 1"),
        Settings("settings-rate-not-a-number", "run", """{ "Benchmarks": { "AcceptanceAverage": "28%" } }""", "Benchmarks:AcceptanceAverage", "'28%'"),
        Settings("settings-negative-weekly-requests", "serve", """{ "Benchmarks": { "WeeklyRequestsStandard": -100 } }""", "Benchmarks:WeeklyRequestsStandard", "must be positive"),
    ];

    public static CorpusCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names(params Runner[] runners)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(c => runners.Contains(c.Runner)))
        {
            data.Add(c.Name);
        }

        return data;
    }

    private static Invocation Inspect(string path) => new(["inspect", path, "--json"], path);

    private static Invocation Train(string path) => new(["train", path, "--json"], path);

    // A settings file with one bad value, given to run or serve in a folder where they would
    // otherwise do real work: an inbox with an export, the shipped model, the dashboard on a free port.
    private static CorpusCase Settings(string name, string command, string json, string key, string phrase) =>
        new(name, $"`icp {command} --config bad.json` with `{json.Replace("{ ", "", StringComparison.Ordinal).Replace(" }", "", StringComparison.Ordinal)}`",
            d =>
            {
                d.Write("inbox/acme/2026-01.csv", Export(People(0, 2)));
                var settings = JsonNode.Parse(json)!.AsObject();
                settings["Paths"] = new JsonObject { ["Inbox"] = "inbox", ["Out"] = "out", ["DataDir"] = ".data", ["ModelsDir"] = Repo.Path("models") };
                if (settings["Jobs"] is not JsonObject jobs)
                {
                    settings["Jobs"] = jobs = new JsonObject();
                }

                jobs["Urls"] = "http://127.0.0.1:0";

                var bad = d.Write("bad.json", settings.ToJsonString());
                return new Invocation(["--config", bad, command], key);
            },
            new Refused(phrase))
        {
            Command = $"`icp {command} --config bad.json`",
            Runner = Runner.Process,
        };

    private static string ThirdLabelValue()
    {
        var lines = Labeled.Csv(200, seed: 3).TrimEnd('\n').Split('\n').ToList();
        lines.Insert(11, "CTO,Software Development,51-200,maybe");
        lines.Insert(101, "Teacher,Retail,11-50,unknown");
        return string.Join("\n", lines) + "\n";
    }

    private static string Disappeared(CaseFolder d)
    {
        var target = d.Write("export-download.csv", Export(People(0, 2)));
        var link = d.File("2026-01.csv");
        File.CreateSymbolicLink(link, target);
        File.Delete(target);
        return link;
    }

    private static string Unreadable(CaseFolder d)
    {
        var path = d.Write("c.csv", Export(People(0, 2)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        return path;
    }
}
