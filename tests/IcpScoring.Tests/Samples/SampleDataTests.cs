using IcpScoring.Samples;
using CompanyDirectory = IcpScoring.Normalization.CompanyDirectory;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Samples;

/// <summary>The shipped data-samples/ are what the seeded generator makes, and every file reads as its format.</summary>
public sealed class SampleDataTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GeneratorReproducesTheShippedSamplesByteForByte()
    {
        var files = new Generator(42).Generate();

        Generator.WriteAll(_dir.Path, files);

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var shipped = File.ReadAllBytes(Repo.Path("data-samples", file.Path));
            var made = File.ReadAllBytes(_dir.File(file.Path));
            Assert.True(shipped.AsSpan().SequenceEqual(made), $"data-samples/{file.Path} differs from the generator's output; regenerate it (README.md)");
        }
    }

    [Theory]
    [InlineData("exports/connections-2018.csv", "linkedin-2018")]
    [InlineData("exports/connections-2020.csv", "linkedin-2020")]
    [InlineData("exports/connections-2022.csv", "linkedin-2022")]
    [InlineData("exports/connections-2023.csv", "linkedin-2023")]
    [InlineData("exports/connections-excel.csv", "linkedin-2023-excel")]
    [InlineData("exports/apollo-contacts.csv", "apollo")]
    [InlineData("exports/salesnav-extract.csv", "sales-navigator")]
    [InlineData("exports/phantombuster-salesnav.csv", "phantombuster")]
    [InlineData("exports/agency-enriched.csv", "linkedin-2023-enriched")]
    [InlineData("inbox/acme-marketing/2026-11.csv", "linkedin-2023")]
    [InlineData("labeled/prospects.csv", "custom")]
    public void EverySampleIsReadAsItsFormatWithNoRejects(string file, string format)
    {
        var (report, connections) = Ingest.File(Repo.Path("data-samples", file), directory: CompanyDirectory.Load(Repo.Path("data-samples", "companies.csv")));

        Assert.Equal(format, report.Format);
        Assert.Equal(0, report.Rejected);
        Assert.True(report.Connections >= 300);
        Assert.Equal(report.Connections, connections.Count);
        Ingest.AssertEveryRowAccountedFor(report);
    }

    [Fact]
    public void DirectoryFillsFirmographicsForMostNativeConnections()
    {
        var (report, _) = Ingest.File(Repo.Path("data-samples", "exports", "connections-2023.csv"), directory: CompanyDirectory.Load(Repo.Path("data-samples", "companies.csv")));

        Assert.Equal(report.WithIndustry, report.FromDirectory);
        Assert.InRange(report.FromDirectory / (double)(report.Connections - report.Hidden), 0.6, 0.95);
    }

    [Fact]
    public void ShippedDuplicatesAndHiddenProfilesAreCounted()
    {
        var (report, _) = Ingest.File(Repo.Path("data-samples", "exports", "connections-2023.csv"));

        Assert.Equal(500, report.DataRows);
        Assert.Equal(2, report.Duplicates);
        Assert.Equal(18, report.Hidden);
    }
}
