using System.Text.Encodings.Web;
using System.Text.Json;

namespace IcpScoring.Model.Promotion;

/// <summary>
/// The files a version keeps for fair comparisons, beside its model.zip: <c>rows.json</c> (written
/// with the version, inside the registry's atomic rename) and <c>comparison.json</c> (written
/// atomically once the challenger has been compared).
/// </summary>
internal static class PromotionFiles
{
    public const string RowsFileName = "rows.json";
    public const string ComparisonFileName = "comparison.json";

    // Sentences with "+0.0012" and "v2's" stay readable in the file: nothing here is embedded in HTML.
    private static readonly PromotionJson Json = new(new System.Text.Json.JsonSerializerOptions(PromotionJson.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Writes rows.json into the folder the model zip is being written to.</summary>
    public static void WriteRows(string modelZipPath, VersionRows rows) =>
        AtomicFiles.WriteAllText(Path.Combine(Folder(modelZipPath), RowsFileName), JsonSerializer.Serialize(rows, Json.VersionRows) + "\n");

    /// <summary>The version's rows, or null with the reason when it has none that can be used.</summary>
    public static (VersionRows? Rows, string? Problem) ReadRows(RegistryEntry entry)
    {
        var (rows, problem) = Read(entry, RowsFileName, Json.VersionRows);
        if (rows is null)
        {
            return (null, problem);
        }

        if (rows.Format != VersionRows.CurrentFormat || rows.Trained is null)
        {
            return (null, $"{entry.Version}'s {RowsFileName} is of another format ({rows.Format})");
        }

        try
        {
            rows.TrainedInputs();
            return (rows, null);
        }
        catch (FormatException e)
        {
            return (null, $"{entry.Version}'s {RowsFileName} cannot be read ({e.Message})");
        }
    }

    public static void WriteComparison(RegistryEntry entry, ChampionComparison comparison) =>
        AtomicFiles.WriteAllText(Path.Combine(Folder(entry.ModelPath), ComparisonFileName), JsonSerializer.Serialize(comparison, Json.ChampionComparison) + "\n");

    /// <summary>How the version compared with the champion when it was trained; null for versions trained before comparisons were kept.</summary>
    public static ChampionComparison? ReadComparison(RegistryEntry entry) =>
        Read(entry, ComparisonFileName, Json.ChampionComparison).Value;

    private static string Folder(string modelZipPath) => Path.GetDirectoryName(Path.GetFullPath(modelZipPath))!;

    // A missing or damaged file is not an error: it only means a comparison falls back to refitting.
    private static (T? Value, string? Problem) Read<T>(RegistryEntry entry, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        var path = Path.Combine(Folder(entry.ModelPath), name);
        try
        {
            return (JsonSerializer.Deserialize(File.ReadAllBytes(path), type), $"{entry.Version}'s {name} is empty");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, $"{entry.Version} has no {name} (trained before versions kept their rows)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, $"{entry.Version}'s {name} cannot be read ({e.GetType().Name})");
        }
    }
}
