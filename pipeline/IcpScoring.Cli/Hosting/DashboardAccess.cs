using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace IcpScoring.Cli.Hosting;

/// <summary>
/// Who may open the Hangfire dashboard, and every other page of <c>icp serve</c>: requests from this
/// machine when no credentials are configured; with credentials, any request that presents them
/// (basic authentication), and no other.
/// </summary>
internal sealed class DashboardAccess(JobsOptions.DashboardOptions options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => Allows(context.GetHttpContext());

    /// <summary>
    /// Middleware in front of every endpoint, mapped or not (so a page added later is guarded too):
    /// a refused request gets 403 when no credentials are configured (nothing it could send would
    /// help), 401 with a basic-authentication challenge when they are.
    /// </summary>
    public Task Guard(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (Allows(http))
        {
            return next(http);
        }

        http.Response.StatusCode = string.IsNullOrEmpty(options.Username) ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public bool Allows(HttpContext http)
    {
        if (string.IsNullOrEmpty(options.Username))
        {
            return IsLocal(http);
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && Same(pair[..colon], options.Username) && Same(pair[(colon + 1)..], options.Password ?? ""))
                {
                    return true;
                }
            }
            catch (FormatException)
            {
                // Not base64: not credentials.
            }
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"IcpScoring\"";
        return false;
    }

    public static bool IsLocal(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && (IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress) && IPAddress.IsLoopback(http.Connection.LocalIpAddress!));
    }

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
