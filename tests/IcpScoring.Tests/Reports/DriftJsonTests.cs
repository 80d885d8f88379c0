using System.Text.Json;
using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

public sealed class DriftJsonTests
{
    [Fact]
    public void DriftJsonHasEveryKeyOfTheBriefWithItsJsonType()
    {
        var json = DriftJson.Serialize(SomeDrift.Report());

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.String, root.GetProperty("account").ValueKind);
        Assert.Equal("2026-05", root.GetProperty("month").GetString());
        Assert.Equal("2026-04", root.GetProperty("previousMonth").GetString());
        var rate = root.GetProperty("icpMatchRate");
        foreach (var key in new[] { "previous", "current", "delta", "pValue" })
        {
            Assert.Equal(JsonValueKind.Number, rate.GetProperty(key).ValueKind);
        }

        // A fraction of 1, like the rates: +0.705 points.
        Assert.Equal(0.007051, rate.GetProperty("delta").GetDouble());
        Assert.Equal(rate.GetProperty("current").GetDouble() - rate.GetProperty("previous").GetDouble(), rate.GetProperty("delta").GetDouble(), 5);
        Assert.Equal(2, rate.GetProperty("ci95").GetArrayLength());
        Assert.All(rate.GetProperty("ci95").EnumerateArray(), v => Assert.Equal(JsonValueKind.Number, v.ValueKind));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("scorePsi").ValueKind);
        var features = root.GetProperty("features");
        Assert.Equal(["companySize", "function", "industry", "seniority"], features.EnumerateObject().Select(p => p.Name));
        Assert.All(features.EnumerateObject(), f =>
        {
            Assert.Equal(JsonValueKind.Number, f.Value.GetProperty("psi").ValueKind);
            Assert.Equal(JsonValueKind.Number, f.Value.GetProperty("js").ValueKind);
            Assert.Equal(JsonValueKind.Array, f.Value.GetProperty("newCategories").ValueKind);
        });
        Assert.Equal("Hospitals and Health Care", features.GetProperty("industry").GetProperty("newCategories")[0].GetProperty("name").GetString());
        Assert.Equal(0.113, features.GetProperty("industry").GetProperty("newCategories")[0].GetProperty("share").GetDouble());
        var network = root.GetProperty("network");
        Assert.Equal(95, network.GetProperty("added").GetInt64());
        Assert.Equal(26, network.GetProperty("removed").GetInt64());
        Assert.Equal(41, network.GetProperty("changed").GetInt64());
        Assert.Equal(JsonValueKind.True, root.GetProperty("modelChanged").ValueKind);
        var attribution = root.GetProperty("attribution");
        Assert.Equal(JsonValueKind.Number, attribution.GetProperty("network").ValueKind);
        Assert.Equal(JsonValueKind.Number, attribution.GetProperty("model").ValueKind);
        Assert.Equal(
            rate.GetProperty("delta").GetDouble(),
            attribution.GetProperty("network").GetDouble() + attribution.GetProperty("model").GetDouble(), 5);
        Assert.Equal(3, root.GetProperty("alerts").GetArrayLength());
        Assert.All(root.GetProperty("alerts").EnumerateArray(), a => Assert.Equal(JsonValueKind.String, a.ValueKind));
    }

    [Fact]
    public void DriftJsonCarriesTheOtherReportMembersInDeclarationOrder()
    {
        var json = DriftJson.Serialize(SomeDrift.Report());

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(
            ["account", "month", "previousMonth", "identical", "summary", "icpMatchRate", "pool", "scorePsi", "scorePsiBand", "features", "network", "dataQuality",
             "modelChanged", "modelVersion", "previousModelVersion", "profile", "previousProfile", "profileChanged", "attribution", "alerts", "suspect", "trend", "histograms"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["previous", "current", "delta", "ci95", "pValue", "previousScored", "currentScored", "significanceLevel"],
            doc.RootElement.GetProperty("icpMatchRate").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["added", "removed", "changed", "addedIntoIcp", "removedFromIcp", "changedIntoIcp", "changedOutOfIcp", "unchanged", "rescoredIntoIcp", "rescoredOutOfIcp", "poolChange"],
            doc.RootElement.GetProperty("network").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["network", "model", "total", "previousRescoredRate"], doc.RootElement.GetProperty("attribution").EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, doc.RootElement.GetProperty("trend").GetArrayLength());
        Assert.Equal(20, doc.RootElement.GetProperty("histograms").GetProperty("current").GetArrayLength());
    }

    [Fact]
    public void AFirstMonthHasNullComparisonsAndNoAlerts()
    {
        var json = DriftJson.Serialize(SomeDrift.FirstMonth());

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        foreach (var key in new[] { "previousMonth", "icpMatchRate", "pool", "scorePsi", "scorePsiBand", "network", "dataQuality", "previousModelVersion", "attribution", "histograms" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty(key).ValueKind);
        }

        Assert.Equal(JsonValueKind.String, root.GetProperty("account").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("month").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("features").ValueKind);
        Assert.Equal(JsonValueKind.False, root.GetProperty("modelChanged").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("alerts").ValueKind);
        Assert.Equal(0, root.GetProperty("alerts").GetArrayLength());
        Assert.Equal(1, root.GetProperty("trend").GetArrayLength());
    }

    [Fact]
    public void DoublesAreRoundedAndValuesJsonCannotHoldAreNull()
    {
        var report = SomeDrift.Report() with { ScorePsi = double.NaN, IcpMatchRate = SomeDrift.Report().IcpMatchRate! with { PValue = 1.0 / 3, Delta = double.PositiveInfinity } };

        var json = DriftJson.Serialize(report);

        Assert.Contains("\"scorePsi\": null,", json, StringComparison.Ordinal);
        Assert.Contains("\"pValue\": 0.333333,", json, StringComparison.Ordinal);
        Assert.Contains("\"delta\": null,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DriftJsonIsIndentedWithLfNewlinesAndTheSameEveryTime()
    {
        var first = DriftJson.Serialize(SomeDrift.Report());
        var second = DriftJson.Serialize(SomeDrift.Report());

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"account\": \"Northwind Demand Gen\",\n", first, StringComparison.Ordinal);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesInAnyScriptStayReadableAndMarkupStaysEscaped()
    {
        var json = DriftJson.Serialize(SomeDrift.Report(newIndustry: "Gesundheitswesen \"Zoë\" <b>"));

        Assert.Contains("Gesundheitswesen \\u0022Zoë\\u0022 \\u003Cb\\u003E", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("Gesundheitswesen \"Zoë\" <b>", doc.RootElement.GetProperty("features").GetProperty("industry").GetProperty("newCategories")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void WriteLeavesTheSameBytesAsSerializeWithoutByteOrderMark()
    {
        using var dir = new TempFolder();
        var report = SomeDrift.Report();

        DriftJson.Write(dir.File("acme/2026-05/drift.json"), report);

        Assert.Equal(DriftJson.Serialize(report), File.ReadAllText(dir.File("acme/2026-05/drift.json")));
        Assert.NotEqual(0xEF, File.ReadAllBytes(dir.File("acme/2026-05/drift.json"))[0]);
    }
}
