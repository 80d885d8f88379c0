using Microsoft.ML.Data;

namespace IcpScoring.Model;

/// <summary>
/// What the classifier sees of a connection (feature schema <see cref="SchemaVersion"/>). Unknown
/// values are the empty string or zero: missing is a signal of its own, never an error.
/// </summary>
internal sealed class ModelInput
{
    /// <summary>Bumped whenever a column is added, removed or changes meaning; models of another version are refused.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The cleaned title (taglines, pronouns and emoji removed).</summary>
    public string Title { get; set; } = "";

    /// <summary>
    /// The title's terms with what its abbreviations and foreign terms stand for (<see cref="Model.TitleTerms"/>),
    /// filled by <see cref="Model.TitleTerms.Prepare"/> for models that read it; models trained before it
    /// existed ignore the column, which is why adding it did not change <see cref="SchemaVersion"/>.
    /// </summary>
    public string TitleTerms { get; set; } = "";

    /// <summary>LinkedIn V2 industry label.</summary>
    public string Industry { get; set; } = "";

    /// <summary>The industry's top-level group, so an industry never seen in training still carries signal.</summary>
    public string IndustryGroup { get; set; } = "";

    /// <summary>LinkedIn size bucket label (<c>51-200</c>).</summary>
    public string SizeBucket { get; set; } = "";

    /// <summary>The bucket's order, 1 (self-employed) to 9 (10,001+), scaled to 0..1; 0 when unknown.</summary>
    public float SizeOrdinal { get; set; }

    public string Seniority { get; set; } = "";

    public string Function { get; set; } = "";

    /// <summary>Seniority and function together: "Director of Marketing" is more than director plus marketing.</summary>
    public string SeniorityFunction { get; set; } = "";

    [ColumnName("Label")]
    public bool Label { get; set; }
}
