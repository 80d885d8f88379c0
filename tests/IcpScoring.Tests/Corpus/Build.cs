using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Corpus;

/// <summary>Builders for the corpus's inputs: rows, exports, encodings, zips and the damage done to them.</summary>
public static class Build
{
    static Build() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A distinct 2023-era row (its own profile URL), optionally with a bad date or another company or title.</summary>
    public static string Person(int i, string connectedOn = "21 May 2023", string company = "Northwind", string position = "Head of Marketing") =>
        Some.Row2023(first: $"P{i}", url: $"https://www.linkedin.com/in/p{i}", company: company, position: position, connectedOn: connectedOn);

    /// <summary>Rows <paramref name="from"/> to <paramref name="to"/> (inclusive) of <see cref="Person"/>.</summary>
    public static string[] People(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(i => Person(i))];

    /// <summary>A 2023-era export: preamble on lines 1-3, header on line 4, the rows from line 5, no final newline.</summary>
    public static string Export(params string[] rows) => Some.Export2023(rows);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Encode(string text, int codePage, byte[]? mark = null) => [.. mark ?? [], .. Encoding.GetEncoding(codePage).GetBytes(text)];

    /// <summary>The export with every line break replaced, for CR-only (old Mac Excel) files.</summary>
    public static string LineBreaks(string text, string lineBreak) => text.Replace("\n", lineBreak, StringComparison.Ordinal);

    /// <summary>Writes a file in pieces: a repeated byte run is streamed, never held as one string.</summary>
    public static string Stream(CaseFolder dir, string name, params (byte[] Bytes, long Repeat)[] pieces)
    {
        var path = dir.File(name);
        using var file = File.Create(path);
        foreach (var (bytes, repeat) in pieces)
        {
            for (var i = 0L; i < repeat; i++)
            {
                file.Write(bytes);
            }
        }

        return path;
    }

    public static byte[] Zip(params (string Entry, byte[] Bytes)[] entries) => Zip(CompressionLevel.Optimal, entries);

    public static byte[] Zip(CompressionLevel level, params (string Entry, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, bytes) in entries)
            {
                using var s = zip.CreateEntry(entry, level).Open();
                s.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A one-entry zip with a field of its (only) entry changed in both the local header and the central directory.</summary>
    public static byte[] PatchEntry(byte[] zip, Action<Span<byte>, Span<byte>> patch)
    {
        var bytes = zip.ToArray();
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        Assert.True(bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) && central > 0, "not a one-entry zip");
        patch(bytes.AsSpan(0, 30), bytes.AsSpan(central, 46));
        return bytes;
    }

    /// <summary>Sets the declared uncompressed size (local header offset 22, central directory offset 24).</summary>
    public static byte[] DeclareSize(byte[] zip, uint size) => PatchEntry(zip, (local, central) =>
    {
        BinaryPrimitives.WriteUInt32LittleEndian(local[22..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(central[24..], size);
    });

    /// <summary>Flips the recorded CRC-32 (local header offset 14, central directory offset 16).</summary>
    public static byte[] BreakCrc(byte[] zip) => PatchEntry(zip, (local, central) =>
    {
        local[14] ^= 0xFF;
        central[16] ^= 0xFF;
    });

    /// <summary>Sets the compression method (local header offset 8, central directory offset 10), such as 14 for LZMA.</summary>
    public static byte[] Method(byte[] zip, ushort method) => PatchEntry(zip, (local, central) =>
    {
        BinaryPrimitives.WriteUInt16LittleEndian(local[8..], method);
        BinaryPrimitives.WriteUInt16LittleEndian(central[10..], method);
    });

    /// <summary>Sets the "encrypted" flag (general purpose bit 0: local header offset 6, central directory offset 8).</summary>
    public static byte[] Encrypted(byte[] zip) => PatchEntry(zip, (local, central) =>
    {
        local[6] |= 1;
        central[8] |= 1;
    });

    /// <summary>Makes the entry's deflate stream invalid from its first byte (block type 3 is reserved).</summary>
    public static byte[] BreakDeflate(byte[] zip)
    {
        var bytes = zip.ToArray();
        var data = 30 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28));
        bytes[data] = 0xFF;
        return bytes;
    }

    /// <summary>Flips 40 bytes in the middle of the archive (inside the entry's compressed data, for a large entry).</summary>
    public static byte[] DamageMiddle(byte[] zip)
    {
        var bytes = zip.ToArray();
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 40; i++)
        {
            bytes[i] ^= 0x5A;
        }

        return bytes;
    }

    /// <summary>Random bytes that start like a PNG image: a binary file named .csv.</summary>
    public static byte[] Png()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
