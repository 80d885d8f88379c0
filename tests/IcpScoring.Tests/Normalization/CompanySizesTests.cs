using IcpScoring.Normalization;

namespace IcpScoring.Tests.Normalization;

public class CompanySizesTests
{
    [Theory]
    [InlineData("250", 'E')]
    [InlineData("1", 'A')]
    [InlineData("2", 'B')]
    [InlineData("10", 'B')]
    [InlineData("11", 'C')]
    [InlineData("5000", 'G')]
    [InlineData("10001", 'I')]
    [InlineData("25000", 'I')]
    [InlineData(" 42 ", 'C')]
    public void HeadcountMapsToItsBucket(string raw, char expected)
    {
        var size = CompanySizes.Parse(raw);

        Assert.Equal(expected, size?.Code);
    }

    [Theory]
    [InlineData("Self-employed", 'A')]
    [InlineData("self employed", 'A')]
    [InlineData("Myself Only", 'A')]
    [InlineData("1-10", 'B')]
    [InlineData("2-10", 'B')]
    [InlineData("11-50", 'C')]
    [InlineData("11-50 employees", 'C')]
    [InlineData("51-200", 'D')]
    [InlineData("51 to 200", 'D')]
    [InlineData("51 to 200 employees", 'D')]
    [InlineData("201-500", 'E')]
    [InlineData("201 - 500", 'E')]
    [InlineData("201–500", 'E')]
    [InlineData("501-1000", 'F')]
    [InlineData("501-1,000", 'F')]
    [InlineData("1001-5000 employees", 'G')]
    [InlineData("1,001-5,000", 'G')]
    [InlineData("5,001-10,000", 'H')]
    [InlineData("5001-10000", 'H')]
    [InlineData("10,001+", 'I')]
    [InlineData("10001+", 'I')]
    [InlineData("10,001+ employees", 'I')]
    [InlineData("E", 'E')]
    public void LinkedInAndSalesNavigatorFormsMapToTheirBucket(string raw, char expected)
    {
        var size = CompanySizes.Parse(raw);

        Assert.Equal(expected, size?.Code);
    }

    [Theory]
    [InlineData("1K-5K", 'G')]
    [InlineData("1k-5k", 'G')]
    [InlineData("1,000-4,999", 'G')]
    [InlineData("5,000-9,999", 'H')]
    [InlineData("50-200", 'D')]
    [InlineData("200-500", 'E')]
    [InlineData("10,000+", 'I')]
    [InlineData("10K+", 'I')]
    [InlineData("10,000 or more", 'I')]
    [InlineData("0-1", 'A')]
    [InlineData("1.5K", 'G')]
    [InlineData("over 10,000", 'I')]
    [InlineData("more than 50", 'D')]
    [InlineData("250 Mitarbeiter", 'E')]
    [InlineData("51-200 employees (LinkedIn)", 'D')]
    [InlineData("SIZE_201_TO_500", 'E')]
    [InlineData("between 11 and 50", 'C')]
    public void OtherToolsRangesMapToTheBucketHoldingMostOfThem(string raw, char expected)
    {
        var size = CompanySizes.Parse(raw);

        Assert.Equal(expected, size?.Code);
    }

    [Theory]
    [InlineData("1-50", 'B')]
    [InlineData("51-1000", 'D')]
    [InlineData("1-10000", 'B')]
    public void RangeSpanningSeveralBucketsTakesTheLargestOnALogScale(string raw, char expected)
    {
        var size = CompanySizes.Parse(raw);

        Assert.Equal(expected, size?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    [InlineData("-")]
    [InlineData("unknown")]
    [InlineData("Acme Inc")]
    [InlineData("500-200")]
    [InlineData("12 34")]
    [InlineData("x")]
    public void EmptyOrUnparseableSizeIsNull(string? raw)
    {
        var size = CompanySizes.Parse(raw);

        Assert.Null(size);
    }

    [Fact]
    public void BucketsRunFromSelfEmployedToTenThousandAndOne()
    {
        var all = CompanySizes.All;

        Assert.Equal("ABCDEFGHI", string.Concat(all.Select(s => s.Code)));
        Assert.Equal(Enumerable.Range(1, 9), all.Select(s => s.Ordinal));
        Assert.Equal(10001, all[^1].MinEmployees);
        Assert.Null(all[^1].MaxEmployees);
        Assert.Equal("201-500", all[4].Label);
    }
}
