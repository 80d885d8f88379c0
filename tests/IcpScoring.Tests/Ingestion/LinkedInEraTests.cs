using System.Text;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Ingestion;

public sealed class LinkedInEraTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Export2018WithQuotedUsDateTimesIsRead()
    {
        var path = _dir.Write("c.csv", Some.Header2018 + "\n"
            + "Ana,Nair,,Northwind,Head of Marketing,\"1/8/18, 6:14 PM\"\n"
            + "Ben,Okafor,ben@example.com,Globex,Engineer,\"12/31/17, 11:02 AM\"\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal("linkedin-2018", report.Format);
        Assert.Equal(2, report.Connections);
        Assert.Equal(new DateOnly(2018, 1, 8), connections[0].ConnectedOn);
        Assert.Equal(new DateOnly(2017, 12, 31), connections[1].ConnectedOn);
        Assert.Equal("Head of Marketing", connections[0].Title);
    }

    [Fact]
    public void Export2020WithDayMonthYearDatesIsRead()
    {
        var path = _dir.Write("c.csv", Some.Header2018 + "\nAna,Nair,,Northwind,CMO,14 Feb 2020\nBen,Okafor,,Globex,CTO,3 Mar 2019\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal("linkedin-2020", report.Format);
        Assert.Equal(new DateOnly(2020, 2, 14), connections[0].ConnectedOn);
        Assert.Equal(new DateOnly(2019, 3, 3), connections[1].ConnectedOn);
    }

    [Fact]
    public void Export2022NotesPreambleIsSkippedNotTakenForTheHeader()
    {
        var path = _dir.Write("c.csv", Some.NotesPreamble + Some.Header2018 + "\nAna,Nair,,Northwind,CMO,09 Sep 2022\nBen,Okafor,,Globex,CTO,10 Sep 2022\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal("linkedin-2022", report.Format);
        Assert.Equal(4, report.HeaderLine);
        Assert.Equal(2, connections.Count);
        Assert.Equal(5, connections[0].Line);
    }

    [Fact]
    public void Export2023WithUrlColumnAndNoFinalNewlineIsRead()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023(), Some.Row2023(first: "Ben", url: "https://www.linkedin.com/in/ben-2b", connectedOn: "01 Jun 2023")));

        var (report, connections) = Ingest.File(path);

        Assert.Equal("linkedin-2023", report.Format);
        Assert.Equal(2, report.Connections);
        Assert.Equal("https://www.linkedin.com/in/ben-2b", connections[1].ProfileUrl);
        Assert.Equal(new DateOnly(2023, 6, 1), connections[1].ConnectedOn);
    }

    [Fact]
    public void ExcelResavedCopyWithBomCrlfAndShortDatesIsRead()
    {
        var text = Some.Header2023 + "\r\nAna,Nair,https://www.linkedin.com/in/ana,,Northwind,CMO,9-Sep-22\r\nBen,Okafor,https://www.linkedin.com/in/ben,,Globex,CTO,12-Oct-21\r\n";
        var path = _dir.Write("c.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var (report, connections) = Ingest.File(path);

        Assert.Equal("linkedin-2023-excel", report.Format);
        Assert.Equal("utf-8-bom", report.Encoding);
        Assert.Equal(new DateOnly(2022, 9, 9), connections[0].ConnectedOn);
        Assert.Equal(new DateOnly(2021, 10, 12), connections[1].ConnectedOn);
        Assert.Equal("Ana", connections[0].Name.Split(' ')[0]);
    }

    [Fact]
    public void DateOnlyRowsCountAsHiddenConnections()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023(), ",,,,,,21 May 2023", ",,,,,,21 May 2023"));

        var (report, connections) = Ingest.File(path);

        Assert.Equal(3, report.Connections);
        Assert.Equal(2, report.Hidden);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(0, report.Duplicates);
        Assert.All(connections.Skip(1), c => Assert.True(c.IsHidden));
    }

    [Fact]
    public void UntrimmedWhitespaceIsTrimmed()
    {
        var path = _dir.Write("c.csv", Some.Export2023("  Ana ,Nair ,  https://www.linkedin.com/in/ana ,,  Northwind  ,  VP Marketing  , 21 May 2023 "));

        var (_, connections) = Ingest.File(path);

        Assert.Equal("Northwind", connections[0].Company);
        Assert.Equal("VP Marketing", connections[0].Title);
        Assert.Equal(new DateOnly(2023, 5, 21), connections[0].ConnectedOn);
    }

    [Fact]
    public void CommasAndDoubledQuotesInsideQuotedFieldsAreKept()
    {
        var path = _dir.Write("c.csv", Some.Export2023("Ana,Nair,https://www.linkedin.com/in/ana,,\"Acme, Inc.\",\"The \"\"Growth\"\" Lead, EMEA\",21 May 2023"));

        var (_, connections) = Ingest.File(path);

        Assert.Equal("Acme, Inc.", connections[0].Company);
        Assert.Equal("The \"Growth\" Lead, EMEA", connections[0].Title);
    }

    [Fact]
    public void EmptyEmailsAreNormal()
    {
        var path = _dir.Write("c.csv", Some.Export2023(Some.Row2023(email: ""), Some.Row2023(first: "Ben", url: "https://www.linkedin.com/in/ben", email: "ben@example.com")));

        var (report, connections) = Ingest.File(path);

        Assert.Equal(2, report.Connections);
        Assert.Equal("", connections[0].Email);
        Assert.Equal("ben@example.com", connections[1].Email);
    }

    [Fact]
    public void Utf16FileFromExcelIsTranscoded()
    {
        var text = Some.Header2018 + "\r\nJosé,Müller,,Brightlane,Directeur Marketing,14 Feb 2020\r\n";
        var path = _dir.Write("c.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        var (report, connections) = Ingest.File(path);

        Assert.Equal("utf-16le", report.Encoding);
        Assert.Equal("Directeur Marketing", connections[0].Title);
        Assert.Contains("Müller", connections[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows1252FileIsReadWithItsAccents()
    {
        var text = Some.Header2018 + "\r\nJosé,Müller,,Brightlane,Directeur Général,14 Feb 2020\r\n";
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var path = _dir.Write("c.csv", Encoding.GetEncoding(1252).GetBytes(text));

        var (report, connections) = Ingest.File(path);

        Assert.Equal("windows-1252", report.Encoding);
        Assert.Equal("Directeur Général", connections[0].Title);
    }

    [Fact]
    public void SemicolonSeparatedFileIsRead()
    {
        var path = _dir.Write("c.csv", "First Name;Last Name;URL;Email Address;Company;Position;Connected On\nAna;Nair;https://www.linkedin.com/in/ana;;\"Acme; Inc.\";CMO;21 May 2023\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal(1, report.Connections);
        Assert.Equal("Acme; Inc.", connections[0].Company);
    }
}
