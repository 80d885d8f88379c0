namespace IcpScoring.Storage;

/// <summary>
/// The file system refusing a write, in words a user can act on: a full disk, a file where a
/// folder should be, a read-only mount, permissions.
/// </summary>
internal static class FileSystemFaults
{
    // On Unix .NET puts errno in an IOException's HResult; on Windows, the Win32 error as an HRESULT.
    private const int Efbig = 27;
    private const int Enospc = 28;
    private const int Erofs = 30;
    private const int Edquot = 122;
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const string TooLarge = "a file outgrew the size the file system or the process allows";

    /// <summary>The exception, or the first one an <see cref="AggregateException"/> holds, that is the file system refusing an operation; else null.</summary>
    public static Exception? Find(Exception e) => e is AggregateException a ? a.Flatten().InnerExceptions.FirstOrDefault(Is) : Is(e) ? e : null;

    /// <summary>Whether an exception is the file system refusing an operation (rather than a bug).</summary>
    public static bool Is(Exception e) => e is IOException or UnauthorizedAccessException || IsFileTooLarge(e);

    /// <summary>What went wrong with a write under <paramref name="path"/>, in a few words.</summary>
    public static string Describe(Exception e, string path)
    {
        if (FileInTheWay(path) is { } file)
        {
            return $"{file} is a file, not a folder";
        }

        return e switch
        {
            IOException { HResult: Enospc or Edquot or WindowsDiskFull or WindowsHandleDiskFull } => "disk full",
            IOException { HResult: Efbig } => TooLarge,
            _ when IsFileTooLarge(e) => TooLarge,
            IOException { HResult: Erofs } => "read-only file system",
            UnauthorizedAccessException => $"permission denied: {ErrorText.FirstLine(e.Message)}",
            _ => ErrorText.FirstLine(e.Message),
        };
    }

    /// <summary>The path itself or its nearest existing ancestor when that is a file: no folder can be made below it.</summary>
    public static string? FileInTheWay(string path)
    {
        for (var p = Path.GetFullPath(path); !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
        {
            if (File.Exists(p))
            {
                return p;
            }

            if (Directory.Exists(p))
            {
                return null;
            }
        }

        return null;
    }

    // A write past the file size limit (EFBIG) comes out of .NET's file writes as this, not as an IOException.
    private static bool IsFileTooLarge(Exception e) =>
        e is ArgumentOutOfRangeException && e.TargetSite?.DeclaringType == typeof(RandomAccess);

}
