using IcpScoring.Normalization;

namespace IcpScoring.Model;

/// <summary>Builds the classifier's input from normalized values, the same way for training and scoring.</summary>
internal static class ModelFeatures
{
    public static ModelInput From(Connection connection, bool label = false) =>
        From(connection.CleanTitle, connection.Industry, connection.CompanySize, label);

    public static ModelInput From(string cleanTitle, Industry? industry, CompanySize? size, bool label = false)
    {
        var (seniority, function) = TitleTaxonomy.Classify(cleanTitle);
        return new ModelInput
        {
            Title = cleanTitle,
            Industry = industry?.Label ?? "",
            IndustryGroup = industry?.TopLevel ?? "",
            SizeBucket = size?.Label ?? "",
            SizeOrdinal = size is null ? 0f : size.Ordinal / 9f,
            Seniority = seniority.ToString(),
            Function = function.ToString(),
            SeniorityFunction = $"{seniority}/{function}",
            Label = label,
        };
    }
}
