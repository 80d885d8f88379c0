using IcpScoring.Normalization;

namespace IcpScoring.Tests.Normalization;

public sealed class CompanyDirectoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("icp-directory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void DirectoryNormalizesIndustryAndSize()
    {
        var path = Write("company,INDUSTRY, Company Size ,Domain\n\"Acme, Inc.\",computer software,51-200,acme.example\n");

        var directory = CompanyDirectory.Load(path);

        Assert.True(directory.TryFind("ACME", out var entry));
        Assert.Equal("Acme, Inc.", entry.Company);
        Assert.Equal(4, entry.Industry?.Id);
        Assert.Equal('D', entry.Size?.Code);
        Assert.Equal("acme.example", entry.Domain);
    }

    [Fact]
    public void CompanyMatchesOnItsNormalizedName()
    {
        var path = Write("Company,Industry,Company Size\nMüller & Söhne GmbH,Marketing Services,250\n");
        var directory = CompanyDirectory.Load(path);

        var found = directory.TryFind("Muller and Sohne", out var entry);

        Assert.True(found);
        Assert.Equal('E', entry?.Size?.Code);
    }

    [Fact]
    public void FirstRowOfADuplicateCompanyWins()
    {
        var path = Write("Company,Industry,Company Size\nAcme Inc,Software Development,11-50\nACME LLC,Banking,10001+\n");

        var directory = CompanyDirectory.Load(path);

        Assert.Equal(1, directory.Count);
        Assert.True(directory.TryFind("Acme", out var entry));
        Assert.Equal("Software Development", entry.Industry?.Label);
    }

    [Fact]
    public void RowWithoutCompanyIsSkipped()
    {
        var path = Write("Company,Industry,Company Size\n,Software Development,11-50\n  ,Banking,2-10\nBeta,,\n");

        var directory = CompanyDirectory.Load(path);

        Assert.Equal(1, directory.Count);
        Assert.True(directory.TryFind("beta", out var entry));
        Assert.Null(entry.Industry);
        Assert.Null(entry.Size);
        Assert.Null(entry.Domain);
    }

    [Fact]
    public void UnrecognizedValuesAreCounted()
    {
        var path = Write("Company,Industry,Company Size\nAcme,Basket Weaving,lots\nBeta,Banking,\n");

        var directory = CompanyDirectory.Load(path);

        Assert.Equal(1, directory.UnrecognizedIndustries);
        Assert.Equal(1, directory.UnrecognizedSizes);
    }

    [Fact]
    public void SemicolonSeparatedDirectoryLoads()
    {
        var path = Write("Company;Industry;Company Size\r\nAcme SA;Internet;1001-5000\r\n");

        var directory = CompanyDirectory.Load(path);

        Assert.True(directory.TryFind("acme", out var entry));
        Assert.Equal(6, entry.Industry?.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Unknown Corp")]
    public void UnknownOrMissingCompanyIsNotFound(string? company)
    {
        var directory = CompanyDirectory.Load(Write("Company,Industry,Company Size\nAcme,Banking,2-10\n"));

        var found = directory.TryFind(company, out _);

        Assert.False(found);
    }

    [Fact]
    public void EmptyDirectoryFindsNothing()
    {
        var directory = CompanyDirectory.Empty;

        Assert.Equal(0, directory.Count);
        Assert.False(directory.TryFind("Acme", out _));
    }

    [Fact]
    public void MissingFileThrowsNamingTheFile()
    {
        var path = Path.Combine(_folder, "nowhere.csv");

        var error = Assert.Throws<CompanyDirectoryException>(() => CompanyDirectory.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Company,Industry,Company Size", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name,Sector,Employees\nAcme,Banking,10\n")]
    [InlineData("Company,Industry\nAcme,Banking\n")]
    [InlineData("")]
    [InlineData("Notes:\n\"This file holds your connections.\"\n\nFirst Name,Last Name,Company\n")]
    public void FileWithoutTheColumnsThrowsNamingTheFileAndTheHeader(string content)
    {
        var path = Write(content);

        var error = Assert.Throws<CompanyDirectoryException>(() => CompanyDirectory.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Company,Industry,Company Size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryFileThrowsNamingTheFile()
    {
        var path = Path.Combine(_folder, "companies.xlsx");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]);

        var error = Assert.Throws<CompanyDirectoryException>(() => CompanyDirectory.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a text CSV file", error.Message, StringComparison.Ordinal);
    }

    private string Write(string content)
    {
        var path = Path.Combine(_folder, $"companies-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
