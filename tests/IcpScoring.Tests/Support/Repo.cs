namespace IcpScoring.Tests.Support;

/// <summary>The repository the tests run from, found by walking up to IcpScoring.sln.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "IcpScoring.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IcpScoring.sln not found above " + AppContext.BaseDirectory);
    }
}
