namespace IcpScoring.Model;

/// <summary>A connection's score: calibrated probability, ICP match at the model's threshold, tier and reasons (largest effect first).</summary>
internal sealed record ScoredInput(float Probability, bool IsMatch, string Tier, IReadOnlyList<ScoreReason> Reasons);
