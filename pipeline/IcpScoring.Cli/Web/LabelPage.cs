using System.Globalization;
using System.Text;
using Hangfire;
using IcpScoring.Cli.Commands;
using IcpScoring.Cli.Jobs;
using IcpScoring.Labeling;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IcpScoring.Cli.Web;

/// <summary>
/// <c>/label</c>: a profile's label queue one connection at a time (what the model reads of them,
/// its score and reasons), answered "ICP", "Not ICP" or "Skip" by button or key; progress through
/// the queue; the latest answers, each changeable; "retrain now" once the profile's labels can train
/// a model. Every answer is stored at once (<see cref="LabelStore"/>), so closing the page or
/// restarting the server loses nothing.
/// </summary>
internal static class LabelPage
{
    /// <summary>The queue the page's button builds: <c>icp label-queue</c>'s default size.</summary>
    public const int QueueSize = 50;

    private const int RecentShown = 5;

    // The one script of the application's pages: keys for the buttons. Without it the buttons work
    // as they are (and accesskey gives Alt+key); no key acts while a field has the focus.
    private const string KeyScript = """
        <script>
        document.addEventListener('keydown', e => {
          if (e.altKey || e.ctrlKey || e.metaKey || e.repeat || /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement?.tagName ?? '')) return;
          const id = { i: 'icp', n: 'not-icp', s: 'skip' }[e.key.toLowerCase()];
          const button = id && document.getElementById(id);
          if (button) { e.preventDefault(); button.click(); }
        });
        </script>
        """;

    public static void Map(WebApplication app)
    {
        app.MapGet("/label", Page);
        app.MapPost("/label", Answer);
        app.MapPost("/label/queue", BuildQueue);
        app.MapPost("/label/retrain", RetrainNow);
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, PipelineServices services, string? profile)
    {
        var names = Profiles(services);
        using var store = services.OpenStore();
        var labels = store.Labels;
        var chosen = profile is { Length: > 0 } && names.Contains(profile)
            ? profile
            : names.FirstOrDefault(n => labels.Next(n) is not null) ?? services.Settings.Profiles.Default;
        if (profile is { Length: > 0 } && !names.Contains(profile))
        {
            return WebPage.Problem("No such profile", $"There is no ICP profile \"{profile}\"; the profiles are: {string.Join(", ", names)}.", StatusCodes.Status404NotFound, "/label");
        }

        var token = antiforgery.GetAndStoreTokens(http);
        var guard = WebPage.Hidden(token.FormFieldName, token.RequestToken) + WebPage.Hidden("profile", chosen);
        var progress = labels.Progress(chosen);
        var next = labels.Next(chosen);
        var sb = WebPage.Begin("Label connections");
        sb.Append("<style>kbd { font: 600 12px ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 5px; margin-left: 6px; color: var(--muted); background: #fff; }</style>\n");
        sb.Append("<header><p class=\"eyebrow\">Label</p><h1>Label connections for ").Append(HtmlText.Encode(chosen)).Append("</h1><p class=\"sub\">")
            .Append("The connections whose labels teach this profile's model most, one at a time. Is this person someone you want to reach (your ideal customer), or not? Each answer is saved at once.</p></header>\n");
        if (names.Count > 1)
        {
            ProfileChoice(sb, labels, names, chosen);
        }

        if (next is not null)
        {
            Person(sb, services, chosen, next, progress, guard);
        }
        else
        {
            NoQueue(sb, chosen, progress, guard);
        }

        Recent(sb, labels, chosen, guard);
        Retrain(sb, services, labels, chosen, progress, guard);
        if (next is not null)
        {
            sb.Append(KeyScript).Append('\n');
        }

        return WebPage.End(sb);
    }

    private static void ProfileChoice(StringBuilder sb, LabelStore labels, IReadOnlyList<string> names, string chosen)
    {
        sb.Append("<p id=\"profiles\">ICP profile: &nbsp;");
        foreach (var name in names)
        {
            var p = labels.Progress(name);
            var counts = p.Queued == 0 ? "no queue" : string.Create(CultureInfo.InvariantCulture, $"{p.Remaining:N0} to go");
            sb.Append(name == chosen ? "<strong class=\"badge\">" : "<a class=\"profile-choice\" href=\"/label?profile=").Append(name == chosen ? "" : Uri.EscapeDataString(name) + "\">")
                .Append(HtmlText.Encode(name)).Append(" <span class=\"note\">(").Append(counts).Append(")</span>")
                .Append(name == chosen ? "</strong>" : "</a>").Append(" &nbsp; ");
        }

        sb.Append("</p>\n");
    }

    private static void Person(StringBuilder sb, PipelineServices services, string profile, QueuedPerson person, LabelProgress progress, string guard)
    {
        var answered = progress.Labeled + progress.Skipped;
        sb.Append("<section id=\"person\"><p id=\"progress\" class=\"note\"><strong>")
            .Append(string.Create(CultureInfo.InvariantCulture, $"{answered:N0} of {progress.Queued:N0}"))
            .Append("</strong> answered (").Append(Count(progress.Labeled, "labeled")).Append(", ").Append(Count(progress.Skipped, "skipped")).Append("), ")
            .Append(Count(progress.Remaining, "to go")).Append("</p>")
            .Append("<progress max=\"").Append(progress.Queued.ToString(CultureInfo.InvariantCulture)).Append("\" value=\"").Append(answered.ToString(CultureInfo.InvariantCulture))
            .Append("\" style=\"width:100%;height:8px\"></progress>\n")
            .Append("<h2 id=\"title\"><bdi>").Append(HtmlText.Encode(Or(person.Title, "(no title)"))).Append("</bdi></h2><dl>")
            .Append("<dt>Company</dt><dd id=\"company\"><bdi>").Append(HtmlText.Encode(Or(person.Company, "unknown"))).Append("</bdi></dd>")
            .Append("<dt>Industry</dt><dd id=\"industry\">").Append(HtmlText.Encode(Or(person.Industry, "unknown"))).Append("</dd>")
            .Append("<dt>Company size</dt><dd id=\"size\">").Append(HtmlText.Encode(Or(person.CompanySize, "unknown"))).Append("</dd>");
        Score(sb, services, profile, person);
        sb.Append("</dl>\n<form method=\"post\" action=\"/label\">").Append(guard).Append(WebPage.Hidden("key", person.Key))
            .Append("<p style=\"display:flex;gap:12px;flex-wrap:wrap\">")
            .Append("<button id=\"icp\" type=\"submit\" name=\"answer\" value=\"icp\" accesskey=\"i\" style=\"font-size:17px;padding:8px 22px\">ICP <kbd>I</kbd></button>")
            .Append("<button id=\"not-icp\" type=\"submit\" name=\"answer\" value=\"not\" accesskey=\"n\" style=\"font-size:17px;padding:8px 22px\">Not ICP <kbd>N</kbd></button>")
            .Append("<button id=\"skip\" type=\"submit\" name=\"answer\" value=\"skip\" accesskey=\"s\" style=\"font-size:17px;padding:8px 22px\">Skip <kbd>S</kbd></button></p>")
            .Append("<p id=\"keys\" class=\"note\">Keyboard: <kbd>I</kbd> ICP, <kbd>N</kbd> not ICP, <kbd>S</kbd> skip. A skipped person is not asked again in this queue.</p></form></section>\n");
    }

    // The champion's score now, with its reasons; the score when the queue was made if the champion cannot be used.
    private static void Score(StringBuilder sb, PipelineServices services, string profile, QueuedPerson person)
    {
        ScoredInput? scored = null;
        double threshold = double.NaN;
        try
        {
            if (services.ModelsFolder.Exists(profile) && services.Models.ChampionOrNull(services.ModelsFolder.Get(profile)) is { } model)
            {
                var input = ModelFeatures.From(TitleCleaner.Clean(person.Title), IndustryCatalog.Default.Find(person.Industry), CompanySizes.Parse(person.CompanySize));
                scored = model.Score([input], services.Settings.Model)[0];
                threshold = model.Threshold;
            }
        }
        catch (Exception e) when (e is ProfileException or ModelLoadException or ModelRegistryException)
        {
            // The queue's own score stands in; the profiles page says what is wrong with the model.
        }

        var probability = scored?.Probability ?? person.Score;
        sb.Append("<dt>Model's score</dt><dd id=\"score\"><strong>").Append(ReportFormat.Percent(probability)).Append("</strong>");
        if (scored is not null)
        {
            sb.Append(" <span class=\"note\">(").Append(scored.IsMatch ? "an ICP match" : "not a match").Append(" at the threshold of ")
                .Append(ReportFormat.Percent(threshold)).Append(")</span>");
        }
        else
        {
            sb.Append(" <span class=\"note\">(when the queue was made)</span>");
        }

        sb.Append("</dd>");
        if (scored is { Reasons.Count: > 0 })
        {
            sb.Append("<dt>Why</dt><dd><ul id=\"reasons\" style=\"margin:0;padding-left:18px\">");
            foreach (var r in scored.Reasons)
            {
                sb.Append("<li class=\"").Append(r.Points >= 0 ? "up" : "down").Append("\">").Append(HtmlText.Encode(r.ToString())).Append("</li>");
            }

            sb.Append("</ul></dd>");
        }
    }

    private static void NoQueue(StringBuilder sb, string profile, LabelProgress progress, string guard)
    {
        sb.Append("<section id=\"no-queue\">");
        if (progress.Queued == 0)
        {
            sb.Append("<h2>No label queue yet</h2><p>This profile has no connections waiting for a label. Build a queue: the ")
                .Append(QueueSize.ToString(CultureInfo.InvariantCulture))
                .Append(" connections of the profile's accounts whose labels would teach its model most, one per kind of input (title, industry, size), never a person already labeled.</p>");
        }
        else
        {
            sb.Append("<h2>Queue done</h2><p id=\"progress\"><strong>")
                .Append(string.Create(CultureInfo.InvariantCulture, $"{progress.Labeled + progress.Skipped:N0} of {progress.Queued:N0}"))
                .Append("</strong> answered (").Append(Count(progress.Labeled, "labeled")).Append(", ").Append(Count(progress.Skipped, "skipped"))
                .Append("). Build the next queue to go on.</p>");
        }

        sb.Append("<form method=\"post\" action=\"/label/queue\">").Append(guard)
            .Append("<p><button id=\"build-queue\" type=\"submit\">Build a queue of ").Append(QueueSize.ToString(CultureInfo.InvariantCulture)).Append("</button></p></form>")
            .Append("<p class=\"note\">Or on the command line: <code>icp label-queue --profile ").Append(HtmlText.Encode(profile))
            .Append("</code> (it also writes the queue as a CSV to fill in).</p></section>\n");
    }

    // The latest answers given on the page, each changeable (a person labeled again keeps the latest label).
    private static void Recent(StringBuilder sb, LabelStore labels, string profile, string guard)
    {
        var recent = labels.List(profile).Where(l => l.Source == LabelSource.Page).OrderByDescending(l => l.At).ThenBy(l => l.Key, StringComparer.Ordinal).Take(RecentShown).ToList();
        if (recent.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"recent\"><h2>Latest labels from this page</h2><table><thead><tr><th>Title</th><th>Company</th><th>Label</th><th>By</th><th>When (UTC)</th><th></th></tr></thead><tbody>");
        foreach (var l in recent)
        {
            sb.Append("<tr><td><bdi>").Append(HtmlText.Encode(Or(l.Title, "(no title)"))).Append("</bdi></td><td><bdi>").Append(HtmlText.Encode(l.Company))
                .Append("</bdi></td><td class=\"label ").Append(l.IsIcp ? "up\">ICP" : "down\">Not ICP").Append("</td><td>").Append(HtmlText.Encode(l.By))
                .Append("</td><td>").Append(l.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
                .Append("</td><td><form method=\"post\" action=\"/label\" style=\"margin:0\">").Append(guard).Append(WebPage.Hidden("key", l.Key))
                .Append("<button class=\"relabel\" type=\"submit\" name=\"answer\" value=\"").Append(l.IsIcp ? "not" : "icp").Append("\">Change to ")
                .Append(l.IsIcp ? "Not ICP" : "ICP").Append("</button></form></td></tr>");
        }

        sb.Append("</tbody></table></section>\n");
    }

    private static void Retrain(StringBuilder sb, PipelineServices services, LabelStore labels, string profile, LabelProgress progress, string guard)
    {
        sb.Append("<section id=\"retrain\"><h2>Retrain</h2><p id=\"label-counts\">").Append(HtmlText.Encode(profile)).Append(" has ")
            .Append(progress.Labels == 0 ? "no labels yet" : $"{Count(progress.Labels, progress.Labels == 1 ? "label" : "labels")} ({Count(progress.Icp, "ICP")}, {Count(progress.NotIcp, "not ICP")})")
            .Append(", counting those from this page, labels files, icp train and the CRM.</p>");
        if (TooFew(services, labels, profile) is { } tooFew)
        {
            sb.Append("<p id=\"retrain-later\" class=\"note\">Retrain now appears once the labels can train a model: ").Append(HtmlText.Encode(tooFew)).Append(".</p>");
        }
        else
        {
            sb.Append("<form method=\"post\" action=\"/label/retrain\">").Append(guard)
                .Append("<p><button id=\"retrain-now\" type=\"submit\">Retrain now</button></p></form>")
                .Append("<p class=\"note\">Trains a challenger on these labels (and, where the profile states criteria, its accounts' connections labeled by them); it becomes the champion only when it is not worse on the same held-out rows.</p>");
        }

        sb.Append("</section>\n");
    }

    private static async Task<IResult> Answer(HttpContext http, IAntiforgery antiforgery, PipelineServices services, WebOptions options)
    {
        var (form, problem) = await WebEndpoints.ReadForm(http, antiforgery, options);
        if (problem is not null)
        {
            return problem;
        }

        var profile = form!["profile"].ToString();
        var key = form["key"].ToString();
        var answer = form["answer"].ToString();
        if (answer is not ("icp" or "not" or "skip") || key.Length == 0 || ProfileProblem(services, profile) is not null)
        {
            return WebPage.Problem("Label refused", "The form did not say who and which answer; open the page again.", StatusCodes.Status400BadRequest, "/label");
        }

        using var store = services.OpenStore();
        var labels = store.Labels;
        if (answer == "skip")
        {
            labels.Skip(profile, key);
            return Back(profile);
        }

        // The person as the queue shows them, or as labeled before (changing an earlier answer).
        var person = labels.Queue(profile).FirstOrDefault(q => q.Key == key) is { } q
            ? new PersonLabel(q.Key, q.Title, q.Company, q.Industry, q.CompanySize, answer == "icp")
            : labels.List(profile).FirstOrDefault(l => l.Key == key) is { } l
                ? new PersonLabel(l.Key, l.Title, l.Company, l.Industry, l.CompanySize, answer == "icp")
                : null;
        if (person is null)
        {
            return WebPage.Problem("Label refused", "This person is neither in the profile's queue nor labeled; open the page again.", StatusCodes.Status404NotFound, Href(profile));
        }

        labels.Record(profile, person, LabelSource.Page, WebEndpoints.Who(services));
        return Back(profile);
    }

    private static async Task<IResult> BuildQueue(HttpContext http, IAntiforgery antiforgery, PipelineServices services, WebOptions options)
    {
        var (form, problem) = await WebEndpoints.ReadForm(http, antiforgery, options);
        if (problem is not null)
        {
            return problem;
        }

        var name = form!["profile"].ToString();
        if (ProfileProblem(services, name) is { } refused)
        {
            return WebPage.Problem("Queue not built", refused, StatusCodes.Status400BadRequest, "/label");
        }

        using var store = services.OpenStore();
        try
        {
            var profile = services.ModelsFolder.GetOrNew(name);
            var candidates = QueueCandidates.ForProfile(name, services.Routing(store), store, services.Paths.Inbox, services.Settings.Ingestion, services.Directory, http.RequestAborted).All;
            if (candidates.Count == 0)
            {
                return WebPage.Problem("Queue not built", $"Profile {name} has no connections of its accounts in the database or the inbox to ask about yet; upload an export first.", StatusCodes.Status409Conflict, Href(name));
            }

            if (ColdStart.IsNeeded(profile))
            {
                new ColdStart(services.Settings.Model, services.Loggers).Train(profile, () => CriteriaPopulation.ForProfile(name, services.Routing(store), store, services.Paths.Inbox, services.Settings.Ingestion, services.Directory, http.RequestAborted), http.RequestAborted);
            }

            var model = services.Models.ChampionOrNull(profile) ?? throw ProfileModels.NoModel(profile, services.ModelsFolder);
            LabelQueueCommand.Make(store.Labels, profile, candidates, model, QueueSize, services.Settings.Model.Seed);
        }
        catch (Exception e) when (e is ProfileException or ModelLoadException or ModelRegistryException or ModelTrainingException)
        {
            return WebPage.Problem("Queue not built", e.Message, StatusCodes.Status409Conflict, Href(name));
        }

        return Back(name);
    }

    private static async Task<IResult> RetrainNow(HttpContext http, IAntiforgery antiforgery, PipelineServices services, WebOptions options, IBackgroundJobClient jobs)
    {
        var (form, problem) = await WebEndpoints.ReadForm(http, antiforgery, options);
        if (problem is not null)
        {
            return problem;
        }

        var profile = form!["profile"].ToString();
        if (ProfileProblem(services, profile) is { } refused)
        {
            return WebPage.Problem("Retraining refused", refused, StatusCodes.Status400BadRequest, "/label");
        }

        using (var store = services.OpenStore())
        {
            if (TooFew(services, store.Labels, profile) is { } tooFew)
            {
                return WebPage.Problem("Retraining refused", $"Profile {profile}: {tooFew}.", StatusCodes.Status409Conflict, Href(profile));
            }
        }

        var id = jobs.Enqueue<RetrainJob>(j => j.TrainOnLabels(profile, CancellationToken.None));
        return Results.Redirect($"/jobs/{Uri.EscapeDataString(id)}");
    }

    // Why the profile's labels alone cannot train a model yet (the trainer's own rule), or null.
    private static string? TooFew(PipelineServices services, LabelStore labels, string profile)
    {
        var rows = labels.List(profile).Select(ProfileLabels.Input).ToList();
        return rows.Count == 0 ? "no labels yet" : IcpTrainer.TooFewRows(new TrainingSet(rows, profile, ""), services.Settings.Model);
    }

    // The profiles the page offers: the models folder's and the default (whose folder may not exist yet).
    private static List<string> Profiles(PipelineServices services) =>
        [.. services.ModelsFolder.Names().Union([services.Settings.Profiles.Default]).Order(StringComparer.Ordinal)];

    private static string? ProfileProblem(PipelineServices services, string profile) =>
        ModelsFolder.NameProblem(profile) ?? (Profiles(services).Contains(profile) ? null : $"There is no ICP profile \"{profile}\".");

    private static IResult Back(string profile) => Results.Redirect(Href(profile));

    private static string Href(string profile) => "/label?profile=" + Uri.EscapeDataString(profile);

    private static string Count(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {what}");

    private static string Or(string text, string otherwise) => string.IsNullOrWhiteSpace(text) ? otherwise : text;
}
