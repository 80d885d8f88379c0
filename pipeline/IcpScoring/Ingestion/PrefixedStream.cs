namespace IcpScoring.Ingestion;

/// <summary>
/// A forward-only stream that returns buffered bytes first, then the rest of another stream:
/// lets the reader look at a file's head (encoding, preamble, header) without seeking, which
/// zip entries and transcoding streams cannot do.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int offset, int count, Stream rest) : ForwardOnlyStream
{
    private int _offset = offset;
    private int _count = count;

    public override int Read(Span<byte> buffer)
    {
        if (_count > 0)
        {
            var n = Math.Min(_count, buffer.Length);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            _count -= n;
            return n;
        }

        return rest.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
