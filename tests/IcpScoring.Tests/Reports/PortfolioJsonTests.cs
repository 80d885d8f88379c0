using System.Text.Json;
using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

public sealed class PortfolioJsonTests
{
    [Fact]
    public void PortfolioJsonHasTheReportMembersInCamelCase()
    {
        using var dir = new TempFolder();

        PortfolioJson.Write(dir.File("portfolio.json"), SomeReports.Portfolio());

        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("portfolio.json")));
        var root = doc.RootElement;
        Assert.Equal(["accounts", "failed", "modelVersion", "totals"], root.EnumerateObject().Select(p => p.Name));
        var account = root.GetProperty("accounts")[0];
        Assert.Equal(
            ["account", "latestMonth", "icpMatchRate", "addressablePool", "connections", "poolDepth", "matchRateChangePoints", "poolChange", "months", "alerts", "links", "profile", "modelVersion", "scored", "icpMatched", "history", "suspect"],
            account.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.7, account.GetProperty("matchRateChangePoints").GetDouble());
        Assert.Equal(["drift", "pool", "targets"], account.GetProperty("links").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("accounts")[1].GetProperty("poolChange").ValueKind);
        Assert.Equal(["file", "reason", "movedTo"], root.GetProperty("failed")[0].EnumerateObject().Select(p => p.Name));
    }
}
