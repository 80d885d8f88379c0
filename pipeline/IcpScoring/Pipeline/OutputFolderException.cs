using IcpScoring.Storage;

namespace IcpScoring.Pipeline;

/// <summary>
/// The reports cannot be written where they go (the output folder, or a folder below it, is a
/// file; the disk is full; the folder is not writable): one line naming the folder and the problem.
/// A passing fault, not the export's: nothing of the file in hand is recorded as done, and the
/// run after the folder is fixed processes it.
/// </summary>
internal sealed class OutputFolderException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// The failure as one about the output folder when the file system refused a write (into one of
    /// <paramref name="folders"/>, below <paramref name="outRoot"/>), else null.
    /// </summary>
    public static OutputFolderException? From(string outRoot, IEnumerable<string> folders, Exception e)
    {
        if (FileSystemFaults.Find(e) is not { } fault)
        {
            return null;
        }

        var blocked = folders.Select(FileSystemFaults.FileInTheWay).FirstOrDefault(f => f is not null);
        var problem = blocked is null ? FileSystemFaults.Describe(fault, outRoot) : $"{blocked} is a file, not a folder";
        return new OutputFolderException($"{Path.GetFullPath(outRoot)}: cannot write the reports ({problem}); fix that and run again", fault);
    }

    /// <summary>Refuses an output folder that cannot be one (a file is in its place) before any work is done.</summary>
    public static void ThrowIfUnusable(string outRoot)
    {
        if (FileSystemFaults.FileInTheWay(outRoot) is { } file)
        {
            throw new OutputFolderException($"{Path.GetFullPath(outRoot)}: cannot write the reports ({file} is a file, not a folder); fix that and run again");
        }
    }
}
