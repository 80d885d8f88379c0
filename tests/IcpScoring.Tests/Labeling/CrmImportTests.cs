using IcpScoring.Ingestion;
using IcpScoring.Labeling;
using IcpScoring.Model;
using IcpScoring.Storage;
using IcpScoring.Tests.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Labeling;

public sealed class CrmImportTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly PipelineStore _store;

    public CrmImportTests() => _store = PipelineStore.Open(_dir.File("icp.db"), new StoreClock());

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static readonly QueueCandidate Jane = new("key-jane", "VP Finance", "Acme Bank", "Banking", "201-500", "https://www.linkedin.com/in/jane-doe", "", ModelFeatures.From("VP Finance", null, null));
    private static readonly QueueCandidate Bob = new("key-bob", "Treasurer", "Globex Insurance Inc.", "Insurance", "501-1000", "", QueueCandidates.NameKey("Bob Martin", "Globex Insurance"), ModelFeatures.From("Treasurer", null, null));

    private CrmImportResult Import(string csv, CrmOptions? options = null) =>
        CrmImport.Import(_dir.Write("crm.csv", csv), options ?? new CrmOptions(), [Jane, Bob], new ProfileLabels(_store.Labels, "finance"), "local");

    [Theory]
    [InlineData("customer", true)]
    [InlineData("Opportunity", true)]
    [InlineData("SQL", true)]
    [InlineData("salesqualifiedlead", true)]
    [InlineData("Sales Qualified Lead", true)]
    [InlineData("evangelist", true)]
    [InlineData("OPEN_DEAL", true)]
    [InlineData("Closed Won", true)]
    [InlineData("Closed - Converted", true)]
    [InlineData("converted", true)]
    [InlineData("Disqualified", false)]
    [InlineData("UNQUALIFIED", false)]
    [InlineData("Bad Fit", false)]
    [InlineData("not a fit", false)]
    [InlineData("no fit", false)]
    [InlineData("junk", false)]
    [InlineData("spam", false)]
    public void EveryDefaultStatusBecomesItsLabel(string status, bool isIcp)
    {
        var result = Import($"First Name,Last Name,Company Name,Job Title,Lifecycle Stage\nAnn,Lee,Initech,CFO,{status}\n");

        Assert.Equal((1, isIcp ? 1 : 0, isIcp ? 0 : 1), (result.Labeled, result.Icp, result.NotIcp));
        Assert.Equal(isIcp, Assert.Single(_store.Labels.List("finance")).IsIcp);
    }

    [Fact]
    public void EveryDefaultStatusIsTested()
    {
        var tested = typeof(CrmImportTests).GetMethod(nameof(EveryDefaultStatusBecomesItsLabel))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => CrmOptions.Key((string)a.GetData(null!).Single()[0])).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(CrmOptions.DefaultIcp.Concat(CrmOptions.DefaultNotIcp).Select(CrmOptions.Key), s => !tested.Contains(s));
    }

    [Fact]
    public void OtherStatusesAreCountedAndLeftUnlabeled()
    {
        var result = Import("First Name,Last Name,Company Name,Job Title,Lead Status\nAnn,Lee,Initech,CFO,New\nBo,Ek,Initech,CTO,Attempted to contact\nCy,Ma,Initech,CEO,New\n");

        Assert.Equal((3, 0, 3), (result.Rows, result.Labeled, result.Unlabeled));
        Assert.Equal(2, result.UnlabeledStatuses["New"]);
        Assert.Empty(_store.Labels.List("finance"));
    }

    [Fact]
    public void RowsAreMatchedByProfileUrlElseByNameAndCompanyAndTheRestKeptByTheirOwnInputs()
    {
        var result = Import("""
            First Name,Last Name,Company,Title,Lead Status,LinkedIn URL,Industry
            J.,Doe,Other Co,CFO,Customer,https://linkedin.com/in/jane-doe/,
            Bob,Martin,"Globex Insurance, Inc.",Treasurer,Unqualified,,
            Zoe,Kim,Umbrella,Head of Treasury,Opportunity,,Banking
            """);

        Assert.Equal((3, 2, 2, 1), (result.Rows, result.Matched, result.Icp, result.NotIcp));
        var labels = _store.Labels.List("finance").ToDictionary(l => l.Title);
        Assert.Equal(("key-jane", true, "Acme Bank"), (labels["VP Finance"].Key, labels["VP Finance"].IsIcp, labels["VP Finance"].Company));
        Assert.Equal(("key-bob", false), (labels["Treasurer"].Key, labels["Treasurer"].IsIcp));
        Assert.Equal(("Umbrella", "Banking", LabelSource.Crm), (labels["Head of Treasury"].Company, labels["Head of Treasury"].Industry, labels["Head of Treasury"].Source));
    }

    [Fact]
    public void StatusValuesAndColumnNamesComeFromTheSettings()
    {
        var options = new CrmOptions { IcpStatuses = ["won"], NotIcpStatuses = ["lost"], Columns = new() { ["Status"] = ["Deal Stage"] } };

        var result = Import("Name,Company,Title,Deal Stage\nAnn Lee,Initech,CFO,Won\nBo Ek,Initech,CTO,Lost\nCy Ma,Initech,CEO,Customer\n", options);

        Assert.Equal((1, 1, 1), (result.Icp, result.NotIcp, result.Unlabeled));
    }

    [Theory]
    [InlineData("First Name,Last Name,Company,Title\nAnn,Lee,Initech,CFO\n", "has no status column; expected one of Lifecycle Stage, Lead Status, Status")]
    [InlineData("Company,Title,Lead Status\nInitech,CFO,Customer\n", "has no name or LinkedIn URL column; expected First Name and Last Name, Full Name, or LinkedIn URL")]
    public void AFileWithoutAStatusOrANameOrUrlColumnIsRefusedNamingWhatWasExpected(string csv, string expected)
    {
        var e = Assert.Throws<UnreadableExportException>(() => Import(csv));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("crm.csv", e.Message, StringComparison.Ordinal);
    }
}
