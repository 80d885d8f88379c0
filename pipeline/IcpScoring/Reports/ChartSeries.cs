namespace IcpScoring.Reports;

/// <summary>One named line of a line chart: a y value per x.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
