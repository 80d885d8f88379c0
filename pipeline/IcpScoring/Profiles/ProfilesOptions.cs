namespace IcpScoring.Profiles;

/// <summary>
/// The <c>Profiles</c> section of appsettings.json: which profile scores an account when no
/// <c>--profile</c> is given.
/// </summary>
internal sealed record ProfilesOptions
{
    /// <summary>The profile of every account not listed under <see cref="Accounts"/>.</summary>
    public string Default { get; init; } = "sample";

    /// <summary>Account name → profile name.</summary>
    public Dictionary<string, string> Accounts { get; init; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Validate()
    {
        if (ModelsFolder.NameProblem(Default) is { } problem)
        {
            yield return $"Profiles:Default: {problem}";
        }

        foreach (var (account, profile) in Accounts)
        {
            if (ModelsFolder.NameProblem(profile) is { } bad)
            {
                yield return $"Profiles:Accounts:{account}: {bad}";
            }
        }
    }

    /// <summary>The profile named for an account in the settings, or null when it is not listed.</summary>
    public string? Pinned(string account) =>
        Accounts.TryGetValue(account, out var exact) ? exact
        : Accounts.FirstOrDefault(kv => string.Equals(kv.Key, account, StringComparison.OrdinalIgnoreCase)).Value;
}
