using System.Text;
using System.Text.Json;
using IcpScoring.Cli.Jobs;
using IcpScoring.Cli.Web;
using IcpScoring.Model;
using IcpScoring.Model.Calibration;

namespace IcpScoring.Tests.Web;

public sealed class ReliabilityDiagramTests
{
    private static RetrainResult Result() => new("done", "v2", true, new ModelMetrics(0.9, 0.8, 0.7, 0.3, 0.02, 100, 20), "v1", null)
    {
        Profile = "sample",
        Reliability = Reliability.Of([true, false, true, false], [0.9f, 0.1f, 0.6f, 0.4f], 1),
        Calibration = "platt; because",
        Caveats = ["a small set"],
    };

    [Fact]
    public void ARetrainResultStoredByHangfireReadsBackWithItsReliabilityDiagram()
    {
        // As icp serve's Hangfire stores it (UseRecommendedSerializerSettings: type names where declared and actual types differ).
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(Result(), new Newtonsoft.Json.JsonSerializerSettings { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.Auto });

        var back = JsonSerializer.Deserialize<RetrainResult>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });

        Assert.NotNull(back?.Reliability);
        Assert.Equal(4, back.Reliability.Bins.Length);
        Assert.Equal(["a small set"], back.Caveats ?? []);
    }

    [Fact]
    public void TheDiagramDrawsADotPerBinAndListsTheCaveats()
    {
        var sb = new StringBuilder();

        ReliabilityDiagram.Append(sb, Result().Reliability, ["a small set"], "platt");

        var html = sb.ToString();
        Assert.Equal(4, html.Split("<circle").Length - 1);
        Assert.Contains("<li>a small set</li>", html, StringComparison.Ordinal);
    }
}
