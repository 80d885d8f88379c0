using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Model;

public sealed class LabeledSetTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static LabeledSet Read(string path) => LabeledSet.Read(path, new IngestionOptions(), CompanyDirectory.Empty);

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData(" Yes ", true)]
    [InlineData("no", false)]
    public void BooleanLabelsInTheirUsualSpellingsAreRead(string text, bool expected)
    {
        var ok = LabeledSet.TryParseLabel(text, out var label);

        Assert.True(ok);
        Assert.Equal(expected, label);
    }

    [Fact]
    public void RowsWhoseLabelIsNotABooleanAreRejectedWithTheirLine()
    {
        var path = _dir.Write("l.csv", "Title,Industry,Company Size,IsIcp\nCMO,Software Development,51-200,true\nNurse,Hospitals and Health Care,10001+,maybe\nCTO,Software Development,51-200,\nTeacher,,,no\n");

        var set = Read(path);

        Assert.Equal(2, set.Rows.Count);
        Assert.Equal([3L], set.Report.Rejects.Select(r => r.Line));
        Assert.Contains("'maybe' is not true/false", set.Report.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Equal(set.Report.DataRows, set.Report.Connections + set.Report.Rejected);
    }

    [Fact]
    public void RowsLeftWithoutALabelAreSkippedAndCountedNotRejected()
    {
        var path = _dir.Write("l.csv", "Title,Industry,Company Size,IsIcp\nCMO,Software Development,51-200,true\nCTO,Software Development,51-200,\nTeacher,,,  \nNurse,,,no\n");

        var set = Read(path);

        Assert.Equal((2, 2L, 0L), (set.Rows.Count, set.Unlabeled, set.Report.Rejected));
    }

    [Theory]
    [InlineData("Label")]
    [InlineData("Icp")]
    [InlineData("IsIcp")]
    public void AnyOfTheLabelHeadersIsRecognised(string header)
    {
        var path = _dir.Write("l.csv", $"Title,{header}\nCMO,yes\nNurse,no\n");

        var set = Read(path);

        Assert.Equal(1, set.Positives);
        Assert.Equal(1, set.Negatives);
    }

    [Fact]
    public void MissingFeatureColumnsAreAllowed()
    {
        var path = _dir.Write("l.csv", "Industry,IsIcp\nSoftware Development,1\nRetail,0\n");

        var set = Read(path);

        Assert.Equal("", set.Rows[0].Title);
        Assert.Equal("Software Development", set.Rows[0].Industry);
        Assert.Equal("Technology, Information and Media", set.Rows[0].IndustryGroup);
    }

    [Fact]
    public void FileWithoutALabelColumnIsAnErrorNamingTheExpectedColumns()
    {
        var path = _dir.Write("l.csv", "Title,Industry,Company Size\nCMO,Software Development,51-200\n");

        var e = Assert.Throws<UnreadableExportException>(() => Read(path));

        Assert.Contains("no label column", e.Message, StringComparison.Ordinal);
        Assert.Contains("IsIcp, Label or Icp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFileIsFingerprintedForTheModelRecord()
    {
        var path = _dir.Write("l.csv", "Title,IsIcp\nCMO,yes\nNurse,no\n");

        var set = Read(path);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), set.Sha256);
    }
}
