using System.Globalization;
using System.Text;
using IcpScoring.Storage;

namespace IcpScoring.Model;

/// <summary>
/// Writes that readers see whole or not at all: the bytes go to a temporary file beside the target,
/// are flushed to disk, and only then replace the target by a rename. A crash or an exception
/// midway leaves the old content in place. Files that belong together can wait in a staging folder
/// and be published, each by a rename, once the caller's own commit is certain.
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

    /// <summary>
    /// A new hidden folder inside <paramref name="folder"/> for files that are to appear in
    /// <paramref name="folder"/> only once <see cref="Publish"/> moves them there. It is named like a
    /// temporary file, so what a killed writer left is removed by <see cref="RemoveLeftovers(string)"/>.
    /// </summary>
    public static string CreateStaging(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var staging = TempPathFor(Path.Combine(Path.GetFullPath(folder), "staged"));
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>
    /// Moves every file of a staging folder into the folder holding it, each by a rename that
    /// replaces the file there, then removes the staging folder.
    /// </summary>
    public static void Publish(string staging)
    {
        ArgumentException.ThrowIfNullOrEmpty(staging);
        var full = Path.GetFullPath(staging);
        var folder = Path.GetDirectoryName(full)!;
        foreach (var file in Directory.EnumerateFiles(full).Where(f => !IsTemporaryName(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList())
        {
            File.Move(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        Directory.Delete(full, recursive: true);
    }

    /// <summary>Removes a staging folder and what it holds, quietly: after a failure, the failure is what is worth reporting.</summary>
    public static void Discard(string staging)
    {
        ArgumentException.ThrowIfNullOrEmpty(staging);
        TryDelete(staging);
    }

    /// <summary>
    /// A temporary file or staging folder of a writer on another machine (a folder shared between
    /// machines) cannot be judged by its process id: it is taken as abandoned once nothing was
    /// written to it for this long. Writing one takes seconds.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Removes the temporary files and staging folders that writers killed mid-write left in a
    /// folder (not below it): those of a process of this machine that has ended, and those of
    /// another machine untouched for <see cref="AbandonedAfter"/>. A live writer's is left alone.
    /// </summary>
    public static void RemoveLeftovers(string folder) => RemoveLeftovers(folder, TempMarker);

    /// <summary>
    /// As <see cref="RemoveLeftovers(string)"/>, for hidden files and folders named
    /// <c>.…&lt;marker&gt;&lt;writer suffix&gt;</c> by another kind of writer (a snapshot spill).
    /// </summary>
    public static void RemoveLeftovers(string folder, string marker)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') && name.Contains(marker, StringComparison.Ordinal) && WriterOf(name, marker) is var writer
                && (writer is null || Claimant.IsDeadLocalProcess(writer) || (!Claimant.IsLocal(writer) && Abandoned(entry))))
            {
                TryDelete(entry);
            }
        }
    }

    /// <summary>What follows the marker in a temporary name: a unique part and its writer, <c>&lt;32 hex digits&gt;-&lt;machine&gt;-&lt;pid&gt;</c>.</summary>
    public static string WriterSuffix() =>
        string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}-{Claimant.Machine}-{Environment.ProcessId}");

    /// <summary>Whether a file name is one of the temporary files <see cref="Write"/> creates.</summary>
    public static bool IsTemporaryName(string fileName) =>
        fileName.StartsWith('.') && fileName.Contains(TempMarker, StringComparison.Ordinal);

    // .<name>.tmp-<32 hex digits>-<machine>-<pid>: the writer, as a ledger claimant ("machine:pid").
    internal static string? WriterOf(string fileName, string marker = TempMarker)
    {
        var at = fileName.LastIndexOf(marker, StringComparison.Ordinal);
        var rest = at < 0 ? "" : fileName[(at + marker.Length)..];
        var dash = rest.LastIndexOf('-');
        return rest.Length > 34 && rest[32] == '-' && dash > 32 && int.TryParse(rest[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? $"{rest[33..dash]}:{pid}"
            : null;
    }

    private static string TempPathFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}{TempMarker}{WriterSuffix()}");

    private static bool Abandoned(string entry) =>
        DateTime.UtcNow - (Directory.Exists(entry) ? Directory.GetLastWriteTimeUtc(entry) : File.GetLastWriteTimeUtc(entry)) > AbandonedAfter;

    private static void TryDelete(string temp)
    {
        try
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
            else
            {
                File.Delete(temp);
            }
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
