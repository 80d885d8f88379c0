namespace IcpScoring.Storage;

/// <summary>One account's month: a <see cref="SnapshotBatch"/> of one snapshot.</summary>
internal sealed class SnapshotWriter : IDisposable
{
    private readonly SnapshotBatch _batch;
    private readonly string _account;
    private readonly string _month;

    internal SnapshotWriter(SnapshotBatch batch, string account, string month)
    {
        _batch = batch;
        _account = account;
        _month = month;
    }

    public long Count => _batch.Count;

    public void Add(SnapshotRow row) => _batch.Add(_account, row);

    public bool Commit(long connections, long hidden, long scored, long icpMatched, long addressablePool, string summaryJson)
    {
        ArgumentNullException.ThrowIfNull(summaryJson);
        return _batch.Commit([new SnapshotHeader(_account, _month, connections, hidden, scored, icpMatched, addressablePool, summaryJson)])[_account];
    }

    public void Dispose() => _batch.Dispose();
}
