using System.Globalization;
using System.Text;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Ingestion;

/// <summary>
/// Seeded fuzzing of the reader: random quoting, separators and quotes and line breaks inside fields,
/// line endings, byte order marks and preambles. Every row written must come back as written.
/// </summary>
public sealed class CsvFuzzTests : IDisposable
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éüßçñøÅ—•·|&/()'";
    private static readonly string[] Tricky = [",", ";", "\t", "\"", "\"\"", "\n", "\r\n", " , ", "🚀", "Ω", "=1+2", "-", "@"];

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomlyQuotedRowsRoundTrip(int seed)
    {
        var rng = new Random(seed);
        var separator = rng.Next(4) switch { 0 => ';', 1 => '\t', _ => ',' };
        var newline = rng.Next(3) switch { 0 => "\r\n", _ => "\n" };
        var rows = Enumerable.Range(0, rng.Next(1, 300)).Select(i => RandomRow(rng, i)).ToList();
        var text = new StringBuilder();
        if (rng.Next(2) == 0)
        {
            text.Append(Some.NotesPreamble.Replace("\n", newline, StringComparison.Ordinal));
        }

        text.Append(string.Join(separator, "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"));
        foreach (var row in rows)
        {
            text.Append(newline);
            text.Append(string.Join(separator, row.Select(f => Encode(rng, f, separator))));
        }

        if (rng.Next(2) == 0)
        {
            text.Append(newline);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var path = _dir.Write("fuzz.csv", rng.Next(3) == 0 ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes);

        var (report, connections) = Ingest.File(path);

        Assert.Equal(rows.Count, report.DataRows);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(rows.Count, connections.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i][2], connections[i].ProfileUrl);
            Assert.Equal(rows[i][3], connections[i].Email);
            Assert.Equal(rows[i][4], connections[i].Company);
            Assert.Equal(rows[i][5], connections[i].Title);
            Assert.Equal(DateOnly.ParseExact(rows[i][6], "dd MMM yyyy", CultureInfo.InvariantCulture), connections[i].ConnectedOn);
        }
    }

    private static string[] RandomRow(Random rng, int i) =>
    [
        Text(rng, 1, 12),
        Text(rng, 1, 12),
        $"https://www.linkedin.com/in/p-{i:x}",
        rng.Next(10) == 0 ? $"p{i}@example.com" : "",
        Text(rng, 1, 40),
        Text(rng, 0, 60),
        new DateOnly(2015, 1, 1).AddDays(rng.Next(4000)).ToString("dd MMM yyyy", CultureInfo.InvariantCulture),
    ];

    // Values never start or end with white space: the reader trims fields, as it must for real exports.
    private static string Text(Random rng, int min, int max)
    {
        var sb = new StringBuilder();
        var length = rng.Next(min, max + 1);
        while (sb.Length < length)
        {
            sb.Append(rng.Next(6) == 0 ? Tricky[rng.Next(Tricky.Length)] : Alphabet[rng.Next(Alphabet.Length)].ToString());
        }

        return sb.ToString().Trim();
    }

    private static string Encode(Random rng, string field, char separator)
    {
        var mustQuote = field.Contains(separator, StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal)
            || field.Contains('\n', StringComparison.Ordinal) || field.Contains('\r', StringComparison.Ordinal);
        return mustQuote || rng.Next(3) == 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
