namespace IcpScoring.Tests.Faults;

/// <summary>A theory that mounts a file system for each case: skipped, saying why, where mount(8) is refused.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MountTheoryAttribute : TheoryAttribute
{
    public MountTheoryAttribute()
    {
        Skip = Mounts.WhyNot;
    }
}
