using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

/// <summary>
/// drift.json and drift.html of <see cref="SomeDrift.Report"/>, compared byte for byte with their
/// approved copies (<c>ICP_APPROVE=1</c> regenerates them; see <see cref="Approved"/>). The charts in
/// drift.html are measured with the installed font, as pool.html's are.
/// </summary>
public sealed class DriftGoldenFileTests
{
    [Fact]
    public void DriftJsonMatchesItsApprovedCopy()
    {
        using var dir = new TempFolder();

        DriftJson.Write(dir.File("drift.json"), SomeDrift.Report());

        Approved.Verify(dir.File("drift.json"), "drift.json");
    }

    [Fact]
    public void DriftHtmlMatchesItsApprovedCopy()
    {
        using var dir = new TempFolder();

        DriftHtml.Write(dir.File("drift.html"), SomeDrift.Report());

        Approved.Verify(dir.File("drift.html"), "drift.html");
    }
}
