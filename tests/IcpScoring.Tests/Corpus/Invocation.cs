namespace IcpScoring.Tests.Corpus;

/// <summary>
/// The command a case runs (without <c>--config</c>, which the runner adds unless the case gives its
/// own), what its error must name (the file as given, or a settings key), and an optional file for
/// standard input.
/// </summary>
public sealed record Invocation(string[] Args, string Names, string? Stdin = null);
