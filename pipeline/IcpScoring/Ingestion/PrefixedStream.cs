namespace IcpScoring.Ingestion;

/// <summary>
/// A forward-only stream that returns buffered bytes first, then the rest of another stream:
/// lets the reader look at a file's head (encoding, preamble, header) without seeking, which
/// zip entries and transcoding streams cannot do.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, int offset, int count, Stream rest) : Stream
{
    private int _offset = offset;
    private int _count = count;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
