namespace IcpScoring.Model;

/// <summary>
/// What a connection would score were its unknown industry or company size known and the value that
/// raises the model's score most: the probability, and the values put in (null for a part that was
/// known).
/// </summary>
internal sealed record Enrichment(float Probability, string? Industry, string? CompanySize);
