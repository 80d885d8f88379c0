namespace IcpScoring.Tests.Storage;

// A clock the test moves by hand, so staleness is decided without sleeping.
internal sealed class StoreClock(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public StoreClock()
        : this(Start)
    {
    }

    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
