using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Corpus;

/// <summary>
/// The cases of the corpus that need the real executable: settings refused at start-up (icp run and
/// icp serve would otherwise start work), a 50 MB field under a GC heap limit, standard input, and a
/// file the user may not read.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class BadInputProcessTests
{
    public static TheoryData<string> Process => BadInputs.Names(Runner.Process);

    [Theory]
    [MemberData(nameof(Process))]
    public void BadInputEndsInItsExpectedOutcome(string name) => CorpusAssert.Outcome(BadInputs.Get(name));

    [UnprivilegedFact]
    public void UnreadableFileIsRefusedNamingIt() => CorpusAssert.Outcome(BadInputs.Get("unreadable-file"));
}
