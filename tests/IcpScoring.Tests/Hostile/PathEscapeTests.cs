using System.Text.Json;
using System.Text.RegularExpressions;
using IcpScoring.Pipeline;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Hostile;

/// <summary>
/// Account names that are paths, device names or nothing at all, from an Account column, from
/// <c>--account</c> and from inbox folder names, and export file names with <c>..</c> in them:
/// everything is written inside the output and inbox folders, each account in its own folder.
/// </summary>
public sealed partial class PathEscapeTests
{
    /// <summary>Names that would leave the folder, name a device, or clean to nothing.</summary>
    public static TheoryData<string> HostileNames() =>
    [
        "../../etc", "/abs/path", "..", ".", "...", "CON", "NUL", "con.txt", "aux.txt", "Com1", "LPT9.log", "a/b", "a\\b", "C:\\Windows",
        "<>", "\u202E\u200B", "", "   ", "failed", "labels", "index.html", "portfolio.json", "-rf", "~root", ".hidden", new string('x', 300),
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void ASlugIsOneSafeFolderNameInsideItsParent(string account)
    {
        var slug = AccountNames.Slug(account);

        Assert.Matches(SafeFolder(), slug);
        Assert.False(IsWindowsReserved(slug), slug);
        var parent = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "out"));
        Assert.Equal(parent, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(parent, slug))));
    }

    [Fact]
    public void NamesThatDifferGetDifferentFolders()
    {
        string[] names = ["Acme", "ACME", "acme", "Acmé", "acme.", "acme!", "a/b", "a\\b", "a b", new string('x', 300), new string('x', 299) + "y", "", "   ", "CON", "con"];

        var slugs = names.Select(AccountNames.Slug).ToList();

        Assert.Equal(names.Length, slugs.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("acme-marketing")]
    [InlineData("northwind_sales")]
    [InlineData("client42")]
    public void ANameThatIsAlreadyASafeFolderNameIsItsOwnFolder(string account) =>
        Assert.Equal(account, AccountNames.Slug(account));

    /// <summary>The same names through real runs: one run over an inbox, then <c>icp ingest --account</c>.</summary>
    [Trait("Category", "Slow")]
    [Collection(ProcessCollection.Name)]
    public sealed class EndToEnd : IDisposable
    {
        // Deep enough that a path climbing out of out/ or inbox/ four levels still lands inside the
        // test's folder, where it is seen.
        private readonly TempFolder _dir = new();
        private readonly string _root;
        private readonly string _inbox;
        private readonly string _out;
        private readonly string _sentinel;
        private readonly string _config;

        public EndToEnd()
        {
            _root = _dir.File(Path.Combine("l1", "l2", "l3", "l4"));
            _inbox = Path.Combine(_root, "inbox");
            _out = Path.Combine(_root, "out");
            _sentinel = Path.Combine(_root, "sentinel");
            Directory.CreateDirectory(_inbox);
            Directory.CreateDirectory(_sentinel);
            _config = IcpProcess.WriteConfig(_dir);
        }

        public void Dispose() => _dir.Dispose();

        private static IEnumerable<string> AccountColumnNames =>
            ["../../etc", "/abs/path", "..", "CON", "NUL", "aux.txt", "a/b", "a\\b", "<>", "index.html", "portfolio.json", "Acme", "ACME", "acme", new string('x', 300)];

        // Folder names this file system can hold (no separators; a backslash is an ordinary character on Linux and macOS).
        private static IEnumerable<string> InboxFolderNames =>
            OperatingSystem.IsWindows()
                ? ["index.html", "-rf", new string('y', 200)]
                : ["CON", "aux.txt", "a\\b", "up\\..\\..", "index.html", "-rf", new string('y', 250)];

        private static IEnumerable<string> OptionNames => ["../../etc", "/abs/path", "..", ".", "a/b", "a\\b", "CON", "", new string('z', 300)];

        [Fact]
        public void EveryOutputLandsInsideTheOutputFolderEachAccountInItsOwnFolder()
        {
            Arrange();

            var run = IcpProcess.Run(_dir.Path, null, "--config", _config, "--models-dir", Repo.Path("models"), "run", "--inbox", _inbox, "--out", _out);
            var ingests = OptionNames.Select((name, i) => IcpProcess.Run(_dir.Path, null, "--config", _config, "--models-dir", Repo.Path("models"),
                "ingest", Path.Combine(_dir.Path, "files", $"{i}.csv"), "--account", name, "--month", "2023-07", "--out", _out)).ToList();

            Assert.Equal(2, run.ExitCode);
            Assert.All(ingests, r => Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr));
            Assert.Empty(Directory.EnumerateFileSystemEntries(_sentinel));
            Assert.False(Directory.Exists("/abs"));
            AssertOnlyExpectedFoldersExist();
            AssertEverythingUnder(_out);
            AssertEverythingUnder(_inbox);
            foreach (var folder in Directory.EnumerateDirectories(_out).Select(Path.GetFileName))
            {
                Assert.Matches(SafeFolder(), folder!);
                Assert.False(IsWindowsReserved(folder!), folder);
            }

            using var portfolio = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out, "portfolio.json")));
            var accounts = portfolio.RootElement.GetProperty("accounts").EnumerateArray()
                .Select(a => (Name: a.GetProperty("account").GetString()!, Folder: a.GetProperty("links").GetProperty("pool").GetString()!.Split('/')[0], Pool: a.GetProperty("links").GetProperty("poolJson").GetString()!))
                .ToList();
            var expected = AccountColumnNames.Concat(InboxFolderNames).Concat(OptionNames).Distinct(StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Order(StringComparer.Ordinal), accounts.Select(a => a.Name).Order(StringComparer.Ordinal));
            Assert.Equal(accounts.Count, accounts.Select(a => a.Folder).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var (name, _, pool) in accounts)
            {
                // Each account's report is its own: no other account's run overwrote it.
                using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out, pool)));
                Assert.Equal(name, json.RootElement.GetProperty("account").GetString());
            }
        }

        [Fact]
        public void AFailedExportWithDotsAndSeparatorsInItsNameIsSetAsideInsideTheInbox()
        {
            if (OperatingSystem.IsWindows())
            {
                return; // Windows cannot hold such a name at all.
            }

            _ = Write(Path.Combine(_inbox, "x\\..\\..\\escape.csv"), "not an export\n");
            _ = Write(Path.Combine(_inbox, "CON", "x\\..\\..\\2023-05.csv"), "not an export either\n");

            var run = IcpProcess.Run(_dir.Path, null, "--config", _config, "--models-dir", Repo.Path("models"), "run", "--inbox", _inbox, "--out", _out);

            Assert.Equal(2, run.ExitCode);
            Assert.True(File.Exists(Path.Combine(_inbox, "failed", "x\\..\\..\\escape.csv")), run.Stdout);
            Assert.True(File.Exists(Path.Combine(_inbox, "failed", "x\\..\\..\\escape.csv.reason.txt")));
            Assert.True(File.Exists(Path.Combine(_inbox, "failed", "CON", "x\\..\\..\\2023-05.csv")), run.Stdout);
            Assert.Empty(Directory.EnumerateFileSystemEntries(_sentinel));
            AssertOnlyExpectedFoldersExist();
            AssertEverythingUnder(_inbox);
        }

        private void Arrange()
        {
            var rows = string.Concat(AccountColumnNames.Select((a, i) =>
                HostileCsv.Record($"Ana{i}", "Nair", $"https://www.linkedin.com/in/ana-{i}", "", "Northwind", "VP of Marketing", "21 May 2023", "Software Development", "201-500", a)));
            _ = Write(Path.Combine(_inbox, "agency.csv"), "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Industry,Company Size,Account\n" + rows);
            // Each file its own content: the ledger knows a file by its SHA-256.
            foreach (var (folder, i) in InboxFolderNames.Select((f, i) => (f, i)))
            {
                _ = Write(Path.Combine(_inbox, folder, "2023-06.csv"), Some.Export2023(Some.Row2023(url: $"https://www.linkedin.com/in/folder-{i}", position: "VP of Marketing")));
            }

            foreach (var i in Enumerable.Range(0, OptionNames.Count()))
            {
                _ = Write(Path.Combine(_dir.Path, "files", $"{i}.csv"), Some.Export2023(Some.Row2023(url: $"https://www.linkedin.com/in/option-{i}", position: "VP of Marketing")));
            }

            _ = Write(Path.Combine(_inbox, "x\\..\\..\\escape.csv"), "not an export\n");
        }

        private static string Write(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        // The test's folder holds what the test made, the database and the logs: nothing a run wrote elsewhere.
        private void AssertOnlyExpectedFoldersExist()
        {
            Assert.Subset(new HashSet<string> { "appsettings.json", "data", "files", "l1", "logs" }, Entries(_dir.Path));
            Assert.Equal(["l2"], Entries(_dir.File("l1")));
            Assert.Equal(["l3"], Entries(_dir.File(Path.Combine("l1", "l2"))));
            Assert.Equal(["l4"], Entries(_dir.File(Path.Combine("l1", "l2", "l3"))));
            Assert.Subset(new HashSet<string> { "inbox", "out", "sentinel" }, Entries(_root));
        }

        private static HashSet<string> Entries(string folder) => [.. Directory.EnumerateFileSystemEntries(folder).Select(e => Path.GetFileName(e))];

        private static void AssertEverythingUnder(string folder)
        {
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
            {
                var info = new FileInfo(entry);
                Assert.StartsWith(root, Path.GetFullPath(entry), StringComparison.Ordinal);
                Assert.False(info.Attributes.HasFlag(FileAttributes.ReparsePoint), $"{entry} is a link");
            }
        }
    }

    // Lower-case ASCII letters and digits, '-' and '_' inside, no dot: never "..", never "x.txt".
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,78}[a-z0-9]$|^[a-z0-9]$")]
    private static partial Regex SafeFolder();

    private static bool IsWindowsReserved(string name) =>
        Regex.IsMatch(name.Split('.')[0], "^(con|prn|aux|nul|com[0-9]|lpt[0-9])$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
}
