using System.CommandLine;
using System.Globalization;
using IcpScoring.Labeling;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;
using IcpScoring.Reports;
using IcpScoring.Storage;

namespace IcpScoring.Cli.Commands;

/// <summary>
/// <c>icp label-queue [--profile NAME] [--count N] [--out FILE] [--seed N]</c>: the connections of
/// a profile's accounts whose labels would teach its model most (<see cref="LabelQueue"/>), as a
/// CSV that <c>icp train</c> accepts once its IsIcp column is filled; the queue is also stored for
/// the <c>/label</c> page.
/// </summary>
internal static class LabelQueueCommand
{
    public static readonly string[] Header = ["Title", "Company", "Industry", "Company Size", "Profile URL", "Score", "IsIcp"];

    public static Command Create(GlobalOptions globals, TextWriter stdout)
    {
        var profile = GlobalOptions.Profile("whose model the labels teach");
        var count = new Option<int>("--count") { Description = "How many connections to ask about", DefaultValueFactory = _ => 50 };
        var output = new Option<string?>("--out") { Description = "Write the queue here (default: label-queue-PROFILE.csv in the current folder)" };
        var seed = new Option<int?>("--seed") { Description = "The seed of the draw (default: Model:Seed); the same seed and connections give the same queue" };
        var command = new Command("label-queue", "Write the connections of a profile's accounts (latest months in the database, exports waiting in the inbox) whose labels would teach its model most, spread over distinct titles, industries and sizes, never a person already labeled; fill the IsIcp column and give the file to icp train") { profile, count, output, seed };
        command.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > 10_000)
            {
                throw new Hosting.ConfigurationProblemException("--count must be between 1 and 10000");
            }

            var directory = InspectCommand.LoadDirectory(scope.Settings.Ingestion);
            var models = scope.Models(parse, globals);
            var target = models.Folder.Get(parse.GetValue(profile) ?? scope.Settings.Profiles.Default);
            ProfileCommand.CheckUsable(target, models.Folder);
            using var store = scope.OpenStore(parse, globals);
            var candidates = QueueCandidates.ForProfile(target.Name, scope.Routing(null, store), store, scope.Settings.Paths.Inbox, scope.Settings.Ingestion, directory).All;
            if (candidates.Count == 0)
            {
                throw new Hosting.ConfigurationProblemException($"profile {target.Name}: no connections of its accounts in the database or the inbox to ask about; run icp run first");
            }

            if (ColdStart.IsNeeded(target))
            {
                new ColdStart(scope.Settings.Model, scope.Loggers).Train(target, () => ProfileCommand.Population(parse, globals, scope, target, directory, []));
            }

            var model = models.ChampionOrNull(target) ?? throw ProfileModels.NoModel(target, models.Folder);
            var queue = Make(store.Labels, target, candidates, model, n, parse.GetValue(seed) ?? scope.Settings.Model.Seed);
            var outPath = parse.GetValue(output) ?? $"label-queue-{target.Name}.csv";
            SpreadsheetCsv.Write(outPath, Header, queue.Select(q => (IEnumerable<string?>)
                [q.Person.Title, q.Person.Company, q.Person.Industry, q.Person.CompanySize, q.Candidate.ProfileUrl, q.Person.Score.ToString("F3", CultureInfo.InvariantCulture), ""]));
            var distinct = candidates.Select(c => LabelQueue.InputKey(c.Input)).Distinct(StringComparer.Ordinal).Count();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"profile {target.Name}: {queue.Count:N0} connections to label, chosen among {candidates.Count:N0} ({distinct:N0} distinct title, industry and size) with model {model.Version} -> {outPath}"));
            stdout.WriteLine($"  fill IsIcp with yes or no (leave it empty to skip a row), then: icp train {outPath} --profile {target.Name}");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Chooses the queue among <paramref name="candidates"/> and stores it for the page.</summary>
    internal static IReadOnlyList<(QueuedPerson Person, QueueCandidate Candidate)> Make(LabelStore labels, IcpProfile profile, IReadOnlyList<QueueCandidate> candidates, Model.IcpModel model, int count, int seed)
    {
        var stored = labels.List(profile.Name);
        var labeledKeys = stored.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var labeledInputs = stored.Select(l => LabelQueue.InputKey(ProfileLabels.Input(l))).ToHashSet(StringComparer.Ordinal);
        var open = candidates.Where(c => !labeledKeys.Contains(c.Key)).ToList();
        var inputs = open.Select(c => c.Input).ToList();
        var scores = model.Probabilities(inputs);
        var picks = LabelQueue.Pick(inputs, scores, model.Threshold, labeledInputs, count, seed, QueueStrategy.Representative, profile.Criteria);
        var queue = picks.Select((i, k) => (new QueuedPerson(k + 1, open[i].Key, open[i].Title, open[i].Company, open[i].Industry, open[i].CompanySize, scores[i]), open[i])).ToList();
        labels.ReplaceQueue(profile.Name, [.. queue.Select(q => q.Item1)]);
        return queue;
    }
}
