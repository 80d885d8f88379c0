using System.Net;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Jobs;

/// <summary><c>icp serve --worker</c>: a real process that takes jobs and serves no dashboard and no page.</summary>
[Collection(ProcessCollection.Name)]
public sealed class WorkerModeTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AWorkerProcessesTheInboxAndServesOnlyItsHealth()
    {
        var inbox = _dir.File("inbox");
        Directory.CreateDirectory(Path.Combine(inbox, "acme"));
        File.Copy(Repo.Path("data-samples", "inbox", "acme-marketing", "2026-11.csv"), Path.Combine(inbox, "acme", "2026-11.csv"));
        var config = _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": "{{_dir.File("data")}}" },
              "Ingestion": { "CompanyDirectory": "{{Repo.Path("data-samples", "companies.csv")}}" },
              "Jobs": { "InboxScanCron": "0 0 1 1 *" },
              "Logging": { "ConsoleLevel": "Warning", "File": "{{_dir.File("logs/icp-.log")}}" }
            }
            """);

        using var server = ServeProcess.Start(_dir.Path, config, Repo.Path("models"), _dir.File("icp.db"), inbox, _dir.File("out"), "--worker");
        server.WaitUntil(() => File.Exists(_dir.File("out/acme/2026-11/pool.html")), TimeSpan.FromMinutes(2), "the export's report");

        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Contains(server.Output, l => l.StartsWith("icp serve: worker (no pages)", StringComparison.Ordinal));
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        foreach (var path in new[] { "/", "/hangfire", "/upload", "/retrain", "/reports/acme/2026-11/pool.html" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
    }
}
