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
    /// <summary>The navigation bar every page opens with.</summary>
    public const string Nav =
        "<nav style=\"display:flex;gap:18px;margin:0 0 20px;font-weight:600\">"
        + "<a href=\"/\">Portfolio</a><a href=\"/profiles\">ICP profiles</a><a href=\"/upload\">Upload an export</a><a href=\"/label\">Label</a><a href=\"/retrain\">Retrain</a><a href=\"/hangfire\">Jobs</a></nav>\n";

    /// <summary>A page up to its content; one waiting for a job reloads itself every <paramref name="refreshSeconds"/> (no script needed).</summary>
    public static StringBuilder Begin(string title, string? refreshSeconds = null) =>
        HtmlPage.Begin(title, refreshSeconds is null ? null : $"<meta http-equiv=\"refresh\" content=\"{refreshSeconds}\">\n").Append(Nav);

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
