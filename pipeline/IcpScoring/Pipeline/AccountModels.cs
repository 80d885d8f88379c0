using IcpScoring.Model;
using IcpScoring.Profiles;

namespace IcpScoring.Pipeline;

/// <summary>
/// The model that scores each account: its profile's champion (by <see cref="ProfileRouting"/>),
/// made from the profile's criteria first when it has none yet; and any model by reference, for
/// drift. Or one model for every account (<see cref="Single"/>).
/// </summary>
internal sealed class AccountModels
{
    private readonly ProfileModels? _models;
    private readonly IcpModel? _single;
    private readonly Dictionary<string, IcpModel> _byProfile = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public AccountModels(ProfileModels models, ProfileRouting routing)
    {
        _models = models;
        Routing = routing;
    }

    private AccountModels(IcpModel model)
    {
        _single = model;
        Routing = ProfileRouting.Only(model.Profile.Length == 0 ? new ProfilesOptions().Default : model.Profile);
    }

    public ProfileRouting Routing { get; }

    /// <summary>Every account scored by one model, whatever its profile.</summary>
    public static AccountModels Single(IcpModel model) => new(model);

    /// <summary>
    /// The champion of the account's profile. A profile that needs a model from its criteria gets
    /// one from <paramref name="coldStart"/> first (given the profile; it returns the promoted version).
    /// </summary>
    /// <exception cref="ProfileException">The profile does not exist or its profile.json is not understood.</exception>
    /// <exception cref="ModelLoadException">The profile has no model and nothing to make one from.</exception>
    public IcpModel For(string account, Func<IcpProfile, RegistryEntry>? coldStart = null)
    {
        if (_single is not null)
        {
            return _single;
        }

        var name = Routing.ProfileOf(account);
        lock (_lock)
        {
            if (_byProfile.TryGetValue(name, out var known))
            {
                return known;
            }
        }

        var profile = _models!.Folder.Get(name);
        if (coldStart is not null && ColdStart.IsNeeded(profile))
        {
            coldStart(profile);
        }

        var model = _models.ChampionOrNull(profile) ?? throw ProfileModels.NoModel(profile, _models.Folder);
        lock (_lock)
        {
            _byProfile[name] = model;
        }

        return model;
    }

    /// <summary>A model by the reference a snapshot keeps (<c>profile/vN</c>); null when it cannot be loaded.</summary>
    public IcpModel? Get(string reference)
    {
        if (_single is not null)
        {
            return reference == _single.Reference || reference == _single.Version ? _single : null;
        }

        return _models!.Get(reference);
    }

    /// <summary>What a report says of the model's profile: its name and, when it states criteria, their description.</summary>
    public (string Profile, string? Description) Describe(IcpModel model)
    {
        var profile = model.Profile.Length == 0 ? Routing.Default : model.Profile;
        if (_models is null || !_models.Folder.Exists(profile))
        {
            return (profile, null);
        }

        try
        {
            var criteria = _models.Folder.Get(profile).Criteria;
            return (profile, criteria is null ? null : criteria.Description.Length > 0 ? criteria.Description : "(criteria without a description)");
        }
        catch (ProfileException)
        {
            return (profile, null);
        }
    }
}
