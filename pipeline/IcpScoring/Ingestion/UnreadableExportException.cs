namespace IcpScoring.Ingestion;

/// <summary>
/// A file that is not a connections export IcpScoring understands. The message is one line that
/// names the file, says what is wrong and what was expected; it never quotes the file's contents.
/// </summary>
public sealed class UnreadableExportException : Exception
{
    public UnreadableExportException(string file, string problem)
        : base($"{file}: {problem}")
    {
        File = file;
        Problem = problem;
    }

    public UnreadableExportException(string file, string problem, Exception inner)
        : base($"{file}: {problem}", inner)
    {
        File = file;
        Problem = problem;
    }

    /// <summary>The file as the user named it (with the zip entry, for a zip).</summary>
    public string File { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }
}
