using System.Globalization;

namespace IcpScoring.Tests.Corpus;

/// <summary>
/// Outcome (b): exit 0; exactly <see cref="Rejects"/> are rejected, at their lines with their reasons;
/// the other rows are intact (the counts), and <c>connections + duplicates + rejected</c> equals
/// <see cref="RowsRead"/>, the data rows the builder wrote.
/// </summary>
public sealed record Read(long RowsRead, long Connections, params Rejected[] Rejects) : Outcome
{
    public long Duplicates { get; init; }

    public long Hidden { get; init; }

    public override string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var counts = string.Create(c, $"exit 0: {RowsRead:N0} rows = {Connections:N0} connections + {Duplicates} duplicates + {Rejects.Length} rejected");
        return Rejects.Length == 0
            ? counts
            : counts + "; " + string.Join("; ", Rejects.Select(r => string.Create(c, $"line {r.Line:N0} “{r.Phrase}”")));
    }
}
