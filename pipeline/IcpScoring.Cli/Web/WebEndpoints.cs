using System.Globalization;
using System.Text;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage.Monitoring;
using IcpScoring.Cli.Jobs;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace IcpScoring.Cli.Web;

/// <summary>
/// The pages of <c>icp serve</c>: the portfolio, the upload of an export, retraining on labeled
/// prospects, labeling connections one at a time (<see cref="LabelPage"/>), a job's progress and
/// outcome, and the reports themselves as files. Plain HTML forms, no script but the label page's
/// keys; every form carries an antiforgery token; uploads are checked before they reach the inbox.
/// </summary>
internal static class WebEndpoints
{
    private const string RefreshWhileWaiting = "1";

    public static void AddWeb(IServiceCollection services, WebOptions options)
    {
        services.AddSingleton(options);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "icp-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__antiforgery";
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxUploadBytes);
    }

    public static void MapWeb(WebApplication app, ServePaths paths)
    {
        Directory.CreateDirectory(paths.Out);

        // The reports as they are; dot-files (a writer's temporary files) are never served.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(paths.Out)), RequestPath = "/reports" });
        app.MapGet("/", Portfolio);
        app.MapGet("/profiles", ProfilePages.Profiles);
        app.MapGet("/upload", UploadForm);
        app.MapPost("/upload", Upload);
        app.MapPost("/upload/confirm", ConfirmUpload);
        app.MapGet("/retrain", RetrainForm);
        app.MapPost("/retrain", Retrain);
        app.MapGet("/jobs/{id}", Job);
        LabelPage.Map(app);
    }

    private static IResult Portfolio(PipelineServices services)
    {
        using var store = services.OpenStore();
        // Read, never written, from a page: an account whose drift report is not made yet shows none.
        var alerts = DriftJob.LatestMonths(store)
            .ToDictionary(s => s.Account, s => (IReadOnlyList<string>)(DriftJob.SavedAlerts(services.Paths.Out, s) ?? []), StringComparer.Ordinal);
        var html = PortfolioHtml.Render(PortfolioBuilder.Build(store, services.Settings.Profiles.Default, [], alerts));

        // The report's links are relative to the output folder, served under /reports/.
        html = html.Replace("<title>", "<base href=\"/reports/\">\n<title>", StringComparison.Ordinal)
            .Replace("<main>\n", "<main>\n" + WebPage.Nav, StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static IResult UploadForm(HttpContext http, IAntiforgery antiforgery, PipelineServices services, WebOptions options)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        using var store = services.OpenStore();
        var accounts = ProfilePages.Accounts(services, store);
        var routing = services.Routing(store);
        var sb = WebPage.Begin("Upload an export");
        sb.Append("<header><p class=\"eyebrow\">Upload</p><h1>Upload a monthly export</h1>")
            .Append("<p class=\"sub\">LinkedIn's Connections.csv, its export .zip, or an enriched CSV (Apollo, Sales Navigator). At most ")
            .Append(options.MaxUploadMegabytes.ToString(CultureInfo.InvariantCulture)).Append(" MB.</p></header>\n")
            .Append("<section><form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">\n")
            .Append(WebPage.Hidden(tokens.FormFieldName, tokens.RequestToken)).Append('\n')
            .Append("<dl><dt><label for=\"account\">Account</label></dt><dd><input id=\"account\" name=\"account\" list=\"accounts\" required maxlength=\"80\" autocomplete=\"off\">")
            .Append("<datalist id=\"accounts\">");
        foreach (var a in accounts)
        {
            sb.Append("<option value=\"").Append(HtmlText.Encode(a)).Append("\">");
        }

        sb.Append("</datalist></dd>\n")
            .Append("<dt><label for=\"month\">Month</label></dt><dd><input id=\"month\" name=\"month\" type=\"month\" required value=\"")
            .Append(Uploads.DefaultMonth(TimeProvider.System)).Append("\" aria-describedby=\"month-note\">")
            .Append("<br><span id=\"month-note\" class=\"note\">The month the export stands for: last month by default, as exports are taken early in the month for the one before.</span></dd>\n")
            .Append("<dt><label for=\"profile\">ICP profile</label></dt><dd><select id=\"profile\" name=\"profile\">")
            .Append("<option value=\"\">the account's profile (new accounts: ").Append(HtmlText.Encode(services.Settings.Profiles.Default)).Append(")</option>");
        foreach (var name in services.ModelsFolder.Names())
        {
            sb.Append("<option value=\"").Append(HtmlText.Encode(name)).Append("\">").Append(HtmlText.Encode(name)).Append("</option>");
        }

        sb.Append("</select><br><span class=\"note\">Choosing one scores this account against it from now on (unless the settings fix the account's profile).</span></dd>\n")
            .Append("<dt><label for=\"file\">File</label></dt><dd><input id=\"file\" name=\"file\" type=\"file\" required accept=\".csv,.zip\"></dd></dl>\n")
            .Append("<p><button id=\"submit\" type=\"submit\">Upload and score</button></p></form></section>\n");
        if (accounts.Count > 0)
        {
            sb.Append("<section id=\"account-profiles\"><h2>Accounts and their ICP profiles</h2><table><thead><tr><th>Account</th><th>ICP profile</th><th>Set by</th></tr></thead><tbody>");
            foreach (var account in accounts)
            {
                var (profile, source) = routing.Route(account);
                sb.Append("<tr><td><bdi>").Append(HtmlText.Encode(account)).Append("</bdi></td><td><a href=\"/profiles#profile-").Append(HtmlText.Encode(profile)).Append("\">")
                    .Append(HtmlText.Encode(profile)).Append("</a></td><td>").Append(HtmlText.Encode(source)).Append("</td></tr>");
            }

            sb.Append("</tbody></table></section>\n");
        }

        return WebPage.End(sb);
    }

    private static async Task<IResult> Upload(HttpContext http, IAntiforgery antiforgery, PipelineServices services, WebOptions options, IBackgroundJobClient jobs)
    {
        var (form, problem) = await ReadForm(http, antiforgery, options);
        if (problem is not null)
        {
            return problem;
        }

        var account = form!["account"].ToString().Trim();
        var month = form["month"].ToString().Trim();
        var chosenProfile = form["profile"].ToString().Trim();
        var file = form.Files.GetFile("file");
        var error = Uploads.AccountProblem(account) ?? Uploads.MonthProblem(month)
            ?? (file is null || file.Length == 0 ? "Choose a file to upload." : null)
            ?? (Uploads.ExtensionOf(file!.FileName) is null ? $"{file.FileName} is neither a .csv nor a .zip export." : null);
        if (error is not null)
        {
            return WebPage.Problem("Upload refused", error, StatusCodes.Status400BadRequest, "/upload");
        }

        using var store = services.OpenStore();
        if (chosenProfile.Length > 0 && ProfileProblem(services, store, account, chosenProfile) is { } profileProblem)
        {
            return WebPage.Problem("Upload refused", profileProblem, StatusCodes.Status400BadRequest, "/upload");
        }

        var extension = Uploads.ExtensionOf(file!.FileName)!;
        var staged = await Uploads.Stage(services.Paths, file, extension, http.RequestAborted);
        return Queue(http, antiforgery, services, jobs, store, staged, file.FileName, account, month, chosenProfile, confirmed: false);
    }

    // The answer to "this upload looks wrong": queue the staged file all the same, or drop it.
    private static async Task<IResult> ConfirmUpload(HttpContext http, IAntiforgery antiforgery, PipelineServices services, WebOptions options, IBackgroundJobClient jobs)
    {
        var (form, problem) = await ReadForm(http, antiforgery, options);
        if (problem is not null)
        {
            return problem;
        }

        var account = form!["account"].ToString().Trim();
        var month = form["month"].ToString().Trim();
        var chosenProfile = form["profile"].ToString().Trim();
        var fileName = form["fileName"].ToString();
        var staged = Uploads.Staged(services.Paths, form["staged"].ToString());
        if (staged is null)
        {
            return WebPage.Problem("Upload not found", "This upload is no longer waiting (it was queued, cancelled, or kept more than a day); upload the file again.", StatusCodes.Status404NotFound, "/upload");
        }

        if (form["action"].ToString() != "queue")
        {
            File.Delete(staged);
            return Results.Redirect("/upload", permanent: false, preserveMethod: false);
        }

        var error = Uploads.AccountProblem(account) ?? Uploads.MonthProblem(month);
        if (error is not null)
        {
            return WebPage.Problem("Upload refused", error, StatusCodes.Status400BadRequest, "/upload");
        }

        using var store = services.OpenStore();
        if (chosenProfile.Length > 0 && ProfileProblem(services, store, account, chosenProfile) is { } profileProblem)
        {
            return WebPage.Problem("Upload refused", profileProblem, StatusCodes.Status400BadRequest, "/upload");
        }

        return Queue(http, antiforgery, services, jobs, store, staged, fileName, account, month, chosenProfile, confirmed: true);
    }

    // A staged upload checked: refused when it cannot be read; held with a warning when it does not look
    // like the account's next export (unless the user confirmed it); else moved into the inbox and queued.
    private static IResult Queue(HttpContext http, IAntiforgery antiforgery, PipelineServices services, IBackgroundJobClient jobs, PipelineStore store,
        string staged, string fileName, string account, string month, string chosenProfile, bool confirmed)
    {
        var extension = Path.GetExtension(staged);
        UploadCheck check;
        IReadOnlyList<string> suspect;
        try
        {
            var report = ExportIngestion.Inspect(staged, services.Settings.Ingestion, services.Directory, http.RequestAborted);
            check = new UploadCheck(account, month, fileName, FileHashes.Sha256(staged), report.Format, report.DataRows, report.Connections, report.Hidden, report.Duplicates, report.Rejected, [.. report.Rejects.Take(5)]);
            suspect = confirmed ? [] : UploadPlausibility.Check(staged, account, month, services.Settings.Ingestion, services.Directory, store, services.Settings.Drift, http.RequestAborted);
        }
        catch (UnreadableExportException e)
        {
            File.Delete(staged);
            return WebPage.Problem("Not an export we can read", $"{fileName}: {e.Problem}", StatusCodes.Status400BadRequest, "/upload");
        }
        catch
        {
            File.Delete(staged);
            throw;
        }

        if (suspect.Count > 0)
        {
            return Suspect(http, antiforgery, check, Path.GetFileName(staged), chosenProfile, suspect);
        }

        // The account's profile is assigned only once the file is accepted: a refused upload changes nothing.
        if (chosenProfile.Length > 0 && services.Routing(store).ProfileOf(account) != chosenProfile)
        {
            store.AssignProfile(account, chosenProfile, Who(services));
        }

        var (profile, source) = services.Routing(store).Route(account);
        check = check with { Profile = profile, ProfileSource = source };
        var relative = Uploads.Accept(services.Paths, staged, account, month + extension);
        var id = jobs.Enqueue<FileJob>(j => j.Process(relative, CancellationToken.None));
        services.Board.Started(id, check);
        return Results.Redirect($"/jobs/{Uri.EscapeDataString(id)}", permanent: false, preserveMethod: false);
    }

    // The upload is held: what looks wrong, and the choice to queue it anyway or not at all.
    private static IResult Suspect(HttpContext http, IAntiforgery antiforgery, UploadCheck check, string staged, string profile, IReadOnlyList<string> suspect)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var sb = WebPage.Begin("Check this upload");
        sb.Append("<header><p class=\"eyebrow\">Not queued yet</p><h1>Check this upload</h1><p class=\"sub\">")
            .Append(HtmlText.Encode($"{check.FileName} for {check.Account}, {check.Month}: {ReportFormat.Count(check.Connections)} connections ({check.Format}). Compared with the account's month before, it does not look like its next export:"))
            .Append("</p></header>\n<section id=\"suspect\" style=\"border: 3px solid var(--bad); background: #fef2f2\"><ul>");
        foreach (var reason in suspect)
        {
            sb.Append("<li>").Append(HtmlText.Encode(char.ToUpperInvariant(reason[0]) + reason[1..])).Append("</li>");
        }

        sb.Append("</ul><p class=\"note\">Queued as it is, it becomes this account's ").Append(HtmlText.Encode(check.Month))
            .Append(" and its reports say the same at the top.</p>\n<form method=\"post\" action=\"/upload/confirm\">")
            .Append(WebPage.Hidden(tokens.FormFieldName, tokens.RequestToken)).Append(WebPage.Hidden("staged", staged)).Append(WebPage.Hidden("account", check.Account))
            .Append(WebPage.Hidden("month", check.Month)).Append(WebPage.Hidden("profile", profile)).Append(WebPage.Hidden("fileName", check.FileName))
            .Append("<p><button id=\"cancel\" type=\"submit\" name=\"action\" value=\"cancel\">Do not queue it</button> ")
            .Append("<button id=\"queue-anyway\" type=\"submit\" name=\"action\" value=\"queue\">Queue it anyway</button></p></form></section>\n");
        return WebPage.End(sb);
    }

    // Why an account cannot be given this profile on the upload page, or null.
    private static string? ProfileProblem(PipelineServices services, PipelineStore store, string account, string profile)
    {
        if (!services.ModelsFolder.Exists(profile))
        {
            return $"There is no ICP profile \"{profile}\"; the profiles are: {string.Join(", ", services.ModelsFolder.Names())}.";
        }

        var routing = services.Routing(store);
        if (routing.IsPinned(account) && routing.ProfileOf(account) != profile)
        {
            return $"{account} is scored against {routing.ProfileOf(account)} by the settings (Profiles:Accounts in {services.Settings.ConfigFile}); change it there.";
        }

        try
        {
            ProfileCommandCheck(services, profile);
            return null;
        }
        catch (Exception e) when (e is ProfileException or ModelLoadException or ModelRegistryException)
        {
            return e.Message;
        }
    }

    private static void ProfileCommandCheck(PipelineServices services, string profile) =>
        Commands.ProfileCommand.CheckUsable(services.ModelsFolder.Get(profile), services.ModelsFolder);

    // Who made a choice on a page: the dashboard's user when basic authentication is on, else "local".
    internal static string Who(PipelineServices services) =>
        string.IsNullOrEmpty(services.Settings.Jobs.Dashboard.Username) ? "local" : services.Settings.Jobs.Dashboard.Username;

    private static IResult RetrainForm(HttpContext http, IAntiforgery antiforgery, PipelineServices services, WebOptions options)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var folder = services.ModelsFolder;
        var sb = WebPage.Begin("Retrain the classifier");
        sb.Append("<header><p class=\"eyebrow\">Retrain</p><h1>Retrain on labeled prospects</h1>")
            .Append("<p class=\"sub\">A CSV with Title, Industry, Company Size and IsIcp (true or false), for one ICP profile. Where the profile states criteria, its accounts' connections labeled by them train the model too (a person's label wins). The challenger is compared with the profile's champion")
            .Append(" on the same held-out rows and promoted only when it is not worse.</p></header>\n")
            .Append("<section><form method=\"post\" action=\"/retrain\" enctype=\"multipart/form-data\">\n")
            .Append(WebPage.Hidden(tokens.FormFieldName, tokens.RequestToken)).Append('\n')
            .Append("<dl><dt><label for=\"profile\">ICP profile</label></dt><dd><select id=\"profile\" name=\"profile\">");
        foreach (var name in folder.Names().Union([services.Settings.Profiles.Default]).Order(StringComparer.Ordinal))
        {
            var champion = folder.Exists(name) ? folder.GetOrNew(name).Registry.ChampionVersion : null;
            sb.Append("<option value=\"").Append(HtmlText.Encode(name)).Append('"').Append(name == services.Settings.Profiles.Default ? " selected" : "").Append('>')
                .Append(HtmlText.Encode(champion is null ? $"{name} (no champion yet)" : $"{name} (champion {champion})")).Append("</option>");
        }

        sb.Append("</select></dd>\n")
            .Append("<dt><label for=\"file\">Labeled prospects</label></dt><dd><input id=\"file\" name=\"file\" type=\"file\" required accept=\".csv\"></dd></dl>\n")
            .Append("<p><button id=\"submit\" type=\"submit\">Train a challenger</button></p></form></section>\n");
        return WebPage.End(sb);
    }

    private static async Task<IResult> Retrain(HttpContext http, IAntiforgery antiforgery, PipelineServices services, WebOptions options, IBackgroundJobClient jobs)
    {
        var (form, problem) = await ReadForm(http, antiforgery, options);
        if (problem is not null)
        {
            return problem;
        }

        var file = form!.Files.GetFile("file");
        if (file is null || file.Length == 0 || Uploads.ExtensionOf(file.FileName) != ".csv")
        {
            return WebPage.Problem("Retraining refused", "Choose a labeled prospects .csv file.", StatusCodes.Status400BadRequest, "/retrain");
        }

        var profile = form["profile"].ToString().Trim() is { Length: > 0 } chosen ? chosen : services.Settings.Profiles.Default;
        if (ModelsFolder.NameProblem(profile) is not null || (!services.ModelsFolder.Exists(profile) && profile != services.Settings.Profiles.Default))
        {
            return WebPage.Problem("Retraining refused", $"There is no ICP profile \"{profile}\".", StatusCodes.Status400BadRequest, "/retrain");
        }

        var staged = await Uploads.Stage(services.Paths, file, ".csv", http.RequestAborted);
        try
        {
            if (IcpTrainer.TooFewRows(LabeledSet.Read(staged, services.Settings.Ingestion, services.Directory).ToTrainingSet(), services.Settings.Model) is { } tooFew)
            {
                File.Delete(staged);
                return NotTrainable(file.FileName, tooFew);
            }
        }
        catch (UnreadableExportException e)
        {
            File.Delete(staged);
            return NotTrainable(file.FileName, e.Problem);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.csv");
        // labels/<profile>/ for any profile but the default, whose labels stay where they always went.
        var labels = profile == services.Settings.Profiles.Default ? InboxScanner.LabelsFolder : $"{InboxScanner.LabelsFolder}/{profile}";
        var relative = Uploads.Accept(services.Paths, staged, labels, name);
        var id = jobs.Enqueue<RetrainJob>(j => j.Train(relative, CancellationToken.None));
        return Results.Redirect($"/jobs/{Uri.EscapeDataString(id)}");
    }

    private static IResult NotTrainable(string fileName, string problem) =>
        WebPage.Problem("Not labeled prospects we can train on", $"{fileName}: {problem}", StatusCodes.Status400BadRequest, "/retrain");

    // Size limits first (Kestrel's default 30 MB would otherwise refuse a large export with a bare
    // 413), then the form (where an oversized file is caught), then its antiforgery token.
    internal static async Task<(IFormCollection? Form, IResult? Problem)> ReadForm(HttpContext http, IAntiforgery antiforgery, WebOptions options)
    {
        var limit = options.MaxUploadBytes + (1 << 20);
        if (http.Request.ContentLength > limit)
        {
            return (null, TooLarge(options));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            await antiforgery.ValidateRequestAsync(http);
            return (form, null);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, WebPage.Problem("Form expired", "The form was not sent from this application's page (or it expired); open the page again and resend.", StatusCodes.Status400BadRequest, "/"));
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return (null, TooLarge(options));
        }
    }

    private static IResult TooLarge(WebOptions options) =>
        WebPage.Problem("File too large", $"Uploads are limited to {options.MaxUploadMegabytes} MB (Web:MaxUploadMegabytes).", StatusCodes.Status413PayloadTooLarge, "/upload");

    private static IResult Job(string id, PipelineServices services, JobStorage storage)
    {
        var details = storage.GetMonitoringApi().JobDetails(id);
        if (details?.Job is null)
        {
            return WebPage.Problem("No such job", $"There is no job {id} (jobs are forgotten when the server restarts).", StatusCodes.Status404NotFound, "/");
        }

        var state = details.History.FirstOrDefault()?.StateName ?? "Enqueued";
        var waiting = state is not ("Succeeded" or "Failed" or "Deleted");
        var isRetrain = details.Job.Type == typeof(RetrainJob);
        var file = details.Job.Args.FirstOrDefault() as string ?? "";
        var check = services.Board.Check(id);
        var sb = WebPage.Begin(isRetrain ? "Retraining" : "Export", waiting ? RefreshWhileWaiting : null);
        sb.Append("<header><p class=\"eyebrow\">Job ").Append(HtmlText.Encode(id)).Append("</p><h1>")
            .Append(HtmlText.Encode(isRetrain ? "Retraining on labeled prospects" : check is not null ? $"{check.Account} · {check.Month}" : file.Length > 0 ? file : details.Job.Type.Name))
            .Append("</h1><p class=\"sub\">State: <strong id=\"state\">").Append(HtmlText.Encode(state)).Append("</strong></p></header>\n");
        if (check is not null)
        {
            Checked(sb, check);
        }

        if (waiting)
        {
            var progress = services.Board.Progress(file);
            sb.Append("<section><h2>Progress</h2><p id=\"progress\">")
                .Append(HtmlText.Encode(progress is { } p ? Describe(p) : Elsewhere(state, details) ?? "waiting for a worker"))
                .Append("</p><p class=\"note\">This page reloads itself until the job is done.</p></section>\n");
        }
        else if (state == "Failed")
        {
            var data = details.History.First().Data;
            sb.Append("<section><h2>Failed</h2><p id=\"error\" class=\"down\">").Append(HtmlText.Encode(data.TryGetValue("ExceptionMessage", out var message) ? message : "the job failed")).Append("</p></section>\n");
        }
        else if (isRetrain)
        {
            RetrainOutcome(sb, Result<RetrainResult>(details));
        }
        else
        {
            ExportOutcome(sb, services, check, Result<string>(details));
        }

        return WebPage.End(sb);
    }

    private static void Checked(StringBuilder sb, UploadCheck c)
    {
        sb.Append("<section id=\"check\"><h2>Checked on upload</h2><dl>")
            .Append("<dt>File</dt><dd>").Append(HtmlText.Encode(c.FileName)).Append("</dd>")
            .Append("<dt>Format</dt><dd id=\"format\">").Append(HtmlText.Encode(c.Format)).Append("</dd>")
            .Append("<dt>ICP profile</dt><dd id=\"profile\">").Append(HtmlText.Encode(c.Profile.Length == 0 ? "" : $"{c.Profile} ({c.ProfileSource})")).Append("</dd>")
            .Append("<dt>Rows</dt><dd id=\"rows\">").Append(ReportFormat.Count(c.DataRows)).Append("</dd>")
            .Append("<dt>Connections</dt><dd id=\"connections\">").Append(ReportFormat.Count(c.Connections)).Append("</dd>")
            .Append("<dt>Hidden profiles</dt><dd>").Append(ReportFormat.Count(c.Hidden)).Append("</dd>")
            .Append("<dt>Duplicates</dt><dd>").Append(ReportFormat.Count(c.Duplicates)).Append("</dd>")
            .Append("<dt>Rejected rows</dt><dd id=\"rejected\">").Append(ReportFormat.Count(c.Rejected)).Append("</dd></dl>");
        if (c.FirstRejects.Count > 0)
        {
            sb.Append("<h3>First rejected rows</h3><ul id=\"rejects\">");
            foreach (var r in c.FirstRejects)
            {
                sb.Append("<li>line ").Append(r.Line.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(HtmlText.Encode(r.Reason)).Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</section>\n");
    }

    private static void ExportOutcome(StringBuilder sb, PipelineServices services, UploadCheck? check, string? result)
    {
        sb.Append("<section id=\"outcome\"><h2>Outcome</h2><p id=\"result\">").Append(HtmlText.Encode(result ?? "done")).Append("</p>");
        using var store = services.OpenStore();
        // The upload's own entry (its content as this account and month), or the copy it was found to be.
        if (check is not null && (store.Find(check.Sha256, check.Account, check.Month) ?? store.AlreadyIngested(check.Sha256, check.Account, check.Month)) is { } entry)
        {
            if (entry.Status == FileStatus.Done)
            {
                sb.Append("<table id=\"reports\"><thead><tr><th>Account</th><th>Month</th><th class=\"num\">Connections</th><th class=\"num\">ICP match rate</th><th class=\"num\">Addressable pool</th><th>Reports</th></tr></thead><tbody>");
                foreach (var s in store.Snapshots().Where(s => s.LedgerId == entry.Id))
                {
                    var folder = PortfolioHtml.Href($"{DriftJob.Folder(s)}/{s.Month}");
                    var rate = s.Scored == 0 ? 0 : s.IcpMatched / (double)s.Scored;
                    sb.Append("<tr><td><bdi>").Append(HtmlText.Encode(s.Account)).Append("</bdi></td><td>").Append(HtmlText.Encode(s.Month))
                        .Append("</td><td class=\"num\">").Append(ReportFormat.Count(s.Connections))
                        .Append("</td><td class=\"num match-rate\">").Append(ReportFormat.Percent(rate))
                        .Append("</td><td class=\"num pool\">").Append(ReportFormat.Count(s.AddressablePool)).Append("</td><td>");
                    if (folder is not null)
                    {
                        sb.Append("<a class=\"pool-report\" href=\"/reports/").Append(HtmlText.Encode(folder)).Append("/pool.html\">pool report</a> · ")
                            .Append("<a href=\"/reports/").Append(HtmlText.Encode(folder)).Append("/targets.csv\">targets</a> · ")
                            .Append("<a href=\"/reports/").Append(HtmlText.Encode(folder)).Append("/drift.html\">drift</a>");
                    }

                    sb.Append("</td></tr>");
                }

                sb.Append("</tbody></table>");
            }
            else if (entry.Status == FileStatus.Failed)
            {
                sb.Append("<p id=\"error\" class=\"down\">").Append(HtmlText.Encode(entry.Error ?? "the export failed")).Append("</p>");
            }
        }

        sb.Append("</section>\n");
    }

    private static void RetrainOutcome(StringBuilder sb, RetrainResult? r)
    {
        sb.Append("<section id=\"outcome\"><h2>Outcome</h2><p id=\"result\">").Append(HtmlText.Encode(r?.Summary ?? "done")).Append("</p>");
        if (r is { Profile.Length: > 0 })
        {
            sb.Append("<p>ICP profile: <a id=\"retrained-profile\" href=\"/profiles#profile-").Append(HtmlText.Encode(r.Profile)).Append("\">").Append(HtmlText.Encode(r.Profile)).Append("</a></p>");
        }

        if (r?.Challenger is { } challenger)
        {
            sb.Append("<p id=\"promoted\" class=\"").Append(r.Promoted ? "up" : "down").Append("\">")
                .Append(r.Promoted ? $"Promoted: {HtmlText.Encode(r.Version)} is the champion now." : $"Not promoted: {HtmlText.Encode(r.Version)} is kept as a challenger.")
                .Append("</p>");
            // The comparison's rows, not the challenger's own holdout, are where the two compare.
            var compared = r.Comparison is { ChallengerMetrics: not null, ChampionMetrics: not null };
            sb.Append("<table id=\"metrics\"><thead><tr><th>").Append(compared ? "On the same rows, neither model trained on them" : "On the challenger's own holdout").Append("</th><th class=\"num\">AUC</th><th class=\"num\">Average precision</th><th class=\"num\">F1</th><th class=\"num\">Log-loss</th></tr></thead><tbody>");
            Metrics(sb, $"challenger {r.Version}", compared ? r.Comparison!.ChallengerMetrics! : challenger, "challenger");
            if ((compared ? r.Comparison!.ChampionMetrics : r.ChampionOnHoldout) is { } champion)
            {
                Metrics(sb, $"champion {r.Champion}", champion, "champion");
            }
            else
            {
                sb.Append("<tr><td>champion</td><td colspan=\"4\" class=\"note\">").Append(HtmlText.Encode(r.Champion is null ? "there was none" : $"{r.Champion} could not be used")).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
            if (r.Comparison is { } comparison)
            {
                ComparisonHtml.Append(sb, comparison);
            }
        }

        sb.Append("</section>\n");
    }

    private static void Metrics(StringBuilder sb, string name, ModelMetrics m, string id) =>
        sb.Append("<tr id=\"").Append(id).Append("\"><td>").Append(HtmlText.Encode(name)).Append("</td><td class=\"num\">").Append(m.Auc.ToString("0.0000", CultureInfo.InvariantCulture))
            .Append("</td><td class=\"num\">").Append(m.Auprc.ToString("0.0000", CultureInfo.InvariantCulture))
            .Append("</td><td class=\"num\">").Append(m.F1.ToString("0.0000", CultureInfo.InvariantCulture))
            .Append("</td><td class=\"num\">").Append(m.LogLoss.ToString("0.0000", CultureInfo.InvariantCulture)).Append("</td></tr>");

    // A job another server runs (several servers on one PostgreSQL database): its progress is in
    // that server's memory, so say where it runs rather than that it waits.
    private static string? Elsewhere(string state, JobDetailsDto details)
    {
        if (state != "Processing" || !details.History.First().Data.TryGetValue("ServerId", out var serverId))
        {
            return null;
        }

        // Hangfire's server id is the server name (MACHINE:PID here) and a GUID.
        var server = serverId.LastIndexOf(':') is > 0 and var cut ? serverId[..cut] : serverId;
        return server == Claimant.Current
            ? "starting"
            : $"being processed by the server {server}; its progress shows on that server's pages, the outcome here when it is done";
    }

    private static string Describe(FileProgress p) =>
        p.TotalRows is { } total ? $"{p.Stage}: {ReportFormat.Count(p.Rows)} of {ReportFormat.Count(total)} rows" : $"{p.Stage}: {ReportFormat.Count(p.Rows)} rows";

    // The job's return value, as Hangfire stored it (JSON).
    private static T? Result<T>(JobDetailsDto details)
    {
        var succeeded = details.History.FirstOrDefault(h => h.StateName == "Succeeded");
        if (succeeded is null || !succeeded.Data.TryGetValue("Result", out var json) || json is null)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
