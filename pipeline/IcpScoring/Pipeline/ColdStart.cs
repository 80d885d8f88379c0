using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IcpScoring.Model;
using IcpScoring.Model.Promotion;
using IcpScoring.Profiles;
using Microsoft.Extensions.Logging;

namespace IcpScoring.Pipeline;

/// <summary>
/// A model for a profile that has criteria and no labeled prospects: the criteria label the
/// connections the profile will score, and a classifier learns from them, so titles the keywords
/// never name get scores from their resemblance to those they do name, and connections without an
/// industry or size get a probability. The model is stored in the profile's registry and promoted.
/// </summary>
internal sealed partial class ColdStart(ModelOptions options, ILoggerFactory loggers)
{
    // A cold start trains while holding the profile's registry: another process wanting the same
    // profile's first model waits for this one rather than training a second.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    private readonly ILogger _log = loggers.CreateLogger<ColdStart>();

    /// <summary>Whether the profile needs a model from its criteria: it has criteria, and no champion or one trained from other criteria alone.</summary>
    public static bool IsNeeded(IcpProfile profile)
    {
        if (profile.Criteria is null)
        {
            return false;
        }

        var champion = profile.Registry.Champion();
        return champion is null
            || (TrainingOrigin.IsCriteriaOnly(champion.Metadata) && champion.Metadata.CriteriaSha256 != profile.Criteria.Sha256);
    }

    /// <summary>
    /// Trains, stores and promotes a model from the profile's criteria over <paramref name="population"/>,
    /// unless meanwhile another process did (then its champion is returned). With
    /// <paramref name="always"/> (<c>icp profile train</c>) it trains whatever the registry holds, and
    /// promotes the new version unless the champion learnt from people's labels (which a model from
    /// criteria alone does not replace unasked).
    /// </summary>
    /// <exception cref="ModelTrainingException">The criteria leave one class empty, or too few of it, among the connections.</exception>
    public RegistryEntry Train(IcpProfile profile, Func<CriteriaPopulation> population, CancellationToken cancellationToken = default, bool always = false)
    {
        var criteria = profile.Criteria ?? throw new ModelTrainingException($"{profile.CriteriaFile}: profile '{profile.Name}' states no criteria to train from; write that file, or train on labeled prospects with icp train FILE --profile {profile.Name}");
        using var _ = RegistryLock.Take(profile.Folder, Patience, "cold-start");
        if (!always && !IsNeeded(profile))
        {
            return profile.Registry.Champion()!;
        }

        var people = population();
        var rows = people.Rows(options.Seed);
        var (labeled, stats) = CriteriaLabels.Label(rows, criteria, options.Seed);
        LogLabeled(profile.Name, stats.Rows, stats.Meets, stats.Undecided, stats.UndecidedIcp);
        var accounts = people.Accounts.Count == 0 ? "" : $" of {string.Join(", ", people.Accounts.Take(5))}{(people.Accounts.Count > 5 ? ", …" : "")}";
        var source = string.Create(CultureInfo.InvariantCulture, $"criteria of profile {profile.Name} over {stats.Rows:N0} connections{accounts}");
        if (IcpTrainer.TooFewRows(new TrainingSet(labeled, source, ""), options) is { } problem)
        {
            throw new ModelTrainingException(string.Create(CultureInfo.InvariantCulture,
                $"{profile.CriteriaFile}: the criteria cannot train a model over the {stats.Rows:N0} connections{accounts} ({stats.Positives:N0} meet them): {problem.Replace("label more prospects", "widen or narrow the criteria, add labeled prospects (icp train FILE --profile " + profile.Name + ")", StringComparison.Ordinal)}"));
        }

        var set = new TrainingSet(labeled, source, Sha256(criteria, labeled), 0, [.. labeled.Select(_ => true)]);
        var trained = new IcpTrainer(options, loggers.CreateLogger<IcpTrainer>()).Train(set, cancellationToken);
        var metadata = trained.Metadata with
        {
            Profile = profile.Name,
            CriteriaSha256 = criteria.Sha256,
            CriteriaUndecided = stats.Undecided,
            CriteriaPositives = stats.Positives,
        };
        // Its rows too, so the first labeled challenger is judged on labeled rows this model never saw.
        var kept = VersionRows.From(set.Rows, trained.Holdout, trained.HoldoutScores);
        var entry = profile.Registry.Add(path => { trained.Save(path); PromotionFiles.WriteRows(path, kept); }, metadata);
        var champion = profile.Registry.Champion();
        if (champion is not null && !TrainingOrigin.IsCriteriaOnly(champion.Metadata))
        {
            LogKept(profile.Name, entry.Version, champion.Version);
            return entry;
        }

        profile.Registry.Promote(entry.Version, champion is null
            ? "promoted: the profile's first model, trained from its criteria"
            : champion.Metadata.CriteriaSha256 == criteria.Sha256
                ? $"promoted: trained again from the profile's criteria (replaces {champion.Version})"
                : $"promoted: trained from the profile's changed criteria (replaces {champion.Version}, trained from the earlier ones)");
        LogTrained(profile.Name, entry.Version, stats.Rows, stats.Positives);
        return entry with { IsChampion = true };
    }

    private static string Sha256(ProfileCriteria criteria, IEnumerable<ModelInput> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(criteria.Sha256));
        foreach (var r in rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\u001e{r.Title}\u001f{r.Industry}\u001f{r.SizeBucket}\u001f{(r.Label ? 1 : 0)}"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {Profile}: criteria label {Rows} connections: {Meets} meet them, {Undecided} undecided (unknown industry or size), {UndecidedIcp} of those drawn ICP")]
    private partial void LogLabeled(string profile, int rows, int meets, int undecided, int undecidedIcp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Profile {Profile}: model {Version} trained from criteria is kept as a challenger: the champion {Champion} learnt from labeled prospects")]
    private partial void LogKept(string profile, string version, string champion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {Profile}: model {Version} trained from criteria over {Rows} connections ({Positives} ICP) and promoted")]
    private partial void LogTrained(string profile, string version, int rows, int positives);
}
