namespace IcpScoring.Pipeline;

/// <summary>When a trained challenger becomes the champion.</summary>
internal enum PromotionPolicy
{
    /// <summary>When it is not worse than the champion on the same holdout, within the tolerance.</summary>
    Auto,
    Always,
    Never,
}
