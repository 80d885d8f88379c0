namespace IcpScoring.Reports;

/// <summary>The <c>Reports</c> section.</summary>
internal sealed record ReportsOptions
{
    /// <summary>Emails are personal data: targets.csv carries them only when this is true.</summary>
    public bool IncludeEmails { get; init; }

    /// <summary>The largest number of rows in targets.csv (the best first); 0 for all.</summary>
    public int MaxTargets { get; init; }

    public IEnumerable<string> Validate()
    {
        if (MaxTargets < 0)
        {
            yield return "Reports:MaxTargets must not be negative";
        }
    }
}
