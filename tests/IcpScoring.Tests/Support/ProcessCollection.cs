namespace IcpScoring.Tests.Support;

/// <summary>
/// Tests that start, kill and stop real icp processes with deadlines: they run alone, not beside
/// the rest of the suite competing for the machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Real processes";
}
