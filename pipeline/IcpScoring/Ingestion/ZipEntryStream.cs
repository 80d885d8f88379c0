namespace IcpScoring.Ingestion;

/// <summary>
/// The inflated bytes of a zip entry, checked as they pass: an entry's declared size can lie, so
/// inflating past it is refused as a zip bomb; and the entry must end at its declared size with the
/// CRC-32 the archive records, which .NET does not check, so a damaged download is never read as if
/// it were whole.
/// </summary>
internal sealed class ZipEntryStream(Stream inner, string name, long declaredLength, uint declaredCrc) : ForwardOnlyStream
{
    private static readonly uint[] Table = CreateTable();

    private long _read;
    private uint _crc = uint.MaxValue;
    private bool _checked;

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _read += n;
        if (_read > declaredLength)
        {
            throw new UnreadableExportException(name, "inflates past its declared size; refused as a zip bomb");
        }

        if (n > 0)
        {
            Update(buffer[..n]);
        }
        else if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            Check();
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

    private void Check()
    {
        if (_read != declaredLength)
        {
            throw new UnreadableExportException(name, $"is damaged: it inflates to {_read:N0} bytes where the zip declares {declaredLength:N0}; download the export again");
        }

        if (~_crc != declaredCrc)
        {
            throw new UnreadableExportException(name, "is damaged: its bytes fail the zip's CRC-32 check; download the export again");
        }
    }

    private void Update(ReadOnlySpan<byte> bytes)
    {
        var crc = _crc;
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _crc = crc;
    }

    // CRC-32 as zip uses it (IEEE 802.3, reflected polynomial 0xEDB88320).
    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (var i = 0u; i < table.Length; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
