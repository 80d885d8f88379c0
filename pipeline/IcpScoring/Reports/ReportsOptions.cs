namespace IcpScoring.Reports;

/// <summary>The <c>Reports</c> section.</summary>
internal sealed record ReportsOptions
{
    /// <summary>Emails are personal data: targets.csv carries them only when this is true.</summary>
    public bool IncludeEmails { get; init; }

    /// <summary>The largest number of rows in targets.csv (the best first); 0 for all.</summary>
    public int MaxTargets { get; init; }

    /// <summary>The best targets listed under "Contact first" in pool.html and pool.json.</summary>
    public int ContactFirst { get; init; } = 25;

    /// <summary>Companies with two or more ICP connections listed on pool.html and in pool.json (companies.csv has all).</summary>
    public int Companies { get; init; } = 25;

    /// <summary>Connections listed under "Needs enrichment" in pool.html and pool.json (all are counted); 0 to leave the list out.</summary>
    public int NeedsEnrichment { get; init; } = 25;

    public IEnumerable<string> Validate()
    {
        if (MaxTargets < 0)
        {
            yield return "Reports:MaxTargets must not be negative";
        }

        if (ContactFirst is < 1 or > 1000)
        {
            yield return "Reports:ContactFirst must be between 1 and 1000";
        }

        if (Companies is < 1 or > 1000)
        {
            yield return "Reports:Companies must be between 1 and 1000";
        }

        if (NeedsEnrichment is < 0 or > 1000)
        {
            yield return "Reports:NeedsEnrichment must be between 0 and 1000";
        }
    }
}
