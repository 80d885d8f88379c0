namespace IcpScoring.Tests.Support;

/// <summary>
/// Golden files: a produced file must equal its approved copy byte for byte. To approve new output on
/// purpose (after a deliberate change to a report or to the shipped model), run the tests with
/// <c>ICP_APPROVE=1</c>, review <c>git diff</c>, and commit the approved copies.
/// </summary>
public static class Approvals
{
    public static bool Approving => Environment.GetEnvironmentVariable("ICP_APPROVE") == "1";

    /// <summary>Compares <paramref name="produced"/> with <c>tests/IcpScoring.Tests/{approvedRelative}</c>.</summary>
    public static void Verify(string produced, string approvedRelative)
    {
        var approved = Repo.Path("tests", "IcpScoring.Tests", approvedRelative);
        if (Approving)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.Copy(produced, approved, overwrite: true);
            return;
        }

        Assert.True(File.Exists(approved), $"no approved copy {approvedRelative}; run the tests with ICP_APPROVE=1 and review it");
        var expected = File.ReadAllBytes(approved);
        var actual = File.ReadAllBytes(produced);
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{produced} differs from the approved {approvedRelative}; if the change is intended, run with ICP_APPROVE=1 and review the diff");
    }
}
