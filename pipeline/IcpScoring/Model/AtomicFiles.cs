using System.Text;

namespace IcpScoring.Model;

/// <summary>
/// Writes that readers see whole or not at all: the bytes go to a temporary file beside the target,
/// are flushed to disk, and only then replace the target by a rename. A crash or an exception
/// midway leaves the old content in place.
/// </summary>
internal static class AtomicFiles
{
    private const string TempMarker = ".tmp-";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);

        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);

        // Same folder, so the final rename never crosses file systems (which would be a copy, not atomic).
        var temp = TempPathFor(target);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                // Without this, a power cut after the rename can leave the new name pointing at empty blocks.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Whether a file name is one of the temporary files <see cref="Write"/> creates.</summary>
    /// <summary>
    /// Removes the temporary files that writers killed mid-write left in a folder (not below it).
    /// Call it only where no other live writer works on the same files.
    /// </summary>
    public static void RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (IsTemporaryName(Path.GetFileName(file)))
            {
                TryDelete(file);
            }
        }
    }

    public static bool IsTemporaryName(string fileName) =>
        fileName.StartsWith('.') && fileName.Contains(TempMarker, StringComparison.Ordinal);

    private static string TempPathFor(string target) =>
        Path.Combine(
            Path.GetDirectoryName(target)!,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}{TempMarker}{Guid.NewGuid():N}"));

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original exception is the one worth reporting; a leftover temp file is harmless
            // and is never mistaken for the target.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
