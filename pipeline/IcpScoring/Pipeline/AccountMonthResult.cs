namespace IcpScoring.Pipeline;

/// <summary>The reports written for one account and month from a file.</summary>
internal sealed record AccountMonthResult(string Account, string Month, string MonthSource, string OutputFolder, long Connections, long IcpMatched, long AddressablePool, double IcpMatchRate, bool ReplacedSnapshot, string ModelReference = "");
