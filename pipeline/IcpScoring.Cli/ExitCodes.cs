namespace IcpScoring.Cli;

/// <summary>The exit-code contract of PRODUCT.md §7.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int InternalFailure = 1;
    public const int BadInput = 2;
}
