using System.Globalization;
using System.Text;

namespace IcpScoring.Tests.Corpus;

/// <summary>The corpus as a Markdown table: README.md beside the tests, checked against <see cref="BadInputs"/>.</summary>
public static class CorpusReadme
{
    public static string Text()
    {
        var c = CultureInfo.InvariantCulture;
        var all = BadInputs.All;
        var refused = all.Count(x => x.Expected is Refused);
        var sb = new StringBuilder();
        sb.Append(c, $"""
            # The bad-input corpus

            {all.Count} broken inputs, each run through the real `icp` command line with the outcome it must
            have ({refused} refused, {all.Count - refused} read with rejects). The cases are
            [`BadInputs.cs`](BadInputs.cs); this table is made from them, and a test fails when the two differ
            (after a deliberate change, run the tests with `ICP_APPROVE=1` and review the diff).

            Two outcomes, and nothing in between:

            - **exit 2**: nothing on standard output, exactly one line on standard error that names the file
              (`path`, or `path!entry` inside a zip) or the settings key, and says each phrase quoted below;
              nothing is written (the case's folder is the same afterwards; for settings, not even a log).
            - **exit 0**: exactly the rows listed are rejected, at those physical lines (1-based; a 2023
              export has its preamble on lines 1-3, its header on line 4, its first row on line 5) with a
              reason holding the phrase; the other rows are read (the counts of `icp inspect --json`, or of
              `icp train --json`), and connections + duplicates + rejected equals the rows the case wrote.

            Most cases run in the test process through the command line's entry point
            (`BadInputCorpusTests`); those marked *process* run the real executable (`BadInputProcessTests`):
            settings (so that a refused `icp serve` is seen not to start), the 50 MB field (under a 128 MiB
            GC heap limit, so that buffering it whole fails the test), standard input, and a file the user may
            not read (run as `nobody` through `setpriv` when the tests run as root; skipped, with the
            reason, where that is impossible). Large inputs are generated when the test runs.

            | case | input | command | expected outcome |
            |---|---|---|---|

            """);
        foreach (var x in all)
        {
            var how = x.Runner == Runner.InProcess ? "" : " (*process*)";
            sb.Append(c, $"| `{x.Name}` | {Cell(x.Input)} | {x.Command}{how} | {Cell(x.Expected.Describe())} |\n");
        }

        sb.Append("""

            Not in the corpus: a file that shrinks or vanishes while it is being read (Linux keeps an open
            file readable, and a shorter read is a cut file, above); a named pipe with no writer (icp waits
            for the writer, as `cat` does).

            """);
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
