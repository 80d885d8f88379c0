using System.Text;
using IcpScoring.Reports;
using Microsoft.AspNetCore.Http;

namespace IcpScoring.Cli.Web;

/// <summary>
/// The frame of the application's own pages: the reports' look, a navigation bar, and no script
/// or style fetched from anywhere. Everything from the data goes through <see cref="HtmlText.Encode"/>.
/// </summary>
internal static class WebPage
{
    public static StringBuilder Begin(string title, string? refreshSeconds = null)
    {
        var sb = HtmlPage.Begin(title);
        if (refreshSeconds is not null)
        {
            // A page waiting for a job reloads itself; no script needed.
            sb.Insert(sb.ToString().IndexOf("<title>", StringComparison.Ordinal), $"<meta http-equiv=\"refresh\" content=\"{refreshSeconds}\">\n");
        }

        sb.Append("<nav style=\"display:flex;gap:18px;margin:0 0 20px;font-weight:600\">")
            .Append("<a href=\"/\">Portfolio</a><a href=\"/upload\">Upload an export</a><a href=\"/retrain\">Retrain</a><a href=\"/hangfire\">Jobs</a></nav>\n");
        return sb;
    }

    public static IResult End(StringBuilder sb, int status = StatusCodes.Status200OK) =>
        Results.Content(HtmlPage.End(sb, "IcpScoring"), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>A page that says one thing went wrong, in words, with a way back.</summary>
    public static IResult Problem(string title, string message, int status, string back)
    {
        var sb = Begin(title);
        sb.Append("<header><p class=\"eyebrow\">Not done</p><h1>").Append(HtmlText.Encode(title)).Append("</h1></header>\n")
            .Append("<section><p id=\"error\" class=\"down\">").Append(HtmlText.Encode(message)).Append("</p>")
            .Append("<p><a href=\"").Append(HtmlText.Encode(back)).Append("\">Back</a></p></section>\n");
        return End(sb, status);
    }

    public static string Hidden(string name, string? value) =>
        $"<input type=\"hidden\" name=\"{HtmlText.Encode(name)}\" value=\"{HtmlText.Encode(value)}\">";
}
