using System.Globalization;
using System.Text;
using IcpScoring.Cli.Jobs;
using IcpScoring.Model;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;
using Microsoft.AspNetCore.Http;

namespace IcpScoring.Cli.Web;

/// <summary>
/// <c>/profiles</c>: every ICP profile with its criteria as a rule in words, its champion and what
/// that learnt from, and the accounts it scores (and why: settings, the upload page, the default).
/// </summary>
internal static class ProfilePages
{
    public static IResult Profiles(PipelineServices services)
    {
        using var store = services.OpenStore();
        var routing = services.Routing(store);
        var accounts = Accounts(services, store);
        var folder = services.ModelsFolder;
        var names = folder.Names().Union([services.Settings.Profiles.Default]).Order(StringComparer.Ordinal).ToList();
        var sb = WebPage.Begin("ICP profiles");
        sb.Append("<header><p class=\"eyebrow\">Profiles</p><h1>ICP profiles</h1><p class=\"sub\">")
            .Append(HtmlText.Encode($"Each account is scored against one profile's model: Profiles:Accounts in the settings, else the profile chosen on the upload page, else {services.Settings.Profiles.Default} (Profiles:Default). A profile lives in {Path.Combine(folder.Folder, "NAME", ProfileFile.FileName)}."))
            .Append("</p></header>\n");
        foreach (var name in names)
        {
            Profile(sb, services, name, accounts.Where(a => routing.ProfileOf(a) == name).Select(a => (a, routing.Route(a).Source)).ToList());
        }

        return WebPage.End(sb);
    }

    /// <summary>Every account the pipeline knows: with a snapshot, assigned on the upload page, named in the settings, or with a folder in the inbox.</summary>
    public static SortedSet<string> Accounts(PipelineServices services, PipelineStore store)
    {
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        accounts.UnionWith(store.Snapshots().Select(s => s.Account));
        accounts.UnionWith(store.AssignedProfiles().Keys);
        accounts.UnionWith(services.Settings.Profiles.Accounts.Keys);
        if (Directory.Exists(services.Paths.Inbox))
        {
            accounts.UnionWith(InboxScanner.Scan(services.Paths.Inbox).Select(f => f.Account).OfType<string>());
        }

        return accounts;
    }

    private static void Profile(StringBuilder sb, PipelineServices services, string name, IReadOnlyList<(string Account, string Source)> accounts)
    {
        sb.Append("<section class=\"profile\" id=\"profile-").Append(HtmlText.Encode(name)).Append("\"><h2>").Append(HtmlText.Encode(name));
        if (name == services.Settings.Profiles.Default)
        {
            sb.Append(" <span class=\"badge\">default</span>");
        }

        sb.Append("</h2>\n");
        IcpProfile profile;
        try
        {
            profile = services.ModelsFolder.Get(name);
        }
        catch (ProfileException e)
        {
            sb.Append("<p class=\"down problem\">").Append(HtmlText.Encode(e.Message)).Append("</p></section>\n");
            return;
        }

        if (profile.Criteria is { } c)
        {
            sb.Append("<p class=\"description\">").Append(HtmlText.Encode(c.Description.Length > 0 ? c.Description : "(no description)")).Append("</p>\n<div class=\"rule\">");
            var rule = CriteriaText.Rule(c);
            sb.Append("<p>").Append(HtmlText.Encode(rule[0])).Append("</p><ul>");
            foreach (var line in rule.Skip(1).Take(rule.Count - 2))
            {
                sb.Append("<li>").Append(HtmlText.Encode(line.TrimStart('-', ' '))).Append("</li>");
            }

            sb.Append("</ul><p class=\"note\">").Append(HtmlText.Encode(rule[^1])).Append("</p></div>\n");
        }
        else
        {
            sb.Append("<p class=\"description note\">No criteria: this profile is defined by its labeled prospects alone.</p>\n");
        }

        RegistryEntry? champion;
        try
        {
            champion = profile.Registry.Champion();
        }
        catch (ModelRegistryException e)
        {
            sb.Append("<p class=\"down problem\">").Append(HtmlText.Encode(e.Message)).Append("</p></section>\n");
            return;
        }

        sb.Append("<dl><dt>Champion</dt><dd class=\"champion\">").Append(HtmlText.Encode(champion is null
            ? profile.Criteria is null ? "none: train one on labeled prospects" : "none yet: made from the criteria when an account of this profile is first scored"
            : string.Create(CultureInfo.InvariantCulture, $"{champion.Version}, {champion.Metadata.Origin}; trained {champion.Metadata.TrainedAt:yyyy-MM-dd HH:mm} UTC; threshold {champion.Metadata.Threshold:F3}")))
            .Append("</dd><dt>Accounts</dt><dd class=\"accounts\">");
        sb.Append(accounts.Count == 0
            ? "<span class=\"note\">none yet</span>"
            : string.Join(", ", accounts.Select(a => $"<bdi>{HtmlText.Encode(a.Account)}</bdi> <span class=\"note\">({HtmlText.Encode(a.Source)})</span>")));
        sb.Append("</dd></dl></section>\n");
    }
}
