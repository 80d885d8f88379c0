using IcpScoring.Storage;

namespace IcpScoring.Drift;

/// <summary>A month's snapshot with its rows, and the file-level counts of the export behind it.</summary>
internal sealed record SnapshotData(SnapshotInfo Info, IReadOnlyList<SnapshotRow> Rows, long FileRows, long FileRejected)
{
    public double MatchRate => Info.Scored == 0 ? 0 : Info.IcpMatched / (double)Info.Scored;
}
