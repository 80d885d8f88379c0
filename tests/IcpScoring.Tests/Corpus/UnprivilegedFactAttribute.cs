namespace IcpScoring.Tests.Corpus;

/// <summary>
/// A test that needs file permissions to apply: skipped, with the reason, where icp cannot be run as
/// a user they apply to (not Linux, or root without setpriv).
/// </summary>
public sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        if (CorpusRun.UnprivilegedUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
