using System.Net;
using System.Text;
using IcpScoring.Cli.Hosting;
using Microsoft.AspNetCore.Http;

namespace IcpScoring.Tests.Jobs;

public sealed class DashboardAccessTests
{
    private static DefaultHttpContext Request(string remote, string? authorization = null)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = IPAddress.Parse("127.0.0.1");
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        return http;
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.0.0.7", false)]
    [InlineData("203.0.113.9", false)]
    public void WithoutCredentialsOnlyLocalRequestsAreLetIn(string remote, bool allowed) =>
        Assert.Equal(allowed, new DashboardAccess(new JobsOptions.DashboardOptions()).Allows(Request(remote)));

    [Fact]
    public void WithCredentialsAnyRequestThatPresentsThemIsLetIn()
    {
        var access = new DashboardAccess(new JobsOptions.DashboardOptions { Username = "ops", Password = "s3cret" });

        Assert.True(access.Allows(Request("10.0.0.7", Basic("ops", "s3cret"))));
        Assert.False(access.Allows(Request("10.0.0.7", Basic("ops", "wrong"))));
        Assert.False(access.Allows(Request("10.0.0.7")));
        Assert.False(access.Allows(Request("127.0.0.1", "Basic not-base64!")));
    }

    [Fact]
    public void ARefusedRequestIsAskedForCredentials()
    {
        var access = new DashboardAccess(new JobsOptions.DashboardOptions { Username = "ops", Password = "s3cret" });
        var http = Request("10.0.0.7");

        access.Allows(http);

        Assert.Contains("Basic", http.Response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
