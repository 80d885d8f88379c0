namespace IcpScoring.Pipeline;

/// <summary>
/// The reports written for one account and month from a file. <see cref="MonthNote"/> says how the
/// month was decided when the file's name did not say it as YYYY-MM (empty otherwise).
/// </summary>
internal sealed record AccountMonthResult(string Account, string Month, string MonthSource, string OutputFolder, long Connections, long IcpMatched, long AddressablePool, double IcpMatchRate, bool ReplacedSnapshot, string ModelReference = "", string MonthNote = "");
