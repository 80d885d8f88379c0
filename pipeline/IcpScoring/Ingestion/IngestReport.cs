namespace IcpScoring.Ingestion;

/// <summary>
/// The accounting of one export: every data row read ends as a connection (hidden profiles
/// included), a duplicate or a reject, so <c>Connections + Duplicates + Rejected == DataRows</c>.
/// </summary>
public sealed class IngestReport(string file, int maxRejectsListed)
{
    private readonly List<RowReject> _rejects = [];

    public string File { get; } = file;

    /// <summary>The format found, such as <c>linkedin-2023</c>, <c>linkedin-2020-excel</c> or <c>apollo</c>.</summary>
    public string Format { get; internal set; } = "unknown";

    public string Encoding { get; internal set; } = "utf-8";

    /// <summary>The physical line of the header (after a preamble, when there is one).</summary>
    public int HeaderLine { get; internal set; }

    public long DataRows { get; private set; }

    public long Connections { get; private set; }

    public long Hidden { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    public long WithTitle { get; internal set; }

    public long WithIndustry { get; internal set; }

    public long WithCompanySize { get; internal set; }

    /// <summary>
    /// Accepted rows of a known degree other than 1st (2nd, 3rd, out of network): leads outside the
    /// account's network, counted in <see cref="Connections"/> as rows read, kept out of its pool.
    /// </summary>
    public long OutsideNetwork { get; internal set; }

    /// <summary>The header of the file's connection-degree column, or null when it has none.</summary>
    public string? DegreeColumn { get; internal set; }

    /// <summary>Whether the file is LinkedIn's own export (any era, enriched or not), which lists 1st-degree connections only.</summary>
    public bool LinkedInExport { get; internal set; }

    /// <summary>Connections whose industry or size came from the company directory.</summary>
    public long FromDirectory { get; internal set; }

    public DateOnly? ConnectedOnMin { get; private set; }

    public DateOnly? ConnectedOnMax { get; private set; }

    /// <summary>The first rejects, in file order (all are counted in <see cref="Rejected"/>).</summary>
    public IReadOnlyList<RowReject> Rejects => _rejects;

    /// <summary>Connections per account, for files with an Account column.</summary>
    public SortedDictionary<string, long> Accounts { get; } = new(StringComparer.Ordinal);

    internal void Reject(long line, string reason)
    {
        DataRows++;
        Rejected++;
        if (_rejects.Count < maxRejectsListed)
        {
            _rejects.Add(new RowReject(line, reason));
        }
    }

    internal void Duplicate()
    {
        DataRows++;
        Duplicates++;
    }

    internal void Accept(ExportRow row)
    {
        DataRows++;
        Connections++;
        if (row.IsHidden)
        {
            Hidden++;
        }

        if (row.ConnectedOn is { } d)
        {
            ConnectedOnMin = ConnectedOnMin is { } min && min <= d ? min : d;
            ConnectedOnMax = ConnectedOnMax is { } max && max >= d ? max : d;
        }

        if (row.Account.Length > 0)
        {
            Accounts[row.Account] = Accounts.GetValueOrDefault(row.Account) + 1;
        }
    }
}
