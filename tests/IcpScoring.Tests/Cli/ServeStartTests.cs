using System.Net;
using System.Net.Sockets;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Cli;

/// <summary><c>icp serve</c> that cannot start says why in one line and exits 2, as every other command does.</summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed class ServeStartTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void APortInUseIsOneLineNamingTheAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var result = Serve("--urls", url);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"icp: cannot listen on {url}: the address is in use (another icp serve?); give another with --urls or Jobs:Urls", OneLine(result.Stderr));
        Assert.DoesNotContain("icp serve:", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("ftp://127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/jobs")]
    [InlineData("http://127.0.0.1:5080;127.0.0.1:5081")]
    public void AnEndpointThatIsNotAWebAddressIsRefusedBeforeAnythingStarts(string urls)
    {
        var result = Serve("--urls", urls);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("icp: --urls (or Jobs:Urls) '", OneLine(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("is not a web address to listen on", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("data")), "something was created before the endpoint was checked");
    }

    private IcpProcess.Result Serve(params string[] args)
    {
        Directory.CreateDirectory(_dir.File("inbox"));
        var config = IcpProcess.WriteConfig(_dir);
        return IcpProcess.Run(_dir.Path, null, ["--config", config, "--models-dir", Repo.Path("models"), "serve", "--inbox", _dir.File("inbox"), "--out", _dir.File("out"), .. args]);
    }

    private static string OneLine(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on standard error, got:\n{stderr}");
        return lines[0].TrimEnd('\r');
    }
}
