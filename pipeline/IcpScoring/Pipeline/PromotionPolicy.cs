namespace IcpScoring.Pipeline;

/// <summary>When a trained challenger becomes the champion.</summary>
internal enum PromotionPolicy
{
    /// <summary>Unless it is shown worse than the champion on rows neither trained on (the whole AUC-difference interval below minus the tolerance), or too few such rows exist to tell.</summary>
    Auto,
    Always,
    Never,
}
