namespace IcpScoring.Ingestion;

/// <summary>
/// Stops reading a zip entry past a byte limit: an entry's declared size can lie, so the limit
/// is enforced on what is actually inflated.
/// </summary>
internal sealed class LimitedStream(Stream inner, long limit, Func<Exception> onExceeded) : ForwardOnlyStream
{
    private long _read;

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _read += n;
        if (_read > limit)
        {
            throw onExceeded();
        }

        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
