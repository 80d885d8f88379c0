using IcpScoring.Model;
using IcpScoring.Normalization;

namespace IcpScoring.Profiles;

/// <summary>
/// What a model has learnt, in terms a marketer reads: the title words and word pairs, industries
/// and company sizes that raise and lower its score most. Each is measured the same way for a
/// linear and a tree model: the score of an input holding that alone, in log-odds, against an input
/// holding a word no model knows (for title words: any title reads as some role, so "of" alone is
/// compared with a title of nothing, not with no title) or nothing (for industries and sizes).
/// </summary>
internal static class ModelInsight
{
    public sealed record Effect(string Name, double LogOdds);

    public sealed record Learnt(
        IReadOnlyList<Effect> WordsUp, IReadOnlyList<Effect> WordsDown, IReadOnlyList<Effect> PairsUp, IReadOnlyList<Effect> PairsDown,
        IReadOnlyList<Effect> IndustryUp, IReadOnlyList<Effect> IndustryDown, IReadOnlyList<Effect> SizeUp, IReadOnlyList<Effect> SizeDown);

    // A title of one word no vocabulary holds: the role it reads as, and nothing learnt from its words.
    private const string Meaningless = "xqzjv";

    public static Learnt Of(IcpModel model, int top = 8)
    {
        var nothing = Logit(model.Probabilities([ModelFeatures.From("", null, null)])[0]);
        var meaningless = Logit(model.Probabilities([ModelFeatures.From(Meaningless, null, null)])[0]);

        var vocabulary = model.TitleVocabulary().Select(n => n.Replace('|', ' ')).Distinct(StringComparer.Ordinal).ToList();
        var words = Effects(model, meaningless, [.. vocabulary.Where(v => !v.Contains(' ', StringComparison.Ordinal))], w => ModelFeatures.From(w, null, null));
        var pairs = Effects(model, meaningless, [.. vocabulary.Where(v => v.Contains(' ', StringComparison.Ordinal))], w => ModelFeatures.From(w, null, null));
        var industries = Effects(model, nothing, [.. IndustryCatalog.Default.All.Select(i => i.Label)], l => ModelFeatures.From("", IndustryCatalog.Default.Find(l), null));
        var sizes = Effects(model, nothing, [.. CompanySizes.All.Select(s => s.Label)], l => ModelFeatures.From("", null, CompanySizes.Parse(l)));
        return new Learnt(
            Up(words, top), Down(words, top), Up(pairs, Math.Min(top, 6)), Down(pairs, Math.Min(top, 6)),
            Up(industries, Math.Min(top, 6)), Down(industries, Math.Min(top, 6)),
            Up(sizes, 3), Down(sizes, 3));
    }

    private static List<Effect> Effects(IcpModel model, double baseline, IReadOnlyList<string> names, Func<string, ModelInput> input)
    {
        var p = model.Probabilities([.. names.Select(input)]);
        return [.. names.Select((n, i) => new Effect(n, Logit(p[i]) - baseline))];
    }

    // Only effects worth naming: a tenth of a unit of log-odds moves a probability by about 2 points.
    private static List<Effect> Up(List<Effect> all, int top) =>
        [.. all.Where(e => e.LogOdds > 0.1).OrderByDescending(e => e.LogOdds).ThenBy(e => e.Name, StringComparer.Ordinal).Take(top)];

    private static List<Effect> Down(List<Effect> all, int top) =>
        [.. all.Where(e => e.LogOdds < -0.1).OrderBy(e => e.LogOdds).ThenBy(e => e.Name, StringComparer.Ordinal).Take(top)];

    private static double Logit(float p)
    {
        var q = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(q / (1 - q));
    }
}
