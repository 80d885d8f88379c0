namespace IcpScoring.Tests.Model;

// A clock that says what the test wants, for promotion times that can be asserted.
internal sealed class RegistryClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
