namespace IcpScoring.Model.Calibration;

/// <summary>One bin of a <see cref="Reliability"/> diagram: [From, To), its mean prediction, observed rate and rows.</summary>
internal sealed record ReliabilityBin(double From, double To, double Predicted, double Observed, int Rows);
