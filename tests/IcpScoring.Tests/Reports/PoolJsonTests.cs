using System.Text.Json;
using IcpScoring.Reports;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Reports;

public sealed class PoolJsonTests
{
    [Fact]
    public void PoolJsonHasEveryKeyOfTheBriefWithItsJsonType()
    {
        var json = PoolJson.Serialize(SomeReports.PoolReport());

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        foreach (var key in new[] { "account", "month", "modelVersion", "poolDepth" })
        {
            Assert.Equal(JsonValueKind.String, root.GetProperty(key).ValueKind);
        }

        foreach (var key in new[] { "connections", "hidden", "scored", "scoredWithoutFirmographics", "icpMatched", "icpMatchRate", "addressablePool" })
        {
            Assert.Equal(JsonValueKind.Number, root.GetProperty(key).ValueKind);
        }

        Assert.Equal(JsonValueKind.True, root.GetProperty("badge500").ValueKind);
        var ci = root.GetProperty("icpMatchRateCi95");
        Assert.Equal(2, ci.GetArrayLength());
        Assert.True(ci[0].GetDouble() < root.GetProperty("icpMatchRate").GetDouble() && root.GetProperty("icpMatchRate").GetDouble() < ci[1].GetDouble());
        Assert.Equal(["A", "B", "C", "D"], root.GetProperty("tiers").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("tiers").EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
        Assert.Equal(30, root.GetProperty("expectedConversations").GetProperty("warm").GetDouble());
        Assert.Equal(15, root.GetProperty("expectedConversations").GetProperty("cold").GetDouble());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("projection").ValueKind);
        Assert.Equal(6, root.GetProperty("projection").GetProperty("scenarios").GetArrayLength());
        Assert.Equal(["industry", "companySize", "seniority", "function"], root.GetProperty("segments").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("assumptions").ValueKind);
        Assert.Equal(["name", "value", "source"], root.GetProperty("assumptions")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void PoolJsonCarriesTheOtherReportMembersToo()
    {
        var json = PoolJson.Serialize(SomeReports.PoolReport());

        using var doc = JsonDocument.Parse(json);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["account", "month", "monthSource", "modelVersion", "profile", "profileDescription", "modelOrigin", "threshold", "connections", "hidden", "scored", "scoredWithoutFirmographics", "icpMatched", "icpMatchRate",
             "icpMatchRateCi95", "addressablePool", "tiers", "expectedConversations", "badge500", "poolDepth", "projection", "segments", "scoreHistogram", "contactFirst", "companies", "needsEnrichment", "newThisMonth", "degree", "inMailPool", "assumptions", "source"],
            names);
        Assert.Equal(20, doc.RootElement.GetProperty("scoreHistogram").GetArrayLength());
    }

    [Fact]
    public void DoublesAreRoundedToSixDecimals()
    {
        var report = SomeReports.PoolReport() with { IcpMatchRate = 1.0 / 3, Threshold = -0.0000001 };

        var json = PoolJson.Serialize(report);

        Assert.Contains("\"icpMatchRate\": 0.333333,", json, StringComparison.Ordinal);
        Assert.Contains("\"threshold\": 0,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void PoolJsonIsIndentedWithLfNewlinesAndTheSameEveryTime()
    {
        var first = PoolJson.Serialize(SomeReports.PoolReport());
        var second = PoolJson.Serialize(SomeReports.PoolReport());

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"account\": \"Northwind Demand Gen\",\n", first, StringComparison.Ordinal);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesInAnyScriptStayReadableAndQuotesStayEscaped()
    {
        var json = PoolJson.Serialize(SomeReports.PoolReport(account: "Zoë \"Ζωή\" Müller <b>"));

        Assert.Contains("Zoë \\u0022Ζωή\\u0022 Müller \\u003Cb\\u003E", json, StringComparison.Ordinal);
        Assert.Equal("Zoë \"Ζωή\" Müller <b>", JsonDocument.Parse(json).RootElement.GetProperty("account").GetString());
    }

    [Fact]
    public void WriteLeavesTheSameBytesAsSerializeWithoutByteOrderMark()
    {
        using var dir = new TempFolder();
        var report = SomeReports.PoolReport();

        PoolJson.Write(dir.File("acme/2026-05/pool.json"), report);

        Assert.Equal(PoolJson.Serialize(report), File.ReadAllText(dir.File("acme/2026-05/pool.json")));
        Assert.NotEqual(0xEF, File.ReadAllBytes(dir.File("acme/2026-05/pool.json"))[0]);
    }
}
