using System.Text;

namespace IcpScoring.Reports;

/// <summary>
/// The frame every HTML report shares: one self-contained page (inline CSS, inline SVG, no
/// scripts, fonts or other files fetched), readable on screen and on paper.
/// </summary>
internal static class HtmlPage
{
    private const string Css = """
        :root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --accent: #4338ca; --soft: #eef2ff; --good: #047857; --warn: #b45309; --bad: #b91c1c; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #f9fafb; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1180px; margin: 0 auto; padding: 32px 24px 64px; }
        header { margin-bottom: 24px; }
        .eyebrow { margin: 0; color: var(--accent); font-size: 13px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
        h1 { margin: 4px 0 4px; font-size: 30px; line-height: 1.2; overflow-wrap: anywhere; }
        h2 { margin: 0 0 12px; font-size: 20px; }
        h3 { margin: 20px 0 8px; font-size: 16px; }
        .sub, .note { color: var(--muted); }
        .note { font-size: 13px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px; margin: 0 0 20px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
        .card .label { color: var(--muted); font-size: 13px; }
        .card .value { font-size: 28px; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
        .card .detail { font-size: 13px; color: var(--muted); }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; background: var(--soft); color: var(--accent); vertical-align: middle; }
        .depth-healthy { background: #ecfdf5; color: var(--good); }
        .depth-minimal { background: #fffbeb; color: var(--warn); }
        .depth-too-shallow { background: #fef2f2; color: var(--bad); }
        .up { color: var(--good); }
        .down { color: var(--bad); }
        table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 4px 0 12px; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td { overflow-wrap: break-word; }
        td:first-child { min-width: 9em; }
        .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 0 24px; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0 12px; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
        dt { color: var(--muted); }
        dd { margin: 0; overflow-wrap: anywhere; }
        ul.alerts { margin: 0; padding-left: 18px; }
        a { color: var(--accent); }
        footer { color: var(--muted); font-size: 12px; text-align: center; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          section { border: none; border-top: 1px solid #999; border-radius: 0; padding: 12px 0; break-inside: avoid; }
          .card { break-inside: avoid; }
          svg.chart { max-width: 16cm; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    /// <summary>
    /// The document up to the opening of <c>main</c>; <paramref name="title"/> is plain text and is
    /// escaped here; <paramref name="head"/> is markup the caller made, placed in the head.
    /// </summary>
    public static StringBuilder Begin(string title, string? head = null)
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n").Append(head)
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        return sb;
    }

    public static string End(StringBuilder sb, string footer) =>
        sb.Append("<footer>").Append(HtmlText.Encode(footer)).Append("</footer>\n</main>\n</body>\n</html>\n").ToString();
}
