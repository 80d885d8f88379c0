namespace IcpScoring.Profiles;

/// <summary>
/// Which profile scores an account: <c>--profile</c> for the command wins; then the account's entry
/// under <c>Profiles:Accounts</c>; then an assignment made on the upload page (kept in the
/// database); then <c>Profiles:Default</c>.
/// </summary>
internal sealed class ProfileRouting(ProfilesOptions options, string? forced = null, IReadOnlyDictionary<string, string>? assigned = null)
{
    public const string FromOption = "--profile";
    public const string FromSettings = "Profiles:Accounts";
    public const string FromPage = "assigned on the upload page";
    public const string FromDefault = "Profiles:Default";

    /// <summary>Every account scored with one profile, whatever the settings say.</summary>
    public static ProfileRouting Only(string profile) => new(new ProfilesOptions { Default = profile }, profile);

    public string Default => forced ?? options.Default;

    public string ProfileOf(string account) => Route(account).Profile;

    /// <summary>The account's profile and where that choice comes from.</summary>
    public (string Profile, string Source) Route(string account)
    {
        if (forced is not null)
        {
            return (forced, FromOption);
        }

        if (options.Pinned(account) is { } pinned)
        {
            return (pinned, FromSettings);
        }

        return assigned is not null && assigned.TryGetValue(account, out var chosen)
            ? (chosen, FromPage)
            : (options.Default, FromDefault);
    }

    /// <summary>Whether the settings fix the account's profile, so the upload page cannot change it.</summary>
    public bool IsPinned(string account) => options.Pinned(account) is not null;
}
