using System.Globalization;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Reports;

namespace IcpScoring.Pipeline;

/// <summary>
/// <c>icp score</c>: any export or list (a Sales Navigator lead list, an Apollo export) scored by one
/// model without the ledger or the reports. Every input row comes out in its order with all its
/// columns and <c>Score</c>, <c>Tier</c>, <c>IcpMatch</c> and <c>Top Reasons</c> appended (a hidden
/// profile has nothing to score and says so); emails are blanked unless the settings allow them;
/// rejected rows are listed apart. The file is read twice, streaming: once for its distinct inputs,
/// which are scored once each, and once to write.
/// </summary>
internal sealed class ListScoring(IngestionOptions options, CompanyDirectory directory, ModelOptions model, bool includeEmails)
{
    public static readonly string[] Appended = ["Score", "Tier", "IcpMatch", "Top Reasons"];

    public ListScoreResult Score(string path, IcpModel scorer, Stream output, CancellationToken cancellationToken = default)
    {
        var normalizer = new ConnectionNormalizer(directory);
        var index = new Dictionary<(string Title, int Industry, char Size), int>();
        var inputs = new List<ModelInput>();
        IngestReport report;
        using (var reader = Open(path))
        {
            foreach (var row in reader.Rows(cancellationToken))
            {
                reader.Report.Accept(row);
                if (!row.IsHidden)
                {
                    InputIndex(normalizer.Normalize(row), index, inputs);
                }
            }

            report = reader.Report;
        }

        ExportIngestion.EnsureSomethingWasRead(report);
        var scored = scorer.Score(inputs, model with { TopReasons = Math.Max(model.TopReasons, 1) });
        var counts = new int[3];
        using (var reader = Open(path))
        {
            var header = reader.Layout.Header;
            var emails = reader.Layout.Columns(ColumnRole.Email).ToArray();
            var names = header.Concat(Appended.Select(a => Unique(a, header))).ToList();
            SpreadsheetCsv.WriteTo(output, names, Rows(reader, header.Count, emails, normalizer, index, scored, counts, cancellationToken));
        }

        return new ListScoreResult(report, counts[0], counts[1], counts[2], scorer);
    }

    private IEnumerable<IEnumerable<string?>> Rows(
        ExportReader reader, int columns, int[] emails, ConnectionNormalizer normalizer, Dictionary<(string, int, char), int> index, IReadOnlyList<ScoredInput> scored, int[] counts, CancellationToken cancellationToken)
    {
        foreach (var row in reader.Rows(cancellationToken))
        {
            var fields = reader.CurrentFields();
            var cells = new string?[columns + Appended.Length];
            Array.Copy(fields, cells, Math.Min(fields.Length, columns));
            if (!includeEmails)
            {
                foreach (var e in emails)
                {
                    cells[e] = "";
                }
            }

            if (row.IsHidden)
            {
                cells[columns + 3] = "hidden or closed profile: nothing to score";
                counts[2]++;
            }
            else
            {
                var s = scored[InputIndex(normalizer.Normalize(row), index, null)];
                cells[columns] = s.Probability.ToString("0.0000", CultureInfo.InvariantCulture);
                cells[columns + 1] = s.Tier;
                cells[columns + 2] = s.IsMatch ? "true" : "false";
                cells[columns + 3] = string.Join(TargetsCsv.ReasonSeparator, s.Reasons);
                counts[0]++;
                counts[1] += s.IsMatch ? 1 : 0;
            }

            yield return cells;
        }
    }

    private ExportReader Open(string path) => ExportReader.Open(path, options, ColumnAliases.Create(options.Columns));

    // A column the input already has keeps its name; the appended one gets a suffix.
    private static string Unique(string name, IReadOnlyList<string> header) =>
        header.Contains(name, StringComparer.OrdinalIgnoreCase) ? name + " (icp)" : name;

    private static int InputIndex(Connection c, Dictionary<(string, int, char), int> index, List<ModelInput>? inputs)
    {
        var key = (c.CleanTitle, c.Industry?.Id ?? 0, c.CompanySize?.Code ?? '\0');
        if (!index.TryGetValue(key, out var i))
        {
            i = inputs!.Count;
            index[key] = i;
            inputs.Add(ModelFeatures.From(c));
        }

        return i;
    }
}

/// <summary>What <c>icp score</c> did: the reader's accounting (rejects with their lines), rows scored, ICP matches, hidden profiles.</summary>
internal sealed record ListScoreResult(IngestReport Report, long Scored, long Matches, long Hidden, IcpModel Model);
