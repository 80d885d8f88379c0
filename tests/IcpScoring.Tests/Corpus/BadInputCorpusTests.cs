using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Corpus;

/// <summary>
/// The bad-input corpus (<see cref="BadInputs"/>) through the command line's entry point, in this
/// process: each input ends in its expected outcome, exit 2 naming the file and the problem with
/// nothing written, or exit 0 with exactly the expected rows rejected at their lines.
/// </summary>
public sealed class BadInputCorpusTests
{
    public static TheoryData<string> InProcess => BadInputs.Names(Runner.InProcess);

    [Theory]
    [MemberData(nameof(InProcess))]
    public void BadInputEndsInItsExpectedOutcome(string name) => CorpusAssert.Outcome(BadInputs.Get(name));

    [Fact]
    public void CorpusHoldsEveryCaseTheIssueNamesAndAtLeastForty()
    {
        string[] required =
        [
            "cut-mid-row", "cut-mid-quote", "cut-mid-utf8", "utf16-le", "utf16-be", "latin-1", "windows-1252", "semicolon-separated",
            "header-repeated", "extra-columns", "missing-columns", "field-50mb", "million-empty-lines", "binary-file", "nul-in-field",
            "zip-that-is-not-a-zip", "zip-bomb", "zip-entry-escapes-folder", "zip-without-connections", "labels-third-value",
            "settings-bad-cron-run", "settings-bad-cron-serve", "settings-negative-rate-run", "settings-negative-rate-serve",
        ];

        Assert.All(required, name => Assert.Contains(BadInputs.All, c => c.Name == name));
        Assert.True(BadInputs.All.Count >= 40, $"{BadInputs.All.Count} cases");
        Assert.Equal(BadInputs.All.Count, BadInputs.All.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ReadmeTableIsTheCorpus()
    {
        using var dir = new TempFolder();
        var produced = dir.Write("README.md", CorpusReadme.Text());

        Approvals.Verify(produced, "Corpus/README.md");
    }
}
