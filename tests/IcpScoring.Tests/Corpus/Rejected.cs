namespace IcpScoring.Tests.Corpus;

/// <summary>A row that must be rejected: its physical line and a phrase of its reason.</summary>
public sealed record Rejected(long Line, string Phrase);
