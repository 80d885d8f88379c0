namespace IcpScoring.Model.Promotion;

/// <summary>Which rows a challenger and the champion were compared on.</summary>
internal static class ComparisonBasis
{
    /// <summary>Rows of the challenger's holdout whose input the champion never trained on: both models as they are.</summary>
    public const string OutsideBoth = "outside-both";

    /// <summary>The challenger's whole holdout, the champion's recipe refit on the challenger's training part.</summary>
    public const string Refit = "refit";

    /// <summary>Not compared.</summary>
    public const string None = "none";

    public static string Short(string basis, string? champion) => basis switch
    {
        OutsideBoth => $"own holdout, outside {champion}'s training rows",
        Refit => $"own holdout, {champion}'s recipe refit",
        _ => "not compared",
    };
}
