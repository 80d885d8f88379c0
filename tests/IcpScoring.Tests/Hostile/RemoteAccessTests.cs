using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using IcpScoring.Cli.Hosting;
using IcpScoring.Cli.Jobs;
using IcpScoring.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IcpScoring.Tests.Hostile;

/// <summary>
/// The web host <c>icp serve</c> builds, on real Kestrel bound to a loopback and a non-loopback
/// address of this machine: a request from the non-loopback address is remote, and it gets no page
/// (the dashboard, a mapped endpoint or an unmapped path) unless credentials are configured and it
/// presents them. Every mapped endpoint is found through the app's endpoint data source, so one
/// added later is checked too.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessCollection.Name)]
public sealed partial class RemoteAccessTests : IDisposable
{
    private const string User = "ops";
    private const string Password = "s3cret!";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    // Hangfire's dashboard is middleware, not endpoints: its pages are listed here, with a path nothing serves.
    private static readonly (string Method, string Path)[] DashboardAndUnmapped =
    [
        ("GET", "/hangfire"), ("GET", "/hangfire/"), ("GET", "/hangfire/jobs/enqueued"), ("GET", "/hangfire/recurring"), ("GET", "/hangfire/servers"),
        ("POST", "/hangfire/stats"), ("POST", "/hangfire/recurring/trigger"), ("GET", "/HANGFIRE"), ("GET", "/no-such-page"),
    ];

    [NonLoopbackFact]
    public async Task WithoutCredentialsConfiguredARemoteRequestGetsNoPageAndALocalOneDoes()
    {
        var remote = NonLoopbackFactAttribute.Address!;
        await using var app = await Start(remote, withCredentials: false);
        var targets = Targets(app);
        using var fromRemote = Client(remote, app);
        using var fromLoopback = Client(IPAddress.Loopback, app);

        foreach (var (method, path) in targets)
        {
            using var response = await Send(fromRemote, method, path);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{method} {path} from {remote}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        using var dashboard = await Send(fromLoopback, "GET", "/hangfire");
        using var health = await Send(fromLoopback, "GET", "/healthz");
        using var home = await Send(fromLoopback, "GET", "/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("IcpScoring jobs", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        await app.StopAsync();
    }

    [NonLoopbackFact]
    public async Task WithCredentialsConfiguredARemoteRequestNeedsThem()
    {
        var remote = NonLoopbackFactAttribute.Address!;
        await using var app = await Start(remote, withCredentials: true);
        var targets = Targets(app);
        using var fromRemote = Client(remote, app);

        foreach (var (method, path) in targets)
        {
            using var none = await Send(fromRemote, method, path);
            using var wrong = await Send(fromRemote, method, path, Basic(User, "guess"));
            using var right = await Send(fromRemote, method, path, Basic(User, Password));
            Assert.True(none.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without credentials: {(int)none.StatusCode}");
            Assert.Equal("Basic", none.Headers.WwwAuthenticate.Single().Scheme);
            Assert.True(wrong.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with a wrong password: {(int)wrong.StatusCode}");
            // Let in: no challenge. (The read-only dashboard still answers a command such as a trigger with a bare 401,
            // and, since the pages' forms register antiforgery, a dashboard command without the dashboard's token with 403.)
            var dashboardCommand = method == "POST" && path.StartsWith("/hangfire", StringComparison.OrdinalIgnoreCase);
            Assert.True((right.StatusCode != HttpStatusCode.Forbidden || dashboardCommand) && right.Headers.WwwAuthenticate.Count == 0, $"{method} {path} with the credentials: {(int)right.StatusCode}");
        }

        using var dashboard = await Send(fromRemote, "GET", "/hangfire", Basic(User, Password));
        using var health = await Send(fromRemote, "GET", "/healthz", Basic(User, Password));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await app.StopAsync();
    }

    // The mapped endpoints (route parameters filled in) and the dashboard's pages.
    private static List<(string Method, string Path)> Targets(WebApplication app)
    {
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Path: "/" + RouteParameter().Replace(e.RoutePattern.RawText ?? "", "x").TrimStart('/'))))
            .ToList();
        Assert.Contains(("GET", "/"), mapped);
        Assert.Contains(("GET", "/healthz"), mapped);
        return [.. mapped, .. DashboardAndUnmapped];
    }

    private async Task<WebApplication> Start(IPAddress remote, bool withCredentials)
    {
        var dashboard = withCredentials ? $$"""{ "Username": "{{User}}", "Password": "{{Password}}" }""" : "{}";
        var config = _dir.Write("appsettings.json", $$"""
            {
              "Paths": { "DataDir": "{{_dir.File("data").Replace("\\", "/", StringComparison.Ordinal)}}" },
              "Jobs": { "InboxScanCron": "0 0 1 1 *", "Dashboard": {{dashboard}} },
              "Logging": { "File": "" }
            }
            """);
        var settings = IcpSettings.Load(config);
        var paths = new ServePaths(_dir.File("inbox"), _dir.File("out"), _dir.File("icp.db"), Repo.Path("models"));
        var port = FreePort(remote);
        var serilog = new Serilog.LoggerConfiguration().CreateLogger();
        var app = ServeHost.Build(settings, paths, $"http://{remote}:{port};http://127.0.0.1:{port}", serilog);
        await app.StartAsync();
        return app;
    }

    private static int FreePort(IPAddress remote)
    {
        using var l = new TcpListener(remote, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>A client whose connections leave from <paramref name="from"/>, to the server's port on the same address.</summary>
    private static HttpClient Client(IPAddress from, WebApplication app)
    {
        var port = new Uri(app.Urls.First()).Port;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(from.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(new IPEndPoint(from, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://{from}:{port}") };
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string method, string path, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = authorization;
        if (method == "POST")
        {
            request.Content = new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        return await client.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
