using System.Text.RegularExpressions;
using IcpScoring.Model;

namespace IcpScoring.Profiles;

/// <summary>
/// The models folder (<c>models/</c>, or <c>--models-dir</c>): one folder per ICP profile, each with
/// its criteria and its model registry. A folder laid out before profiles existed (<c>registry.json</c>
/// and <c>vN/</c> at the top) is moved into the default profile's folder the first time it is opened,
/// so an existing deployment keeps its champion and history without anyone moving files.
/// </summary>
internal sealed partial class ModelsFolder
{
    private const int MaxNameLength = 64;

    private ModelsFolder(string folder, string defaultProfile, string? migrated)
    {
        Folder = folder;
        DefaultProfile = defaultProfile;
        Migrated = migrated;
    }

    /// <summary>The folder as given, so messages name it the way the user wrote it.</summary>
    public string Folder { get; }

    public string DefaultProfile { get; }

    /// <summary>What opening it moved from the old single-registry layout, in words; null when nothing.</summary>
    public string? Migrated { get; }

    /// <summary>Opens the models folder, moving an old single registry into the default profile.</summary>
    /// <exception cref="ModelRegistryException">The old layout cannot be moved (the default profile has a registry of its own).</exception>
    public static ModelsFolder Open(string folder, string defaultProfile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (NameProblem(defaultProfile) is { } problem)
        {
            throw new ProfileException($"Profiles:Default: {problem}");
        }

        return new ModelsFolder(folder, defaultProfile, MigrateLegacy(folder, defaultProfile));
    }

    /// <summary>Why a name cannot be a profile's, or null when it can.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "a profile needs a name";
        }

        if (name.Length > MaxNameLength || !NamePattern().IsMatch(name))
        {
            return $"\"{name}\" is not a profile name: letters, digits, '-', '_' and '.', starting with a letter or digit, at most {MaxNameLength} characters";
        }

        return ModelRegistry.TryParseVersion(name, out _)
            ? $"\"{name}\" is not a profile name: it reads as a model version"
            : null;
    }

    /// <summary>Every profile: a folder with criteria or a registry, by name.</summary>
    public IReadOnlyList<string> Names()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(Folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => NameProblem(n) is null && HoldsProfile(Path.Combine(Folder, n)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether a profile of that name exists (criteria, or a registry with a version).</summary>
    public bool Exists(string name) => NameProblem(name) is null && HoldsProfile(Path.Combine(Folder, name));

    /// <summary>A profile that exists, its criteria read and checked.</summary>
    /// <exception cref="ProfileException">No such profile, or its profile.json is not understood.</exception>
    public IcpProfile Get(string name)
    {
        if (NameProblem(name) is { } problem)
        {
            throw new ProfileException(problem);
        }

        var folder = Path.Combine(Folder, name);
        if (!HoldsProfile(folder))
        {
            var known = Names();
            throw new ProfileException($"{Path.Combine(folder, ProfileFile.FileName)}: no such profile; profiles in {Folder}: {(known.Count == 0 ? "none yet" : string.Join(", ", known))}; create it by writing that file, or train it on labeled prospects with icp train LABELED.csv --profile {name}");
        }

        return Load(name, folder);
    }

    /// <summary>A profile to train into: it need not exist yet (its folder is made by the first version).</summary>
    public IcpProfile GetOrNew(string name)
    {
        if (NameProblem(name) is { } problem)
        {
            throw new ProfileException(problem);
        }

        var folder = Path.Combine(Folder, name);
        return HoldsProfile(folder) ? Load(name, folder) : new IcpProfile(name, folder, null);
    }

    private static IcpProfile Load(string name, string folder)
    {
        var file = Path.Combine(folder, ProfileFile.FileName);
        return new IcpProfile(name, folder, File.Exists(file) ? ProfileFile.Read(file) : null);
    }

    private static bool HoldsProfile(string folder) =>
        File.Exists(Path.Combine(folder, ProfileFile.FileName)) || HoldsRegistry(folder);

    private static bool HoldsRegistry(string folder) =>
        Directory.Exists(folder)
        && (File.Exists(Path.Combine(folder, ModelRegistry.RegistryFileName)) || LegacyVersions(folder).Any());

    private static IEnumerable<string> LegacyVersions(string folder) =>
        Directory.EnumerateDirectories(folder).Where(d => ModelRegistry.TryParseVersion(Path.GetFileName(d), out _));

    // Moves registry.json and every vN/ at the top of the models folder into <models>/<default>/:
    // versions first, each in one rename, then registry.json, so a move cut short is finished by the
    // next open. Under the old registry's own lock, so no process promotes in the old place meanwhile.
    private static string? MigrateLegacy(string folder, string defaultProfile)
    {
        if (!Directory.Exists(folder) || !HoldsRegistry(folder))
        {
            return null;
        }

        using var _ = RegistryLock.Take(folder);
        if (!HoldsRegistry(folder))
        {
            return null;
        }

        var target = Path.Combine(folder, defaultProfile);
        if (File.Exists(Path.Combine(target, ModelRegistry.RegistryFileName)) && File.Exists(Path.Combine(folder, ModelRegistry.RegistryFileName)))
        {
            throw new ModelRegistryException(
                $"{folder} holds a registry from before profiles (registry.json, vN/) and {target} has one too; move one of them away (icp reads one registry per profile: {folder}/<profile>/)");
        }

        Directory.CreateDirectory(target);
        var moved = new List<string>();
        foreach (var version in LegacyVersions(folder).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(version);
            var to = Path.Combine(target, name);
            if (Directory.Exists(to))
            {
                throw new ModelRegistryException($"{version} and {to} both exist; the models folder was being moved into profile {defaultProfile}: keep one of them");
            }

            Directory.Move(version, to);
            moved.Add(name);
        }

        var registry = Path.Combine(folder, ModelRegistry.RegistryFileName);
        if (File.Exists(registry))
        {
            File.Move(registry, Path.Combine(target, ModelRegistry.RegistryFileName));
            moved.Add(ModelRegistry.RegistryFileName);
        }

        return $"moved the registry of {folder} ({string.Join(", ", moved)}) into {target}, the default profile '{defaultProfile}'";
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();
}
