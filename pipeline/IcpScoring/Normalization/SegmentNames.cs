namespace IcpScoring.Normalization;

/// <summary>
/// Seniority and function as reports name their segments, from the enum names that model inputs
/// and snapshots store; a connection without a title falls in "(no title)".
/// </summary>
internal static class SegmentNames
{
    public const string NoTitle = "(no title)";

    public static string Seniority(string stored) =>
        Enum.TryParse<Seniority>(stored, out var s) && s != Normalization.Seniority.Unknown ? TitleTaxonomy.Label(s) : NoTitle;

    public static string Function(string stored) =>
        Enum.TryParse<JobFunction>(stored, out var f) && f != JobFunction.Unknown ? TitleTaxonomy.Label(f) : NoTitle;
}
