using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

/// <summary>
/// The reports of one realistic account, compared byte for byte with their approved copies
/// (see <see cref="Approved"/>; <c>ICP_APPROVE=1</c> regenerates them). pool.html embeds charts
/// whose text is measured with the installed font (DejaVu Sans here), so its approved copy holds
/// for machines with that font.
/// </summary>
public sealed class GoldenFileTests
{
    [Fact]
    public void PoolJsonMatchesItsApprovedCopy()
    {
        using var dir = new TempFolder();

        PoolJson.Write(dir.File("pool.json"), SomeReports.PoolReport());

        Approved.Verify(dir.File("pool.json"), "pool.json");
    }

    [Fact]
    public void PoolHtmlMatchesItsApprovedCopy()
    {
        using var dir = new TempFolder();

        PoolHtml.Write(dir.File("pool.html"), SomeReports.PoolReport());

        Approved.Verify(dir.File("pool.html"), "pool.html");
    }

    [Fact]
    public void TargetsCsvMatchesItsApprovedCopy()
    {
        using var dir = new TempFolder();

        TargetsCsv.Write(dir.File("targets.csv"), SomeReports.Targets(), includeEmails: false);

        Approved.Verify(dir.File("targets.csv"), "targets.csv");
    }

    [Fact]
    public void IndexHtmlMatchesItsApprovedCopy()
    {
        using var dir = new TempFolder();

        PortfolioHtml.Write(dir.File("index.html"), SomeReports.Portfolio());

        Approved.Verify(dir.File("index.html"), "index.html");
    }
}
