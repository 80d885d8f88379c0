using System.Globalization;
using System.Text;

namespace IcpScoring.Tests.Model.Calibration;

/// <summary>
/// Labeled prospects whose labels are drawn from known probabilities, so calibration can be measured
/// against its floor: each kind of person (seniority, function, industry, company size) has a true
/// ICP probability, and a row's label is a coin with that probability. The ECE of the true
/// probabilities on the test rows is the floor no model can beat on them. The truth is on purpose
/// not a logistic regression of the features: seniority and function interact, and probabilities
/// never quite reach 0 or 1 (a few buyers anywhere, a few refusals among the best fits), which a
/// plain logistic regression cannot follow.
/// Written to <c>tests/quality/calibration/</c> (train.csv 5,000 rows, test.csv 10,000 rows, seeds
/// 17 and 18); <c>ICP_APPROVE=1</c> on <see cref="CalibrationSetTests"/> writes them again.
/// </summary>
public static class CalibrationSet
{
    public const int TrainRows = 5000;
    public const int TestRows = 10000;
    public const int TrainSeed = 17;
    public const int TestSeed = 18;

    public const string Header = "Title,Industry,Company Size,IsIcp,TrueProbability";

    private static readonly (string Name, double Weight)[] Levels =
        [("entry", -1.6), ("senior", -0.6), ("manager", 0.0), ("director", 1.0), ("vp", 1.6), ("chief", 1.9)];

    private static readonly (string Name, string Chief, double Weight)[] Functions =
    [
        ("Marketing", "Chief Marketing Officer", 1.2), ("Sales", "Chief Revenue Officer", 0.6), ("Engineering", "Chief Technology Officer", -0.8),
        ("Finance", "Chief Financial Officer", -0.6), ("Human Resources", "Chief People Officer", -1.2), ("Operations", "Chief Operating Officer", -0.4),
    ];

    private static readonly (string Name, double Weight)[] Industries =
    [
        ("Software Development", 1.0), ("IT Services and IT Consulting", 0.6), ("Advertising Services", 0.3), ("Financial Services", 0.0),
        ("Manufacturing", -0.5), ("Retail", -0.6), ("Hospitals and Health Care", -1.0), ("Higher Education", -1.2),
    ];

    private static readonly (string Name, double Weight)[] Sizes =
        [("1-10", -1.2), ("11-50", -0.3), ("51-200", 0.5), ("201-500", 0.6), ("501-1000", 0.3), ("1001-5000", -0.1), ("5001-10000", -0.5), ("10001+", -0.8)];

    /// <summary>One labeled prospect and the probability its label was drawn from.</summary>
    public sealed record Row(string Title, string Industry, string Size, bool IsIcp, double TrueProbability);

    public static List<Row> Rows(int count, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<Row>(count);
        for (var i = 0; i < count; i++)
        {
            var level = rng.Next(Levels.Length);
            var function = rng.Next(Functions.Length);
            var industry = rng.Next(Industries.Length);
            var size = rng.Next(Sizes.Length);
            var title = Title(level, function, rng);
            var p = Probability(level, function, industry, size);
            rows.Add(new Row(title, Industries[industry].Name, Sizes[size].Name, rng.NextDouble() < p, p));
        }

        return rows;
    }

    public static string Csv(IReadOnlyList<Row> rows)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\"{r.Title}\",\"{r.Industry}\",{r.Size},{(r.IsIcp ? "true" : "false")},{r.TrueProbability:R}\n");
        }

        return sb.ToString();
    }

    // Leaders in marketing and sales gain more than their seniority and function add up to, and the
    // curve is squeezed into [0.03, 0.92], as label noise squeezes real labels (the shipped samples
    // carry 3%): the clearest fits and misfits are less certain than their features say, which a
    // logistic regression, linear in the log-odds, cannot follow.
    private static double Probability(int level, int function, int industry, int size)
    {
        var z = -2.2 + Levels[level].Weight + Functions[function].Weight + Industries[industry].Weight + Sizes[size].Weight;
        if (level >= 3 && function <= 1)
        {
            z += 1.0;
        }

        return 0.03 + (0.89 / (1 + Math.Exp(-1.8 * z)));
    }

    private static string Title(int level, int function, Random rng)
    {
        var f = Functions[function].Name;
        string[] choices = Levels[level].Name switch
        {
            "entry" => [$"{f} Coordinator", $"{f} Assistant", $"Junior {f} Specialist"],
            "senior" => [$"Senior {f} Specialist", $"{f} Specialist", $"Senior {f} Analyst"],
            "manager" => [$"{f} Manager", $"Manager, {f}"],
            "director" => [$"Director of {f}", $"{f} Director", $"Senior Director, {f}"],
            "vp" => [$"VP {f}", $"Vice President of {f}", $"SVP {f}"],
            _ => [Functions[function].Chief, $"Head of {f}"],
        };
        return choices[rng.Next(choices.Length)];
    }
}
