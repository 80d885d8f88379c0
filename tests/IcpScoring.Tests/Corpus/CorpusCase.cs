namespace IcpScoring.Tests.Corpus;

/// <summary>
/// One bad input: a name, the input in words (for README.md), a builder that writes the file(s)
/// into the case's folder and returns the command to run, and the expected outcome.
/// </summary>
public sealed record CorpusCase(string Name, string Input, Func<CaseFolder, Invocation> Arrange, Outcome Expected)
{
    /// <summary>The command in words, for README.md.</summary>
    public string Command { get; init; } = "`icp inspect FILE --json`";

    public Runner Runner { get; init; } = Runner.InProcess;

    /// <summary>Environment variables for a <see cref="Runner.Process"/> run, such as a GC heap limit.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    public override string ToString() => Name;
}
