using System.Text;
using System.Text.Unicode;

namespace IcpScoring.Ingestion;

/// <summary>
/// Turns an export's bytes into UTF-8, whatever Excel or another tool saved them as: UTF-8 with or
/// without a byte order mark, UTF-16 (with a mark, or detected by its zero bytes), or Windows-1252
/// (Excel's "CSV" on Windows) when the bytes are not valid UTF-8. Binary files are refused.
/// </summary>
internal static class TextDecoder
{
    public const int HeadBytes = 64 * 1024;

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A UTF-8 stream of the text (without a byte order mark) and the name of the encoding found.</summary>
    public static (Stream Utf8, string Encoding) Open(Stream raw, string name)
    {
        var head = new byte[HeadBytes];
        var n = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, n);

        if (bytes.StartsWith("\uFEFF"u8))
        {
            return (new PrefixedStream(head, 3, n - 3, raw), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            var utf32 = bytes[0] == 0xFF ? new UTF32Encoding(bigEndian: false, byteOrderMark: false) : new UTF32Encoding(bigEndian: true, byteOrderMark: false);
            return (Transcode(new PrefixedStream(head, 4, n - 4, raw), utf32), "utf-32");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Transcode(new PrefixedStream(head, 2, n - 2, raw), new UnicodeEncoding(bigEndian: false, byteOrderMark: false)), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Transcode(new PrefixedStream(head, 2, n - 2, raw), new UnicodeEncoding(bigEndian: true, byteOrderMark: false)), "utf-16be");
        }

        // A copy cut short by a crash can end in a run of NUL bytes: that run is damage in the last
        // rows (rejected as such), not a sign that the file is binary or UTF-16.
        var text = bytes.TrimEnd((byte)0);
        if (text.IsEmpty && n > 0)
        {
            throw new UnreadableExportException(name, "holds only NUL bytes, not text; expected a CSV export");
        }

        var zeros = text.Count((byte)0);
        if (zeros > 0 && zeros * 4 >= text.Length)
        {
            // Text in UTF-16 without a mark has a zero in every other byte (ASCII letters).
            var evenZeros = 0;
            for (var i = 0; i < text.Length; i += 2)
            {
                evenZeros += text[i] == 0 ? 1 : 0;
            }

            if (zeros * 10 >= text.Length * 4 && evenZeros * 10 <= zeros)
            {
                return (Transcode(new PrefixedStream(head, 0, n, raw), new UnicodeEncoding(bigEndian: false, byteOrderMark: false)), "utf-16le");
            }

            if (zeros * 10 >= text.Length * 4 && evenZeros * 10 >= zeros * 9)
            {
                return (Transcode(new PrefixedStream(head, 0, n, raw), new UnicodeEncoding(bigEndian: true, byteOrderMark: false)), "utf-16be");
            }

            throw new UnreadableExportException(name, "is a binary file, not text; expected a CSV export");
        }

        if (LooksBinary(text))
        {
            throw new UnreadableExportException(name, "is a binary file, not text; expected a CSV export");
        }

        if (Utf8.IsValid(TrimIncompleteSequence(bytes)))
        {
            return (new PrefixedStream(head, 0, n, raw), "utf-8");
        }

        return (Transcode(new PrefixedStream(head, 0, n, raw), Encoding.GetEncoding(1252)), "windows-1252");
    }

    private static Stream Transcode(Stream inner, Encoding encoding) =>
        Encoding.CreateTranscodingStream(inner, encoding, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: false);

    // Control characters other than tab, CR and LF do not occur in exports; images and executables are full of them.
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var control = 0;
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' and not 0)
            {
                control++;
            }
        }

        return control * 100 > bytes.Length;
    }

    // The head may end inside a multi-byte character; that is not invalid UTF-8.
    private static ReadOnlySpan<byte> TrimIncompleteSequence(ReadOnlySpan<byte> bytes)
    {
        var i = bytes.Length;
        var back = 0;
        while (i > 0 && back < 3 && (bytes[i - 1] & 0xC0) == 0x80)
        {
            i--;
            back++;
        }

        if (i > 0 && bytes[i - 1] >= 0xC0)
        {
            return bytes[..(i - 1)];
        }

        return bytes;
    }
}
