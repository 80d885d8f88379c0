using System.Globalization;

namespace IcpScoring.Model;

/// <summary>What a model's training labels came from: people, a profile's criteria, or both.</summary>
internal static class TrainingOrigin
{
    public const string Labels = "labels";
    public const string Criteria = "criteria";
    public const string LabelsAndCriteria = "labels+criteria";

    /// <summary>Whether the model learnt from the criteria alone, with no label from a person.</summary>
    public static bool IsCriteriaOnly(ModelMetadata m) => m.TrainedFrom == Criteria;

    public static string Describe(ModelMetadata m) => m.TrainedFrom switch
    {
        Criteria => string.Create(CultureInfo.InvariantCulture, $"from criteria, no labeled prospects yet ({m.CriteriaRows:N0} connections, {m.CriteriaPositives:N0} meeting them)"),
        LabelsAndCriteria => string.Create(CultureInfo.InvariantCulture, $"from {m.LabeledRows:N0} labeled prospects and the criteria ({m.CriteriaRows:N0} connections)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"from {m.Rows:N0} labeled prospects"),
    };
}
