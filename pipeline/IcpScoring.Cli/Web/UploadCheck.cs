using IcpScoring.Ingestion;

namespace IcpScoring.Cli.Web;

/// <summary>What the upload page found in a file before it went into the inbox, kept for the job's page.</summary>
internal sealed record UploadCheck(string Account, string Month, string FileName, string Sha256, string Format, long DataRows, long Connections, long Hidden, long Duplicates, long Rejected, IReadOnlyList<RowReject> FirstRejects)
{
    /// <summary>The profile that scores the account, and where that choice comes from.</summary>
    public string Profile { get; init; } = "";

    public string ProfileSource { get; init; } = "";
}
