using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using IcpScoring.Storage;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Web;

/// <summary>The <c>/label</c> endpoints of a real <c>icp serve</c> as plain HTTP: no browser, the forms posted by hand.</summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed partial class LabelEndpointTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("icp.db");

    [Fact]
    public async Task ALabelPostedWithThePagesTokenIsStoredAsTheDashboardUsersAndOneWithoutItIsRefused()
    {
        using (var store = PipelineStore.Open(Db))
        {
            store.Labels.ReplaceQueue("sample", [new QueuedPerson(1, "person-1", "VP of Marketing", "Acme", "Software Development", "51-200", 0.8)]);
        }

        using var server = Serve();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("maria:secret")));
        var page = await http.GetStringAsync(new Uri("/label", UriKind.Relative));
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        Dictionary<string, string> Answer(string answer) => new() { ["profile"] = "sample", ["key"] = "person-1", ["answer"] = answer };

        using var forged = await http.PostAsync(new Uri("/label", UriKind.Relative), new FormUrlEncodedContent(Answer("icp")));
        using var posted = await http.PostAsync(new Uri("/label", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(Answer("icp")) { ["__antiforgery"] = token }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/label?profile=sample", posted.Headers.Location?.ToString());
        using var check = PipelineStore.Open(Db);
        var label = Assert.Single(check.Labels.List("sample"));
        Assert.Equal(("person-1", true, "maria", LabelSource.Page), (label.Key, label.IsIcp, label.By, label.Source));
        Assert.Equal(new LabelProgress(1, 1, 0, 1, 1), check.Labels.Progress("sample"));
    }

    private ServeProcess Serve()
    {
        var inbox = _dir.File("inbox");
        Directory.CreateDirectory(inbox);
        var models = _dir.File("models");
        foreach (var file in Directory.EnumerateFiles(Repo.Path("models"), "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            var target = Path.Combine(models, Path.GetRelativePath(Repo.Path("models"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var config = _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": "{{_dir.File("data")}}" },
              "Ingestion": { "CompanyDirectory": "{{Repo.Path("data-samples", "companies.csv")}}" },
              "Jobs": { "InboxScanCron": "0 0 1 1 *", "Dashboard": { "Username": "maria", "Password": "secret" } },
              "Logging": { "ConsoleLevel": "Warning", "File": "{{_dir.File("logs/icp-.log")}}" }
            }
            """);
        return ServeProcess.Start(_dir.Path, config, models, Db, inbox, _dir.File("out"));
    }

    [GeneratedRegex("name=\"__antiforgery\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
