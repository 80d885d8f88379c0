namespace IcpScoring.Pipeline;

/// <summary>
/// A file or folder name that looks like a month (<see cref="MonthNames"/>): the name as written,
/// and either the month it means (<c>YYYY-MM</c>) or why it is not one.
/// </summary>
internal sealed record MonthInName(string Written, string? Month, string? Problem)
{
    /// <summary>Whether the month was read from another spelling than <c>YYYY-MM</c> (<c>2026_11</c>).</summary>
    public bool ReadAs => Month is not null && Written != Month;
}
