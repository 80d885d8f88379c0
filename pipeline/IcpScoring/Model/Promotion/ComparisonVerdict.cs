namespace IcpScoring.Model.Promotion;

/// <summary>What a comparison with the champion says, before any policy overrides it.</summary>
internal static class ComparisonVerdict
{
    public const string NoChampion = "no-champion";
    public const string ChampionUnusable = "champion-unusable";
    public const string NotWorse = "not-worse";
    public const string Worse = "worse";

    /// <summary>Too few rows neither model trained on to tell: the champion stays under <c>--promote auto</c>.</summary>
    public const string TooFewRows = "too-few-rows";

    /// <summary>Whether <c>--promote auto</c> promotes on this verdict.</summary>
    public static bool Promotes(string verdict) => verdict is NoChampion or ChampionUnusable or NotWorse;

    public static string Words(string verdict) => verdict switch
    {
        NoChampion => "there was no champion",
        ChampionUnusable => "the champion cannot be used",
        NotWorse => "not worse",
        Worse => "worse",
        TooFewRows => "too few rows to tell",
        _ => verdict,
    };
}
