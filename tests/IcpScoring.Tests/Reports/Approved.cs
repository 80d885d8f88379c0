using System.Text;

namespace IcpScoring.Tests.Reports;

/// <summary>
/// Golden files: a produced report compared byte for byte with its approved copy in
/// <c>tests/IcpScoring.Tests/Reports/Approved/</c> (the source folder, not the build output).
/// To approve a deliberate change, run the tests with the environment variable <c>ICP_APPROVE=1</c>
/// (<c>ICP_APPROVE=1 dotnet test IcpScoring.sln --filter "FullyQualifiedName~IcpScoring.Tests.Reports"</c>):
/// the approved copies are rewritten from the produced files and the tests pass; review and commit
/// the diff. Without it, a difference fails the test and names the first differing line.
/// </summary>
internal static class Approved
{
    public static string Folder => Support.Repo.Path("tests", "IcpScoring.Tests", "Reports", "Approved");

    public static void Verify(string producedPath, string approvedName)
    {
        var produced = File.ReadAllBytes(producedPath);
        var approvedPath = Path.Combine(Folder, approvedName);
        if (Environment.GetEnvironmentVariable("ICP_APPROVE") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(approvedPath, produced);
            return;
        }

        Assert.True(File.Exists(approvedPath), $"No approved copy {approvedPath}; run the tests with ICP_APPROVE=1 to create it, then review it.");
        var approved = File.ReadAllBytes(approvedPath);
        if (!produced.AsSpan().SequenceEqual(approved))
        {
            Assert.Fail($"{approvedName} differs from its approved copy ({produced.Length} bytes produced, {approved.Length} approved); {FirstDifference(approved, produced)}. "
                + "If the change is intended, rerun with ICP_APPROVE=1 and review the diff.");
        }
    }

    private static string FirstDifference(byte[] approved, byte[] produced)
    {
        var a = Encoding.UTF8.GetString(approved).Split('\n');
        var p = Encoding.UTF8.GetString(produced).Split('\n');
        for (var i = 0; i < Math.Max(a.Length, p.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < p.Length ? p[i] : "<end of file>";
            if (!string.Equals(left, right, StringComparison.Ordinal))
            {
                return $"first difference at line {i + 1}: approved «{Cut(left)}», produced «{Cut(right)}»";
            }
        }

        return "the lines match but the bytes do not (line endings or byte order mark)";
    }

    private static string Cut(string line) => line.Length <= 200 ? line : line[..200] + "…";
}
