namespace IcpScoring.Storage;

/// <summary>
/// How far a profile's label queue is: of <paramref name="Queued"/> people, how many are labeled
/// (by any source) and how many were skipped; and the profile's labels in all, ICP and not.
/// </summary>
internal sealed record LabelProgress(int Queued, int Labeled, int Skipped, int Labels, int Icp)
{
    public int Remaining => Queued - Labeled - Skipped;

    public int NotIcp => Labels - Icp;
}
