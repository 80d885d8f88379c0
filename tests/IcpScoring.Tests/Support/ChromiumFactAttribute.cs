namespace IcpScoring.Tests.Support;

/// <summary>
/// A test that drives Debian's Chromium through Playwright: skipped, saying why, on a machine
/// without it (<c>.ci/run</c> installs it). <c>ICP_CHROMIUM</c> names another executable.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
        {
            Skip = $"no Chromium at {Executable}: apt-get install chromium (.ci/run does), or set ICP_CHROMIUM";
        }
    }

    public static string Executable => Environment.GetEnvironmentVariable("ICP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
}
