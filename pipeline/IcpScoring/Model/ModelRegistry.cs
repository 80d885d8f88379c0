using System.Globalization;
using System.Text.Json;

namespace IcpScoring.Model;

/// <summary>
/// The models folder: every trained version in its own <c>vN/</c> folder (<c>model.zip</c> and
/// <c>model.json</c>), and <c>registry.json</c> naming the champion with its promotion history.
/// Safe for several processes: versions appear by an atomic folder rename, registry.json is
/// replaced atomically under a lock, and nothing is cached between calls.
/// </summary>
/// <param name="folder">The models folder; it need not exist yet.</param>
/// <param name="time">The clock for promotion times and for judging leftovers stale; the system clock by default.</param>
internal sealed class ModelRegistry(string folder, TimeProvider? time = null)
{
    public const string RegistryFileName = "registry.json";
    public const string ModelFileName = "model.zip";
    public const string MetadataFileName = "model.json";

    private const string TempFolderPrefix = ".tmp-";
    private const int MaxAddAttempts = 1000;

    // A crashed Add or write older than this is certainly not in progress any more.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The models folder as given, so messages name it the way the user wrote it.</summary>
    public string Folder { get; } = string.IsNullOrWhiteSpace(folder)
        ? throw new ArgumentException("The models folder must be named.", nameof(folder))
        : folder;

    /// <summary>The champion named by registry.json, without checking its files; null when none.</summary>
    public string? ChampionVersion => ReadDocument().Champion;

    private string RegistryPath => Path.Combine(Folder, RegistryFileName);

    /// <summary>Every complete version, oldest first.</summary>
    public IReadOnlyList<RegistryEntry> List()
    {
        var champion = ChampionVersion;
        return [.. VersionFolders()
            .Where(v => IsComplete(v.Name))
            .Select(v => Load(v.Name, champion))];
    }

    /// <summary>The promotion history, oldest first.</summary>
    public IReadOnlyList<RegistryPromotion> History() => ReadDocument().Promotions;

    /// <summary>The champion, or null when none has been promoted.</summary>
    /// <exception cref="ModelRegistryException">registry.json is corrupt or names a version whose files are gone.</exception>
    public RegistryEntry? Champion()
    {
        var champion = ChampionVersion;
        if (champion is null)
        {
            return null;
        }

        var missing = MissingFile(champion);
        if (missing is not null)
        {
            throw new ModelRegistryException(
                $"{missing} is missing but {RegistryPath} names {champion} as champion; run icp models rollback or icp train FILE --promote always");
        }

        return Load(champion, champion);
    }

    /// <exception cref="ModelRegistryException">No complete version of that name.</exception>
    public RegistryEntry Get(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!TryParseVersion(version, out _))
        {
            throw new ModelRegistryException($"{version} is not a model version (v1, v2, ...); icp models list shows the versions in {Folder}");
        }

        var missing = MissingFile(version);
        if (missing is not null)
        {
            throw new ModelRegistryException($"{missing} is missing, so {version} cannot be used; icp models list shows the versions in {Folder}");
        }

        return Load(version, ChampionVersion);
    }

    /// <summary>
    /// Stores a new version without promoting it. The model and its metadata are written into a
    /// temporary folder that becomes <c>vN/</c> in one rename, so a crash leaves no half version.
    /// </summary>
    /// <param name="writeModelZip">Writes the model to the path it is given.</param>
    /// <param name="metadata">Stored with the version the registry assigns.</param>
    public RegistryEntry Add(Action<string> writeModelZip, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(writeModelZip);
        ArgumentNullException.ThrowIfNull(metadata);

        Directory.CreateDirectory(Folder);
        RemoveStaleLeftovers();
        // A version named in the history keeps its number even if its folder was deleted, so a
        // rollback can never land on a different model under a reused name.
        var usedInHistory = ReadDocument().Promotions
            .Select(p => TryParseVersion(p.Version, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();

        var temp = Path.Combine(Folder, TempFolderPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            var modelPath = Path.Combine(temp, ModelFileName);
            writeModelZip(modelPath);
            if (!File.Exists(modelPath))
            {
                throw new InvalidOperationException($"The model writer did not write {modelPath}.");
            }

            FlushToDisk(modelPath);

            for (var attempt = 0; attempt < MaxAddAttempts; attempt++)
            {
                var number = Math.Max(usedInHistory, VersionFolders().Select(v => v.Number).DefaultIfEmpty(0).Max()) + 1;
                var version = FormatVersion(number);
                var stored = Canonical(metadata) with { Version = version };
                AtomicFiles.WriteAllText(Path.Combine(temp, MetadataFileName), Serialize(stored, RegistryJson.Default.ModelMetadata));

                var target = Path.Combine(Folder, version);
                try
                {
                    // Fails when the target exists (another process took the number): try the next one.
                    Directory.Move(temp, target);
                }
                catch (IOException) when (Directory.Exists(target))
                {
                    continue;
                }

                return new RegistryEntry(version, stored, IsChampion: false, Path.Combine(target, ModelFileName));
            }

            throw new ModelRegistryException($"{Folder}: no free version number after {MaxAddAttempts} attempts; check what keeps creating vN folders there");
        }
        catch
        {
            TryDeleteFolder(temp);
            throw;
        }
    }

    /// <summary>Makes a complete version the champion and records why.</summary>
    public void Promote(string version, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var entry = Get(version);

        using var _ = RegistryLock.Take(Folder);
        var document = ReadDocument();
        WriteDocument(new RegistryDocument(
            entry.Version,
            [.. document.Promotions, new RegistryPromotion(entry.Version, _time.GetUtcNow(), reason)]));
    }

    /// <summary>
    /// Brings back the champion that preceded the current one. Rollbacks undo promotions in turn,
    /// so rolling back twice after promoting v1, v2, v3 lands on v1, and a third time fails.
    /// </summary>
    /// <returns>The new champion.</returns>
    /// <exception cref="ModelRegistryException">No earlier champion that still exists.</exception>
    public string Rollback(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);

        using var _ = RegistryLock.Take(Folder);
        var document = ReadDocument();
        var current = document.Champion
            ?? throw new ModelRegistryException($"{RegistryPath} names no champion, so there is nothing to roll back; run icp models promote VERSION");

        var stack = ChampionStack(document.Promotions);
        // Versions whose files were deleted are passed over: making one champion would break scoring.
        while (stack.Count > 0 && (string.Equals(stack[^1], current, StringComparison.Ordinal) || MissingFile(stack[^1]) is not null))
        {
            stack.RemoveAt(stack.Count - 1);
        }

        if (stack.Count == 0)
        {
            throw new ModelRegistryException(
                $"{RegistryPath} has no champion before {current} to roll back to; run icp models promote VERSION to choose one");
        }

        var previous = stack[^1];
        WriteDocument(new RegistryDocument(
            previous,
            [.. document.Promotions, new RegistryPromotion(previous, _time.GetUtcNow(), reason, Rollback: true)]));
        return previous;
    }

    internal static bool TryParseVersion(string? name, out int number)
    {
        number = 0;
        // Only the canonical spelling: "v01" and "v1" must not both name version 1.
        return name is { Length: > 1 }
            && name[0] == 'v'
            && name[1] != '0'
            && name.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0
            && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static string FormatVersion(int number) => "v" + number.ToString(CultureInfo.InvariantCulture);

    // Replays the history as a stack: a promotion pushes, a rollback pops back to the version it
    // restored. The top is the current champion; below it, the ones a rollback would return to.
    private static List<string> ChampionStack(IEnumerable<RegistryPromotion> promotions)
    {
        var stack = new List<string>();
        foreach (var promotion in promotions)
        {
            if (promotion.Rollback)
            {
                var at = stack.FindLastIndex(v => string.Equals(v, promotion.Version, StringComparison.Ordinal));
                stack.RemoveRange(at + 1, stack.Count - at - 1);
                if (at < 0)
                {
                    stack.Add(promotion.Version);
                }
            }
            else
            {
                stack.Add(promotion.Version);
            }
        }

        return stack;
    }

    // Dictionaries in key order, so the same training writes the same model.json; and no nulls
    // from a hand-edited file where the type promises a value.
    private static ModelMetadata Canonical(ModelMetadata metadata) => metadata with
    {
        TrainerOptions = new SortedDictionary<string, string>(
            metadata.TrainerOptions?.ToDictionary(StringComparer.Ordinal) ?? [], StringComparer.Ordinal),
        CandidateCv = new SortedDictionary<string, ModelMetrics>(
            metadata.CandidateCv?.ToDictionary(StringComparer.Ordinal) ?? [], StringComparer.Ordinal),
        CrossValidation = metadata.CrossValidation ?? ModelMetrics.None,
        Holdout = metadata.Holdout ?? ModelMetrics.None,
        Caveats = metadata.Caveats ?? [],
    };

    private static string Serialize<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(value, type) + "\n";

    private static void FlushToDisk(string path)
    {
        // The writer may not have flushed to disk; the rename must not publish a model whose bytes
        // are still only in the page cache.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        stream.Flush(flushToDisk: true);
    }

    private static void TryDeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftovers are ignored by List and removed by a later Add; the original error matters more.
        }
    }

    private IEnumerable<(string Name, int Number)> VersionFolders()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateDirectories(Folder)
            .Select(Path.GetFileName)
            .Select(name => TryParseVersion(name, out var number) ? (Name: name!, Number: number) : (Name: "", Number: 0))
            .Where(v => v.Number > 0)
            .OrderBy(v => v.Number);
    }

    private bool IsComplete(string version) => MissingFile(version) is null;

    // The first file a usable version lacks, or null when it has both.
    private string? MissingFile(string version)
    {
        var folder = Path.Combine(Folder, version);
        if (!Directory.Exists(folder))
        {
            return folder;
        }

        return new[] { ModelFileName, MetadataFileName }
            .Select(name => Path.Combine(folder, name))
            .FirstOrDefault(path => !File.Exists(path));
    }

    private RegistryEntry Load(string version, string? champion)
    {
        var folder = Path.Combine(Folder, version);
        var metadataPath = Path.Combine(folder, MetadataFileName);
        var metadata = Deserialize(metadataPath, RegistryJson.Default.ModelMetadata, $"restore it or delete {folder}")
            ?? throw new ModelRegistryException($"{metadataPath} holds no metadata; restore it or delete {folder}");

        // The folder name is the version: a folder copied from another registry keeps its new name.
        return new RegistryEntry(
            version,
            Canonical(metadata) with { Version = version },
            string.Equals(version, champion, StringComparison.Ordinal),
            Path.Combine(folder, ModelFileName));
    }

    private RegistryDocument ReadDocument()
    {
        var document = Deserialize(RegistryPath, RegistryJson.Default.RegistryDocument, "fix it, or delete it and run icp models promote VERSION");
        if (document is null)
        {
            return RegistryDocument.Empty;
        }

        // A hand-edited version name must not become a path outside the models folder.
        var promotions = document.Promotions ?? [];
        var invalid = promotions.Select(p => p?.Version)
            .Append(document.Champion ?? FormatVersion(1))
            .Where(v => !TryParseVersion(v, out _))
            .ToList();
        if (invalid.Count > 0)
        {
            throw new ModelRegistryException(
                $"{RegistryPath} names \"{invalid[0]}\" where a model version (v1, v2, ...) belongs; fix it, or delete it and run icp models promote VERSION");
        }

        return document with { Promotions = promotions };
    }

    private void WriteDocument(RegistryDocument document) =>
        AtomicFiles.WriteAllText(RegistryPath, Serialize(document, RegistryJson.Default.RegistryDocument));

    private T? Deserialize<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string remedy)
        where T : class
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelRegistryException($"{path} cannot be read ({e.GetType().Name}); check its permissions", e);
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, type)
                ?? throw new ModelRegistryException($"{path} is empty JSON (null); {remedy}");
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw new ModelRegistryException(
                string.Create(CultureInfo.InvariantCulture, $"{path} is not valid JSON (line {line}); {remedy}"), e);
        }
    }

    private void RemoveStaleLeftovers()
    {
        var cutoff = _time.GetUtcNow().UtcDateTime - StaleAfter;
        foreach (var leftover in new DirectoryInfo(Folder).EnumerateFileSystemInfos(".*"))
        {
            var ours = leftover is DirectoryInfo
                ? leftover.Name.StartsWith(TempFolderPrefix, StringComparison.Ordinal)
                : AtomicFiles.IsTemporaryName(leftover.Name);
            if (!ours || leftover.LastWriteTimeUtc > cutoff)
            {
                continue;
            }

            try
            {
                if (leftover is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    leftover.Delete();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another Add may be removing the same leftover; either way it is not a version.
            }
        }
    }
}
