using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace IcpScoring.Model;

/// <summary>
/// The feature pipeline: the title as word 1-2-grams and character 1-4-grams, the title's terms
/// (<see cref="TitleTerms"/>) as words, industry and its
/// group, size bucket and its order, seniority, function and the two together as categories.
/// </summary>
internal static class Featurizer
{
    /// <summary>Everything, for linear models: the character n-grams carry misspellings and other languages.</summary>
    public const string Features = "Features";

    /// <summary>Without character n-grams, for trees: a few thousand columns instead of tens of thousands.</summary>
    public const string CompactFeatures = "CompactFeatures";

    /// <summary>Feature columns and the words that explain them in reasons.</summary>
    public static readonly (string Column, string Source)[] Categorical =
    [
        ("IndustryKey", nameof(ModelInput.Industry)),
        ("IndustryGroupKey", nameof(ModelInput.IndustryGroup)),
        ("SizeBucketKey", nameof(ModelInput.SizeBucket)),
        ("SeniorityKey", nameof(ModelInput.Seniority)),
        ("FunctionKey", nameof(ModelInput.Function)),
        ("SeniorityFunctionKey", nameof(ModelInput.SeniorityFunction)),
    ];

    public const string TitleWords = "TitleWords";
    public const string TitleChars = "TitleChars";

    public const string TitleTermWords = "TitleTermWords";

    public static IEstimator<ITransformer> Create(MLContext ml)
    {
        var words = ml.Transforms.Text.FeaturizeText(TitleWords, new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, nameof(ModelInput.Title));
        var chars = ml.Transforms.Text.FeaturizeText(TitleChars, new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = null,
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, nameof(ModelInput.Title));

        // The title's terms, single words: what its abbreviations and foreign words stand for, beside the
        // title's own words rather than mixed into them (mixed in, they blurred the n-grams of clean titles).
        var terms = ml.Transforms.Text.FeaturizeText(TitleTermWords, new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1, UseAllLengths = true },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, nameof(ModelInput.TitleTerms));
        var categories = ml.Transforms.Categorical.OneHotEncoding([.. Categorical.Select(c => new InputOutputColumnPair(c.Column, c.Source))]);
        return words
            .Append(chars)
            .Append(terms)
            .Append(categories)
            .Append(ml.Transforms.Concatenate(Features, [TitleWords, TitleChars, TitleTermWords, .. Categorical.Select(c => c.Column), nameof(ModelInput.SizeOrdinal)]))
            .Append(ml.Transforms.Concatenate(CompactFeatures, [TitleWords, .. Categorical.Select(c => c.Column), nameof(ModelInput.SizeOrdinal)]));
    }
}
