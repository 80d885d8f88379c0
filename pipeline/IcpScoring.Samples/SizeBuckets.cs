namespace IcpScoring.Samples;

// LinkedIn's company-size buckets (shared/reference/company-size-codes.csv), without Self-employed,
// which is a person rather than a company. The sample ICP takes 11 to 5,000 employees.
internal static class SizeBuckets
{
    public static readonly SizeBucket[] All =
    [
        new("1-10", 1, 10, "1-10", false, 10),
        new("11-50", 11, 50, "11-50", true, 18),
        new("51-200", 51, 200, "51-200", true, 20),
        new("201-500", 201, 500, "201-500", true, 14),
        new("501-1000", 501, 1000, "501-1,000", true, 9),
        new("1001-5000", 1001, 5000, "1,001-5,000", true, 11),
        new("5001-10000", 5001, 10000, "5,001-10,000", false, 6),
        new("10001+", 10001, 250000, "10,001+", false, 12),
    ];

    public static readonly SizeBucket[] Icp = [.. All.Where(s => s.IsIcp)];

    public static readonly SizeBucket[] NonIcp = [.. All.Where(s => !s.IsIcp)];

    // Skewed to the low end of the bucket, as real headcounts are.
    public static int Headcount(Random random, SizeBucket bucket)
    {
        var u = random.NextDouble();
        return bucket.Min + (int)((bucket.Max - bucket.Min) * u * u);
    }
}
