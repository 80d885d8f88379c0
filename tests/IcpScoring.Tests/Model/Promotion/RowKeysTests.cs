using IcpScoring.Model;
using IcpScoring.Model.Promotion;

namespace IcpScoring.Tests.Model.Promotion;

public sealed class RowKeysTests
{
    private static ModelInput Row(string title = "VP Marketing", bool label = true) => new()
    {
        Title = title,
        Industry = "Software Development",
        IndustryGroup = "Technology, Information and Media",
        SizeBucket = "51-200",
        SizeOrdinal = 0.5f,
        Seniority = "VP",
        Function = "Marketing",
        SeniorityFunction = "VP Marketing",
        Label = label,
    };

    [Fact]
    public void AKeyIsTheSameOnEveryMachineAndRelease()
    {
        // Pinned: rows.json written by one release must be matched by the next.
        Assert.Equal(0xbee8d759cc313677UL, RowKeys.Of(Row()));
    }

    [Fact]
    public void TheLabelIsTheLowestBitAndTheRestIsTheInput()
    {
        var icp = RowKeys.Of(Row(label: true));
        var other = RowKeys.Of(Row(label: false));

        Assert.NotEqual(icp, other);
        Assert.Equal(RowKeys.Input(icp), RowKeys.Input(other));
        Assert.True(RowKeys.Label(icp));
        Assert.False(RowKeys.Label(other));
        Assert.Equal(RowKeys.Of(Row("vp marketing")), icp);
        Assert.NotEqual(RowKeys.Input(RowKeys.Of(Row("VP Sales"))), RowKeys.Input(icp));
    }

    [Fact]
    public void KeysSurviveTheirEncoding()
    {
        ulong[] keys = [0, 1, ulong.MaxValue, 0xbee8d759cc313677UL];

        var text = RowKeys.Encode(keys);

        Assert.Equal(keys, RowKeys.Decode(text));
        Assert.DoesNotContain('+', text);
        Assert.Throws<FormatException>(() => RowKeys.Decode("AAAA"));
    }
}
