using IcpScoring.Cli.Web;

namespace IcpScoring.Tests.Web;

/// <summary>The upload page's suggestions, on a clock the test sets.</summary>
public sealed class UploadsTests
{
    [Fact]
    public void TheMonthSuggestedInNovemberIsOctober()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero));

        var month = Uploads.DefaultMonth(clock);

        Assert.Equal("2026-10", month);
    }

    [Fact]
    public void TheMonthSuggestedInJanuaryIsDecemberOfTheYearBefore()
    {
        var clock = new FixedClock(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var month = Uploads.DefaultMonth(clock);

        Assert.Equal("2026-12", month);
    }

    [Fact]
    public void TheMonthSuggestedFollowsTheServersLocalDateNotUtc()
    {
        // 23:30 UTC on 31 January is already 1 February in Berlin: January is the month before.
        var clock = new FixedClock(new DateTimeOffset(2027, 1, 31, 23, 30, 0, TimeSpan.Zero), TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1"));

        var month = Uploads.DefaultMonth(clock);

        Assert.Equal("2027-01", month);
    }

    // A clock that stands still, in a time zone of the test's choosing (UTC unless told).
    private sealed class FixedClock(DateTimeOffset now, TimeZoneInfo? zone = null) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => zone ?? TimeZoneInfo.Utc;
    }
}
