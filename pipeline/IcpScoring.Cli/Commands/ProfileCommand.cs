using System.CommandLine;
using System.Globalization;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;
using IcpScoring.Profiles;

namespace IcpScoring.Cli.Commands;

/// <summary>
/// <c>icp profile list | show NAME | check NAME | train NAME [FILE…]</c>: the ICP profiles of the
/// models folder, their criteria, what their champions learnt, and a model from the criteria now.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout)
    {
        var list = new Command("list", "Every profile: its accounts, its champion model and what that learnt from");
        list.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var folder = scope.ModelsFolder(parse, globals);
            using var store = scope.OpenStore(parse, globals);
            var routing = scope.Routing(null, store);
            var accounts = KnownAccounts(scope, store);
            var names = folder.Names().Union([scope.Settings.Profiles.Default]).Order(StringComparer.Ordinal).ToList();
            if (folder.Names().Count == 0)
            {
                stdout.WriteLine($"no profiles in {folder.Folder} yet; write {Path.Combine(folder.Folder, "NAME", ProfileFile.FileName)} (README: Your own ICP)");
                return ExitCodes.Success;
            }

            foreach (var name in names)
            {
                var mark = name == scope.Settings.Profiles.Default ? " (default)" : "";
                if (!folder.Exists(name))
                {
                    stdout.WriteLine($"{name}{mark}: missing: {Path.Combine(folder.Folder, name, ProfileFile.FileName)} does not exist");
                    continue;
                }

                var (line, _) = Describe(folder, name);
                var mine = accounts.Select(a => (Account: a, Route: routing.Route(a))).Where(a => a.Route.Profile == name)
                    .Select(a => a.Route.Source == ProfileRouting.FromDefault ? a.Account : $"{a.Account} ({a.Route.Source})").ToList();
                stdout.WriteLine($"{name}{mark}: {line}");
                stdout.WriteLine($"  accounts: {(mine.Count == 0 ? "none yet" : string.Join(", ", mine))}");
            }

            foreach (var orphan in accounts.Select(a => (Account: a, Route: routing.Route(a))).Where(a => !folder.Exists(a.Route.Profile)))
            {
                stdout.WriteLine($"warning: account {orphan.Account} is routed to profile {orphan.Route.Profile} ({orphan.Route.Source}), which does not exist in {folder.Folder}");
            }

            return ExitCodes.Success;
        }));

        var showName = new Argument<string>("name") { Description = "The profile's name (its folder under the models folder)" };
        var show = new Command("show", "A profile's criteria as a rule in words, then what its champion model learnt: the title words, industries and sizes that raise and lower the score most") { showName };
        show.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var folder = scope.ModelsFolder(parse, globals);
            var profile = folder.Get(parse.GetValue(showName)!);
            WriteShow(stdout, profile);
            return ExitCodes.Success;
        }));

        var checkName = new Argument<string>("name") { Description = "The profile's name" };
        var check = new Command("check", "Validate a profile's profile.json: exit 0 and what it states, or exit 2 naming the key and the accepted values") { checkName };
        check.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var folder = scope.ModelsFolder(parse, globals);
            var profile = folder.Get(parse.GetValue(checkName)!);
            if (profile.Criteria is not { } c)
            {
                stdout.WriteLine($"{profile.CriteriaFile}: none; profile {profile.Name} has a model registry and no criteria (a profile of labeled prospects only)");
                return ExitCodes.Success;
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{profile.CriteriaFile}: OK: {c.Include.Count} title keywords, {c.Exclude.Count} exclusions, {c.Seniorities.Count} seniorities, {c.Functions.Count} functions, {c.Industries.SelectMany(i => i.Industries).Select(i => i.Id).Distinct().Count()} industries, {c.Sizes.Count} company sizes"));
            if (profile.Registry.Champion() is { } champion && TrainingOrigin.IsCriteriaOnly(champion.Metadata) && champion.Metadata.CriteriaSha256 != c.Sha256)
            {
                stdout.WriteLine($"  the champion {champion.Version} was trained from earlier criteria; icp run trains it again, or now: icp profile train {profile.Name}");
            }

            return ExitCodes.Success;
        }));

        var trainName = new Argument<string>("name") { Description = "The profile's name" };
        var files = new Argument<string[]>("files") { Description = "Exports or lists whose connections the criteria label (default: the exports of the profile's accounts in the inbox, and their latest months in the database)", Arity = ArgumentArity.ZeroOrMore };
        var inbox = new Option<string?>("--inbox") { Description = "The inbox to take the profile's accounts' exports from (default: Paths:Inbox)" };
        var train = new Command("train", "Train a model from the profile's criteria now: they label the connections it will score, and a classifier learns from them") { trainName, files, inbox };
        train.SetAction(parse => CommandScope.Run(parse, globals, scope =>
        {
            var folder = scope.ModelsFolder(parse, globals);
            var profile = folder.Get(parse.GetValue(trainName)!);
            var directory = InspectCommand.LoadDirectory(scope.Settings.Ingestion);
            var given = parse.GetValue(files) ?? [];
            var entry = new ColdStart(scope.Settings.Model, scope.Loggers).Train(
                profile, () => Population(parse, globals, scope, profile, directory, given, parse.GetValue(inbox)), always: true);
            var m = entry.Metadata;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"profile {profile.Name}, model {entry.Version}: {m.Trainer}, threshold {m.Threshold:F3}, {m.Origin}; {m.CriteriaUndecided:N0} with an unknown industry or size"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  agreement with the criteria ({m.Folds}-fold CV): AUC {m.CrossValidation.Auc:F4}, average precision {m.CrossValidation.Auprc:F4}"));
            stdout.WriteLine(entry.IsChampion
                ? $"  champion: {entry.Version}"
                : $"  kept as a challenger: the champion {profile.Registry.ChampionVersion} learnt from labeled prospects; make this one champion with icp models promote {entry.Version} --profile {profile.Name}");
            return ExitCodes.Success;
        }));

        return new Command("profile", "ICP profiles: the criteria each states, its accounts and its model") { list, show, check, train };
    }

    /// <summary>
    /// The connections a profile's criteria label for a model: the files given, else the exports of
    /// the profile's accounts waiting in the inbox and their latest months in the database.
    /// </summary>
    public static CriteriaPopulation Population(ParseResult parse, GlobalOptions globals, CommandScope scope, IcpProfile profile, CompanyDirectory directory, IReadOnlyList<string> files, string? inbox = null)
    {
        var population = new CriteriaPopulation();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new Ingestion.UnreadableExportException(file, "does not exist");
            }

            population.AddExport(file, scope.Settings.Ingestion, directory, _ => "", _ => true);
        }

        if (files.Count > 0)
        {
            return population;
        }

        using var store = scope.OpenStore(parse, globals);
        return CriteriaPopulation.ForProfile(profile.Name, scope.Routing(null, store), store, inbox ?? scope.Settings.Paths.Inbox, scope.Settings.Ingestion, directory);
    }

    /// <summary>A profile that can score: it has a champion, or criteria to make one from.</summary>
    /// <exception cref="ModelLoadException">Neither.</exception>
    public static void CheckUsable(IcpProfile profile, ModelsFolder folder)
    {
        if (profile.Criteria is null && profile.Registry.Champion() is null)
        {
            throw ProfileModels.NoModel(profile, folder);
        }
    }

    private static SortedSet<string> KnownAccounts(CommandScope scope, Storage.PipelineStore store)
    {
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        accounts.UnionWith(store.Snapshots().Select(s => s.Account));
        accounts.UnionWith(store.AssignedProfiles().Keys);
        accounts.UnionWith(scope.Settings.Profiles.Accounts.Keys);
        if (Directory.Exists(scope.Settings.Paths.Inbox))
        {
            accounts.UnionWith(InboxScanner.Scan(scope.Settings.Paths.Inbox).Select(f => f.Account).OfType<string>());
        }

        return accounts;
    }

    // One line: the description and the champion.
    private static (string Line, RegistryEntry? Champion) Describe(ModelsFolder folder, string name)
    {
        try
        {
            var profile = folder.Get(name);
            var champion = profile.Registry.Champion();
            var what = profile.Criteria is { } c ? (c.Description.Length > 0 ? c.Description : "criteria without a description") : "no criteria (labeled prospects only)";
            var model = champion is null
                ? profile.Criteria is null ? "no model" : "no model yet (made from the criteria on first use, or: icp profile train " + name + ")"
                : $"champion {champion.Version}, {champion.Metadata.Origin}";
            return ($"{what}; {model}", champion);
        }
        catch (Exception e) when (e is ProfileException or ModelRegistryException)
        {
            return ($"unusable: {ErrorText.FirstLine(e.Message)}", null);
        }
    }

    private static void WriteShow(TextWriter o, IcpProfile profile)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(profile.Criteria is { Description.Length: > 0 } d ? $"profile {profile.Name}: {d.Description}" : $"profile {profile.Name}");
        o.WriteLine($"  file      {(profile.Criteria is null ? "(no profile.json: a profile of labeled prospects only)" : profile.CriteriaFile)}");
        var champion = profile.Registry.Champion();
        o.WriteLine(champion is null
            ? "  champion  none yet"
            : string.Create(c, $"  champion  {champion.Version}, {champion.Metadata.Origin}; trained {champion.Metadata.TrainedAt:yyyy-MM-dd HH:mm} UTC, {champion.Metadata.Trainer}, threshold {champion.Metadata.Threshold:F3}"));
        if (profile.Criteria is { } criteria)
        {
            o.WriteLine();
            foreach (var line in CriteriaText.Rule(criteria))
            {
                o.WriteLine(line);
            }

            if (champion is not null && TrainingOrigin.IsCriteriaOnly(champion.Metadata) && champion.Metadata.CriteriaSha256 != criteria.Sha256)
            {
                o.WriteLine($"The champion was trained from earlier criteria: icp run trains it again, or now: icp profile train {profile.Name}");
            }
        }

        if (champion is null)
        {
            return;
        }

        var learnt = ModelInsight.Of(IcpModel.Load(champion, profile.Name));
        o.WriteLine();
        o.WriteLine("What the champion learnt (each alone, in log-odds: a title word against a word it never saw, an industry or size against none known):");
        Effects(o, "title words raising the score", learnt.WordsUp);
        Effects(o, "title words lowering it", learnt.WordsDown);
        Effects(o, "word pairs raising it", learnt.PairsUp);
        Effects(o, "word pairs lowering it", learnt.PairsDown);
        Effects(o, "industries raising it", learnt.IndustryUp);
        Effects(o, "industries lowering it", learnt.IndustryDown);
        Effects(o, "company sizes raising it", learnt.SizeUp);
        Effects(o, "company sizes lowering it", learnt.SizeDown);
    }

    private static void Effects(TextWriter o, string what, IReadOnlyList<ModelInsight.Effect> effects) =>
        o.WriteLine($"  {what,-30} {(effects.Count == 0 ? "none" : string.Join(", ", effects.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Name} {e.LogOdds:+0.0;-0.0}"))))}");
}
