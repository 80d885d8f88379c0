using IcpScoring.Ingestion;
using IcpScoring.Labeling;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Storage;
using IcpScoring.Tests.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Labeling;

public sealed class ProfileLabelsTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly StoreClock _clock = new();
    private readonly PipelineStore _store;

    public ProfileLabelsTests() => _store = PipelineStore.Open(_dir.File("icp.db"), _clock);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private ProfileLabels Finance => new(_store.Labels, "finance");

    private LabeledSet Read(string csv) => LabeledSet.Read(_dir.Write($"{Guid.NewGuid():N}.csv", csv), new IngestionOptions(), CompanyDirectory.Empty);

    [Fact]
    public void AFilesLabelsAreRecordedAndTheProfilesOtherLabelsJoinItsTrainingSet()
    {
        Finance.Record(Read("Title,Company,Industry,Company Size,IsIcp\nCFO,Acme,Banking,201-500,yes\nNurse,Clinic,Hospitals and Health Care,51-200,no\n"), LabelSource.Page, "alice");

        var set = Finance.Record(Read("Title,Company,Industry,Company Size,IsIcp\nTreasurer,Globex,Insurance,501-1000,yes\n"), LabelSource.Train, "local");

        Assert.Equal(("Treasurer", true), (set.Rows[0].Title, set.Rows[0].Label));
        Assert.Equal([("CFO", true), ("Nurse", false)], set.Rows.Skip(1).Select(r => (r.Title, r.Label)).OrderBy(r => r.Title, StringComparer.Ordinal));
        Assert.Equal(3, _store.Labels.List("finance").Count);
    }

    [Fact]
    public void TheLatestLabelOfAPersonWinsInTheStoreAndInTraining()
    {
        Finance.Record(Read("Title,Company,Industry,Company Size,URL,IsIcp\nHead of FP&A,Acme,Banking,201-500,https://www.linkedin.com/in/ann,no\nCFO,Acme,Banking,201-500,,yes\n"), LabelSource.Crm, "local");
        _clock.Advance(TimeSpan.FromHours(1));

        var set = Finance.Record(Read("Title,Company,Industry,Company Size,URL,IsIcp\nHead of FP&A,Acme Bank,Banking,201-500,https://www.linkedin.com/in/ann/,yes\nNurse,Clinic,,,,no\n"), LabelSource.Train, "local");

        Assert.Equal([("Head of FP&A", true), ("Nurse", false), ("CFO", true)], set.Rows.Select(r => (r.Title, r.Label)));
        var ann = _store.Labels.List("finance").Single(l => l.Title == "Head of FP&A");
        Assert.Equal((true, "Acme Bank", LabelSource.Train, StoreClock.Start.AddHours(1)), (ann.IsIcp, ann.Company, ann.Source, ann.At));
    }

    [Fact]
    public void AQueuedPersonWithoutUrlOrNameIsLabeledUnderTheQueuesKey()
    {
        _store.Labels.ReplaceQueue("finance", [new QueuedPerson(1, "snapshot-key-1", "Head of Treasury", "Globex", "Insurance", "501-1000", 0.31)]);

        Finance.Record(Read("Title,Company,Industry,Company Size,Profile URL,Score,IsIcp\nHead of Treasury,Globex,Insurance,501-1000,,0.310,yes\n"), LabelSource.Train, "local");

        Assert.Equal("snapshot-key-1", Assert.Single(_store.Labels.List("finance")).Key);
        Assert.Null(_store.Labels.Next("finance"));
    }

    [Fact]
    public void AnExportTrainedOnAgainKeepsWhoGaveEachLabelAndWhen()
    {
        Finance.Record(Read("Title,Company,Industry,Company Size,URL,IsIcp\nCFO,Acme,Banking,201-500,https://www.linkedin.com/in/ann,yes\nNurse,Clinic,,,,no\n"), LabelSource.Page, "alice");
        var before = _store.Labels.List("finance");
        Finance.Export(_dir.File("labels.csv"));
        _clock.Advance(TimeSpan.FromDays(1));

        Finance.Record(LabeledSet.Read(_dir.File("labels.csv"), new IngestionOptions(), CompanyDirectory.Empty), LabelSource.File, "local");

        Assert.Equal(before, _store.Labels.List("finance"));
    }

    [Fact]
    public void AStoredLabelTrainsAsWhatTheModelReads()
    {
        var label = new StoredLabel("finance", "k", "Directeur financier 🚀", "Acme", "Banking", "201-500", true, LabelSource.Page, "local", StoreClock.Start);

        var input = ProfileLabels.Input(label);

        Assert.Equal((TitleCleaner.Clean("Directeur financier 🚀"), "Banking", "201-500", true), (input.Title, input.Industry, input.SizeBucket, input.Label));
    }
}
