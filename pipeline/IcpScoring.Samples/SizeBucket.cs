namespace IcpScoring.Samples;

// Label is LinkedIn's bucket label; SalesNavLabel is how Sales Navigator prints the same range.
internal sealed record SizeBucket(string Label, int Min, int Max, string SalesNavLabel, bool IsIcp, int Weight);
