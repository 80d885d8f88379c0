namespace IcpScoring.Cli.Web;

/// <summary>The <c>Web</c> section of appsettings.json: the upload and retrain pages of <c>icp serve</c>.</summary>
internal sealed record WebOptions
{
    /// <summary>The largest file a page accepts; a bigger upload is refused before it is stored.</summary>
    public int MaxUploadMegabytes { get; init; } = 200;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    public IEnumerable<string> Validate()
    {
        if (MaxUploadMegabytes is < 1 or > 4096)
        {
            yield return "Web:MaxUploadMegabytes must be between 1 and 4096";
        }
    }
}
