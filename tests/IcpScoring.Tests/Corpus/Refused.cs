namespace IcpScoring.Tests.Corpus;

/// <summary>
/// Outcome (a): exit 2, nothing on standard output, exactly one line on standard error that names
/// the file (or the settings key) and says each of <see cref="Phrases"/>; nothing written.
/// </summary>
public sealed record Refused(params string[] Phrases) : Outcome
{
    public override string Describe() => "exit 2: " + string.Join(" … ", Phrases.Select(p => $"“{p}”"));
}
