using IcpScoring.Model;

namespace IcpScoring.Labeling;

/// <summary>
/// A distinct input as the label queue's clustering sees it: the title's words, seniority and
/// function, industry (and its group) and size. The distance weighs them as the model's features
/// do roughly: the title most, an unknown value as a value of its own.
/// </summary>
internal sealed class InputPoint(ModelInput input)
{
    private readonly string[] _words = [.. input.Title.ToUpperInvariant()
        .Split((char[])[' ', ',', '-', '/', '&', '(', ')', '.', '|', ':', ';'], StringSplitOptions.RemoveEmptyEntries)
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public double Distance(InputPoint other)
    {
        var d = 0.4 * TitleDistance(other)
            + 0.15 * (input.Seniority == other.Input.Seniority ? 0 : 1)
            + 0.15 * (input.Function == other.Input.Function ? 0 : 1)
            + 0.15 * IndustryDistance(other.Input)
            + 0.15 * SizeDistance(other.Input);
        return d;
    }

    private ModelInput Input => input;

    // Jaccard distance between the title's word sets (both sorted).
    private double TitleDistance(InputPoint other)
    {
        if (_words.Length == 0 && other._words.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < _words.Length && j < other._words.Length)
        {
            var c = string.CompareOrdinal(_words[i], other._words[j]);
            if (c == 0)
            {
                common++;
                i++;
                j++;
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 1 - (common / (double)(_words.Length + other._words.Length - common));
    }

    private double IndustryDistance(ModelInput other) =>
        input.Industry == other.Industry ? 0
        : input.Industry.Length > 0 && other.Industry.Length > 0 && input.IndustryGroup == other.IndustryGroup ? 0.5
        : 1;

    private double SizeDistance(ModelInput other) =>
        input.SizeBucket == other.SizeBucket ? 0
        : input.SizeBucket.Length == 0 || other.SizeBucket.Length == 0 ? 1
        : Math.Min(1, Math.Abs(input.SizeOrdinal - other.SizeOrdinal) * 3);
}
