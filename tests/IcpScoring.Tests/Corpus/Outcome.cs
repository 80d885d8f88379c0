namespace IcpScoring.Tests.Corpus;

/// <summary>What a bad input must end in: <see cref="Refused"/> (exit 2) or <see cref="Read"/> (exit 0, rows rejected).</summary>
public abstract record Outcome
{
    /// <summary>The outcome in words, for the corpus table in README.md.</summary>
    public abstract string Describe();
}
