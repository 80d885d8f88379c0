namespace IcpScoring.Model.Promotion;

/// <summary>Challenger minus champion, each with its 95% bootstrap interval.</summary>
internal sealed record BootstrapDifference(double Auc, double AucLow, double AucHigh, double AveragePrecision, double AveragePrecisionLow, double AveragePrecisionHigh, int Resamples, int Seed);
