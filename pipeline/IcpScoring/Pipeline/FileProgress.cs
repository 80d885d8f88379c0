namespace IcpScoring.Pipeline;

/// <summary>How far a file has come: the stage, rows done, and the rows in all (known from the second pass on).</summary>
internal readonly record struct FileProgress(string File, string Stage, long Rows, long? TotalRows);
