using System.IO.Compression;

namespace IcpScoring.Ingestion;

/// <summary>
/// The bytes of an export: a CSV file as it is, or the connections CSV inside LinkedIn's export
/// zip, read in place (nothing is extracted to disk) and guarded against zip bombs.
/// </summary>
internal sealed class ExportSource : IDisposable
{
    private readonly IDisposable? _owner;

    private ExportSource(string name, Stream stream, IDisposable? owner)
    {
        Name = name;
        Stream = stream;
        _owner = owner;
    }

    /// <summary>The file as messages name it: the path, or <c>path!entry</c> for a zip.</summary>
    public string Name { get; }

    public Stream Stream { get; }

    public static ExportSource Open(string path, IngestionOptions options)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UnreadableExportException(path, "no such file");
        }
        catch (UnauthorizedAccessException e) when (Directory.Exists(path))
        {
            throw new UnreadableExportException(path, "is a folder, not a file; expected a connections export (.csv, or LinkedIn's export .zip)", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnreadableExportException(path, "cannot be read (permission denied)", e);
        }

        try
        {
            // A pipe (icp inspect /dev/stdin) cannot seek back after its first bytes are looked at.
            var magic = new byte[4];
            var n = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            var isZip = IsZip(magic.AsSpan(0, n));
            if (isZip && !file.CanSeek)
            {
                throw new UnreadableExportException(path, "is a zip archive read from a pipe, which cannot be opened in place; give the path of the .zip file");
            }

            if (isZip)
            {
                file.Position = 0;
                return OpenZip(path, file, options);
            }

            if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                throw new UnreadableExportException(path, "is named .zip but is not a zip archive; expected LinkedIn's export zip or a Connections.csv");
            }

            if (file.CanSeek)
            {
                file.Position = 0;
                return new ExportSource(path, file, null);
            }

            return new ExportSource(path, new PrefixedStream(magic, 0, n, file), null);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Stream.Dispose();
        _owner?.Dispose();
    }

    private static bool IsZip(ReadOnlySpan<byte> magic) =>
        magic.Length == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K'
            && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));

    private static ExportSource OpenZip(string path, FileStream file, IngestionOptions options)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableExportException(path, "is a damaged zip archive (its directory cannot be read); download the export again", e);
        }

        try
        {
            var entry = ChooseEntry(path, zip);
            var name = $"{path}!{entry.FullName}";
            if (entry.Length > options.MaxZipEntryBytes)
            {
                throw new UnreadableExportException(name, $"expands to {entry.Length:N0} bytes, over the limit of {options.MaxZipEntryBytes:N0} (Ingestion:MaxZipEntryBytes)");
            }

            if (entry.Length > 1 << 20 && entry.Length / Math.Max(1, entry.CompressedLength) > options.MaxZipCompressionRatio)
            {
                throw new UnreadableExportException(name, $"is compressed {entry.Length / Math.Max(1, entry.CompressedLength):N0} to 1, which only a zip bomb is (limit {options.MaxZipCompressionRatio} to 1, Ingestion:MaxZipCompressionRatio)");
            }

            if (entry.IsEncrypted)
            {
                throw new UnreadableExportException(name, "is encrypted (the zip has a password); expected LinkedIn's export zip as downloaded, which has none");
            }

            Stream stream;
            try
            {
                stream = entry.Open();
            }
            catch (InvalidDataException e)
            {
                throw new UnreadableExportException(name, "cannot be inflated (damaged or unsupported compression)", e);
            }

            return new ExportSource(name, new ZipEntryStream(stream, name, entry.Length, entry.Crc32), zip);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static ZipArchiveEntry ChooseEntry(string path, ZipArchive zip)
    {
        foreach (var e in zip.Entries)
        {
            if (EscapesFolder(e.FullName))
            {
                throw new UnreadableExportException(path, $"holds an entry whose path escapes the archive's folder ({e.FullName}); refused");
            }
        }

        var connections = zip.Entries
            .Where(e => string.Equals(Path.GetFileName(e.FullName), "Connections.csv", StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.FullName.Count(c => c is '/' or '\\'))
            .FirstOrDefault();
        if (connections is not null)
        {
            return connections;
        }

        if (zip.GetEntry("xl/workbook.xml") is not null)
        {
            throw new UnreadableExportException(path, "is an Excel workbook (.xlsx), not a CSV file; save it from Excel as \"CSV UTF-8\" and give that file");
        }

        var csvs = zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        if (csvs.Count == 1)
        {
            return csvs[0];
        }

        var found = csvs.Count == 0 ? "no CSV file" : $"{csvs.Count} CSV files but none named Connections.csv";
        throw new UnreadableExportException(path, $"the zip holds {found}; expected LinkedIn's export with Connections.csv inside");
    }

    internal static bool EscapesFolder(string entryName)
    {
        var n = entryName.Replace('\\', '/');
        if (n.StartsWith('/') || (n.Length >= 2 && n[1] == ':'))
        {
            return true;
        }

        return n.Split('/').Any(segment => segment == "..");
    }
}
