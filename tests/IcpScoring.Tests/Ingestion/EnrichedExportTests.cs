using IcpScoring.Ingestion;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Ingestion;

public sealed class EnrichedExportTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ApolloContactsExportIsRecognisedWithV1IndustryAndHeadcount()
    {
        var path = _dir.Write("apollo.csv",
            "First Name,Last Name,Title,Company,Company Name for Emails,Email,Email Status,Seniority,Departments,# Employees,Industry,Person Linkedin Url,Website,Company Linkedin Url\n"
            + "Ana,Nair,VP Marketing,Northwind Analytics,Northwind,ana@example.com,Verified,VP,Marketing,250,computer software,http://www.linkedin.com/in/ana-nair,https://northwind.example,http://www.linkedin.com/company/northwind\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal("apollo", report.Format);
        var c = connections.Single();
        Assert.Equal("VP Marketing", c.Title);
        Assert.Equal("Northwind Analytics", c.Company);
        Assert.Equal("Software Development", c.Industry?.Label);
        Assert.Equal("201-500", c.CompanySize?.Label);
        Assert.Equal("https://www.linkedin.com/in/ana-nair", c.ProfileUrl);
    }

    [Fact]
    public void SalesNavigatorExtractIsRecognisedWithItsRangeColumn()
    {
        var path = _dir.Write("salesnav.csv",
            "First Name,Last Name,Full Name,Title,Company Name,Company Industry,Company Employee Count Range,Location,Linkedin,Connection Degree\n"
            + "Ana,Nair,Ana Nair,Head of Demand Generation,Brightlane,IT Services and IT Consulting,\"10,001+\",Berlin,https://www.linkedin.com/in/ana,1st\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal("sales-navigator", report.Format);
        var c = connections.Single();
        Assert.Equal("Brightlane", c.Company);
        Assert.Equal("IT Services and IT Consulting", c.Industry?.Label);
        Assert.Equal("10001+", c.CompanySize?.Label);
    }

    [Fact]
    public void SalesNavigatorHeadcountColumnIsUsedWhenTheRangeIsEmpty()
    {
        var path = _dir.Write("salesnav.csv",
            "Full Name,Title,Company Name,Company Industry,Company Employee Count Range,Company Employee Count,Linkedin\n"
            + "Ana Nair,CMO,Brightlane,Software Development,,42,https://www.linkedin.com/in/ana\n");

        var (_, connections) = Ingest.File(path);

        Assert.Equal("11-50", connections.Single().CompanySize?.Label);
        Assert.Equal("Ana Nair", connections.Single().Name);
    }

    [Fact]
    public void PhantombusterExportIsRecognisedWithoutASizeColumn()
    {
        var path = _dir.Write("pb.csv",
            "profileUrl,fullName,firstName,lastName,companyName,title,companyId,companyUrl,industry,location,query,timestamp\n"
            + "https://www.linkedin.com/sales/lead/ACwAAB,Ana Nair,Ana,Nair,Brightlane,Marketing Director,123,https://www.linkedin.com/company/123,Marketing Services,Paris,q,2026-10-01T10:00:00.000Z\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal("phantombuster", report.Format);
        var c = connections.Single();
        Assert.Equal("Marketing Director", c.Title);
        Assert.Equal("Marketing Services", c.Industry?.Label);
        Assert.Null(c.CompanySize);
    }

    [Fact]
    public void ConfiguredHeaderAliasesMapAnyHeader()
    {
        var path = _dir.Write("crm.csv", "Contact,Rolle,Firma,Branche,Mitarbeiter\nAna Nair,Leiterin Marketing,Brightlane,Software Development,120\n");
        var options = new IngestionOptions
        {
            Columns = new()
            {
                ["Title"] = ["Rolle"],
                ["Company"] = ["Firma"],
                ["Industry"] = ["Branche"],
                ["CompanySize"] = ["Mitarbeiter"],
                ["FullName"] = ["Contact"],
            },
        };

        var (report, connections) = Ingest.File(path, options);

        Assert.Equal("custom", report.Format);
        var c = connections.Single();
        Assert.Equal("Leiterin Marketing", c.Title);
        Assert.Equal("Brightlane", c.Company);
        Assert.Equal("51-200", c.CompanySize?.Label);
    }

    [Fact]
    public void UnknownRoleInConfiguredAliasesIsAConfigurationError()
    {
        var options = new IngestionOptions { Columns = new() { ["Headline"] = ["Tagline"] } };

        var problems = options.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("Ingestion:Columns:Headline", StringComparison.Ordinal));
    }

    [Fact]
    public void AccountColumnSplitsAnAgencyFile()
    {
        var path = _dir.Write("agency.csv",
            "Account,First Name,Last Name,URL,Email Address,Company,Position,Connected On,Industry,Company Size\n"
            + "acme,Ana,Nair,https://www.linkedin.com/in/ana,,Northwind,CMO,21 May 2023,Software Development,51-200\n"
            + "acme,Bo,Li,https://www.linkedin.com/in/bo,,Globex,CTO,21 May 2023,Software Development,51-200\n"
            + "globex,Ana,Nair,https://www.linkedin.com/in/ana,,Northwind,CMO,21 May 2023,Software Development,51-200\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal("linkedin-2023-enriched", report.Format);
        Assert.Equal(2, report.Accounts["acme"]);
        Assert.Equal(1, report.Accounts["globex"]);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(["acme", "acme", "globex"], connections.Select(c => c.Account));
    }

    [Fact]
    public void FileWithOnlyNamesAndNoTitleOrCompanyIsNotAnExport()
    {
        var path = _dir.Write("names.csv", "First Name,Last Name,Email\nAna,Nair,ana@example.com\n");

        Assert.Throws<UnreadableExportException>(() => Ingest.File(path));
    }
}
