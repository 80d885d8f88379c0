using System.Buffers.Binary;
using System.Text;
using IcpScoring.Model;

namespace IcpScoring.Storage;

/// <summary>
/// Snapshot rows on their way to the database, in a temporary file beside it rather than in
/// memory: a million-row export costs the same memory as a thousand-row one. The file has no
/// name from the moment it is opened (on Linux), so a killed process leaves nothing behind; the
/// name it has for that moment carries its writer, so one killed in between is removed by the
/// next spill in the folder. Rows are read back once, in the order they were added, as UTF-8
/// spans ready to bind.
/// </summary>
internal sealed class SnapshotSpill : IDisposable
{
    private const int Strings = 8;
    private const string Prefix = ".snapshot-spill-";

    private readonly FileStream _file;
    private byte[] _buffer = new byte[1024];
    private bool _reading;

    public SnapshotSpill(string folder)
    {
        Directory.CreateDirectory(folder);
        AtomicFiles.RemoveLeftovers(folder, Prefix);
        var path = Path.Combine(folder, Prefix + AtomicFiles.WriterSuffix());
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 20, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }
    }

    public long Count { get; private set; }

    public void Add(int account, SnapshotRow row)
    {
        ObjectDisposedException.ThrowIf(_reading, this);
        string[] texts = [row.Key, row.Title, row.Company, row.Industry, row.CompanySize, row.Seniority, row.Function, row.Tier];
        var length = 4 + 8 + 1 + 4 + (Strings * 4);
        foreach (var t in texts)
        {
            length += Encoding.UTF8.GetMaxByteCount(t.Length);
        }

        if (_buffer.Length < length + 4)
        {
            _buffer = new byte[Math.Max(length + 4, _buffer.Length * 2)];
        }

        var span = _buffer.AsSpan(4);
        var at = 0;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], account);
        at += 4;
        BinaryPrimitives.WriteDoubleLittleEndian(span[at..], row.Probability);
        at += 8;
        span[at++] = (byte)((row.IsMatch ? 1 : 0) | (row.IsHidden ? 2 : 0) | (row.HasFirmographics ? 4 : 0) | (row.ConnectedOn is null ? 0 : 8));
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], row.ConnectedOn?.DayNumber ?? 0);
        at += 4;
        foreach (var t in texts)
        {
            var n = Encoding.UTF8.GetBytes(t, span[(at + 4)..]);
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], n);
            at += 4 + n;
        }

        BinaryPrimitives.WriteInt32LittleEndian(_buffer, at);
        _file.Write(_buffer, 0, at + 4);
        Count++;
    }

    /// <summary>Every row, in the order added; the spans of a row are valid until the next one is read.</summary>
    public IEnumerable<SpilledRow> Read()
    {
        _reading = true;
        _file.Flush();
        _file.Position = 0;
        var header = new byte[4];
        for (long k = 0; k < Count; k++)
        {
            _file.ReadExactly(header);
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (_buffer.Length < length)
            {
                _buffer = new byte[length];
            }

            _file.ReadExactly(_buffer, 0, length);
            yield return new SpilledRow(_buffer, length);
        }
    }

    public void Dispose()
    {
        try
        {
            _file.Dispose();
        }
        catch (Exception e) when (FileSystemFaults.Is(e))
        {
            // Disposing flushes what is buffered, and a full disk refuses it: those rows were not
            // wanted any more (the file is being deleted), and the failure that brought us here, if
            // any, is the one worth reporting.
        }
    }

    /// <summary>One row read back: fixed fields first, then the eight texts as UTF-8.</summary>
    internal readonly struct SpilledRow(byte[] buffer, int length)
    {
        public int Account => BinaryPrimitives.ReadInt32LittleEndian(buffer);

        public double Probability => BinaryPrimitives.ReadDoubleLittleEndian(buffer.AsSpan(4));

        private byte Flags => buffer[12];

        public bool IsMatch => (Flags & 1) != 0;

        public bool IsHidden => (Flags & 2) != 0;

        public bool HasFirmographics => (Flags & 4) != 0;

        public DateOnly? ConnectedOn => (Flags & 8) != 0 ? DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(13))) : null;

        /// <summary>Key, title, company, industry, size, seniority, function, tier: 0 to 7.</summary>
        public ReadOnlySpan<byte> Text(int index)
        {
            var at = 17;
            for (var i = 0; ; i++)
            {
                var n = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(at));
                if (i == index)
                {
                    return buffer.AsSpan(at + 4, n);
                }

                at += 4 + n;
                if (at > length)
                {
                    throw new InvalidDataException("a spilled snapshot row is cut short");
                }
            }
        }
    }
}
