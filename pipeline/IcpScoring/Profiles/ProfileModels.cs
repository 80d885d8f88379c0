using IcpScoring.Model;

namespace IcpScoring.Profiles;

/// <summary>
/// Every profile's models, each loaded once: a profile's champion for scoring (looked up again at
/// each call, so a promotion takes effect at the next file), and any version by reference (drift
/// re-scores an earlier month with a later month's model). Shared by jobs on several threads.
/// </summary>
internal sealed class ProfileModels(ModelsFolder folder)
{
    private readonly Dictionary<string, IcpModel?> _models = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ModelsFolder Folder => folder;

    /// <summary>The profile's champion, or null when it has none yet.</summary>
    /// <exception cref="ModelRegistryException">registry.json is damaged or names a version whose files are gone.</exception>
    /// <exception cref="ModelLoadException">The champion's files cannot be loaded.</exception>
    public IcpModel? ChampionOrNull(IcpProfile profile)
    {
        var champion = profile.Registry.Champion();
        if (champion is null)
        {
            return null;
        }

        var reference = new ModelRef(profile.Name, champion.Version).ToString();
        lock (_lock)
        {
            if (_models.TryGetValue(reference, out var cached) && cached is not null)
            {
                return cached;
            }
        }

        var model = IcpModel.Load(champion, profile.Name);
        lock (_lock)
        {
            _models[reference] = model;
        }

        return model;
    }

    /// <summary>The profile's champion, or a <see cref="ModelLoadException"/> that says how to get one.</summary>
    public IcpModel Champion(string profile)
    {
        var p = folder.Get(profile);
        return ChampionOrNull(p) ?? throw NoModel(p, folder);
    }

    /// <summary>A model by reference (<c>profile/vN</c>; a bare <c>vN</c> is the default profile's); null when it cannot be loaded.</summary>
    public IcpModel? Get(string reference)
    {
        var r = ModelRef.Parse(reference, folder.DefaultProfile);
        var key = r.ToString();
        lock (_lock)
        {
            if (_models.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        IcpModel? model;
        try
        {
            model = ModelsFolder.NameProblem(r.Profile) is null
                ? IcpModel.Load(new ModelRegistry(Path.Combine(folder.Folder, r.Profile)).Get(r.Version), r.Profile)
                : null;
        }
        catch (Exception e) when (e is ModelLoadException or ModelRegistryException)
        {
            model = null;
        }

        lock (_lock)
        {
            _models[key] = model;
        }

        return model;
    }

    /// <summary>Why a profile has no model to score with, and what to do.</summary>
    public static ModelLoadException NoModel(IcpProfile profile, ModelsFolder folder) => profile.Criteria is null
        ? new ModelLoadException($"{profile.Folder}: profile '{profile.Name}' has no model and no criteria; write {profile.CriteriaFile} or train one with: icp train LABELED.csv --profile {profile.Name} --models-dir {folder.Folder}")
        : new ModelLoadException($"{profile.Folder}: profile '{profile.Name}' has no model yet; make one from its criteria with: icp profile train {profile.Name} --models-dir {folder.Folder}");
}
