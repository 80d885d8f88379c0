namespace IcpScoring.Pipeline;

/// <summary>A run's outcome: every file found and what became of it, and where the portfolio page is.</summary>
internal sealed record RunSummary(IReadOnlyList<FileRunResult> Files, string PortfolioPage)
{
    public int Processed => Files.Count(f => f.Status == FileRunResult.Processed);

    public int Skipped => Files.Count(f => f.Status is FileRunResult.AlreadyIngested or FileRunResult.Busy);

    public int Failed => Files.Count(f => f.Status == FileRunResult.Failed);
}
