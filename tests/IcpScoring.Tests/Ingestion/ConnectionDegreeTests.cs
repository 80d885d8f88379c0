using IcpScoring.Ingestion;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Ingestion;

/// <summary>How far each person is from the account, as exports write it.</summary>
public sealed class ConnectionDegreeTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void DegreesAreReadInEveryFormExportersWriteThem()
    {
        var path = _dir.Write("leads.csv", """
            Full Name,Title,Company Name,Degree
            A,CMO,Acme,1st
            B,CMO,Acme,2nd
            C,CMO,Acme,3rd
            D,CMO,Acme,3rd+
            E,CMO,Acme,1
            F,CMO,Acme,2
            G,CMO,Acme,3
            H,CMO,Acme,Out of network
            I,CMO,Acme,OUT_OF_NETWORK
            J,CMO,Acme,• 2nd
            K,CMO,Acme,DISTANCE_2
            L,CMO,Acme,

            """);

        var (report, connections) = Ingest.File(path);

        Assert.Equal(
            [ConnectionDegree.First, ConnectionDegree.Second, ConnectionDegree.Third, ConnectionDegree.Third, ConnectionDegree.First, ConnectionDegree.Second,
             ConnectionDegree.Third, ConnectionDegree.OutOfNetwork, ConnectionDegree.OutOfNetwork, ConnectionDegree.Second, ConnectionDegree.Second, ConnectionDegree.Unknown],
            connections.Select(c => c.Degree));
        Assert.Equal(9, report.OutsideNetwork);
        Assert.Equal("Degree", report.DegreeColumn);
    }

    [Fact]
    public void PhantombustersCamelCaseDegreeColumnIsRecognised()
    {
        var path = _dir.Write("pb.csv",
            "profileUrl,fullName,companyName,title,industry,connectionDegree\n"
            + "https://www.linkedin.com/in/ana,Ana Nair,Brightlane,Marketing Director,Marketing Services,2nd\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal("phantombuster", report.Format);
        Assert.Equal(ConnectionDegree.Second, connections.Single().Degree);
        Assert.True(connections.Single().IsOutsideNetwork);
    }

    [Fact]
    public void AConfiguredHeaderCanNameTheDegreeColumn()
    {
        var path = _dir.Write("crm.csv", "Name,Title,Company,Reach\nAna Nair,CMO,Brightlane,3rd\n");
        var options = new IngestionOptions { Columns = new() { ["ConnectionDegree"] = ["Reach"] } };

        var (_, connections) = Ingest.File(path, options);

        Assert.Equal(ConnectionDegree.Third, connections.Single().Degree);
    }

    [Fact]
    public void AnUnrecognisedDegreeRejectsItsRowWithTheReasonAndEveryRowIsStillAccountedFor()
    {
        var path = _dir.Write("leads.csv", "Full Name,Title,Company Name,Connection Degree\nA,CMO,Acme,2nd\nB,CMO,Acme,Following\nC,CMO,Acme,1st\n");

        var (report, connections) = Ingest.File(path);

        Assert.Equal(["A", "C"], connections.Select(c => c.Name));
        var reject = Assert.Single(report.Rejects);
        Assert.Equal(3, reject.Line);
        Assert.Contains("unrecognised connection degree", reject.Reason, StringComparison.Ordinal);
        Ingest.AssertEveryRowAccountedFor(report);
    }

    [Fact]
    public void LinkedInsOwnExportHasNoDegreeColumnAndSaysWhatItIs()
    {
        var (report, connections) = Ingest.File(Repo.Path("data-samples", "exports", "connections-2023.csv"));

        Assert.True(report.LinkedInExport);
        Assert.Null(report.DegreeColumn);
        Assert.All(connections, c => Assert.False(c.IsOutsideNetwork));
    }
}
