namespace IcpScoring.Tests.Faults;

/// <summary>A test that mounts a file system for itself: skipped, saying why, where mount(8) is refused (not root, no CAP_SYS_ADMIN).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        Skip = Mounts.WhyNot;
    }
}
