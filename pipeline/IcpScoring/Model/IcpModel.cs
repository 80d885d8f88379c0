using IcpScoring.Normalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IcpScoring.Model;

/// <summary>
/// A trained model loaded for scoring. Scores whole batches through one <c>Transform</c>, and
/// explains a score by what each part of the input adds to it or takes from it: the title's words,
/// the role, the industry and the company size, each left out in turn (this works the same for
/// linear and tree models).
/// </summary>
internal sealed class IcpModel
{
    // A category no model has seen: one-hot encodes it as all zeros, the neutral input.
    private const string Absent = "\u0001absent";

    // Inputs the best industry and size are measured on: 16 × 434 industries is a few thousand rows.
    private const int EnrichmentProbes = 16;

    // A reason is named from half a point of score up: it then shows as at least 1 point.
    private const double MinimumPoints = 0.5;

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;

    // MLContext makes no promise to several threads; scheduled jobs share a model, so scoring takes turns.
    private readonly Lock _scoring = new();

    private IcpModel(MLContext ml, ITransformer transformer, ModelMetadata metadata, string profile)
    {
        _ml = ml;
        _transformer = transformer;
        Metadata = metadata;
        Profile = profile;
    }

    public ModelMetadata Metadata { get; }

    public string Version => Metadata.Version;

    /// <summary>The ICP profile whose registry holds the model ("" when loaded from a bare path).</summary>
    public string Profile { get; }

    /// <summary>The model as snapshots record it: <c>profile/vN</c>, or the bare version without a profile.</summary>
    public string Reference => Profile.Length == 0 ? Version : $"{Profile}/{Version}";

    public double Threshold => Metadata.Threshold;

    public static IcpModel Load(RegistryEntry entry, string profile = "")
    {
        if (entry.Metadata.SchemaVersion != ModelInput.SchemaVersion)
        {
            throw new ModelLoadException($"{entry.ModelPath}: model {entry.Version} was trained on feature schema {entry.Metadata.SchemaVersion}, this icp uses schema {ModelInput.SchemaVersion}; train a new model with icp train");
        }

        return Load(entry.ModelPath, entry.Metadata, profile);
    }

    public static IcpModel Load(string modelPath, ModelMetadata metadata, string profile = "")
    {
        if (!File.Exists(modelPath))
        {
            throw new ModelLoadException($"{modelPath}: no such model file; train one with icp train LABELED.csv, or icp models rollback");
        }

        if (metadata.TitleTerms > TitleTerms.Version)
        {
            throw new ModelLoadException($"{modelPath}: model {metadata.Version} reads titles with title terms {metadata.TitleTerms}, this icp knows up to {TitleTerms.Version}; use a newer icp or train a new model with icp train");
        }

        var ml = new MLContext(metadata.Seed);
        ITransformer transformer;
        DataViewSchema schema;
        try
        {
            transformer = ml.Model.Load(modelPath, out schema);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException or ArgumentException or NotSupportedException or System.Reflection.TargetInvocationException)
        {
            throw new ModelLoadException($"{modelPath}: not a readable ML.NET model ({e.GetType().Name}); train a new one with icp train, or icp models rollback", e);
        }

        var expected = SchemaDefinition.Create(typeof(ModelInput));
        // TitleTerms came later: a model that does not read it does not need it.
        var missing = expected.Where(c => c.ColumnName is not ("Label" or nameof(ModelInput.TitleTerms)) && schema.GetColumnOrNull(c.ColumnName) is not { } col).Select(c => c.ColumnName).ToList();
        if (missing.Count > 0)
        {
            throw new ModelLoadException($"{modelPath}: the model expects other input columns (missing: {string.Join(", ", missing)}); train a new model with icp train");
        }

        return new IcpModel(ml, transformer, metadata, profile);
    }

    /// <summary>Calibrated probabilities, in input order, through one batch transform.</summary>
    public float[] Probabilities(IReadOnlyList<ModelInput> inputs)
    {
        if (inputs.Count == 0)
        {
            return [];
        }

        lock (_scoring)
        {
            // Each model reads titles the way it was trained to (old models: untouched).
            var prepared = Metadata.TitleTerms == 0 ? inputs : [.. inputs.Select(i => TitleTerms.Prepare(i, Metadata.TitleTerms))];
            var raw = _transformer.Transform(_ml.Data.LoadFromEnumerable(prepared)).GetColumn<float>("Probability").ToArray();

            // Models trained before calibration have none and score as they always did.
            return Metadata.Calibration is { } calibrator ? calibrator.Apply(raw) : raw;
        }
    }

    public bool IsMatch(float probability) => probability >= Metadata.Threshold;

    /// <summary>
    /// The title words and word pairs the model has weights for (its vocabulary), as the featurizer
    /// names its slots ("head|of" for a pair); empty when the model does not name them.
    /// </summary>
    public IReadOnlyList<string> TitleVocabulary()
    {
        lock (_scoring)
        {
            var schema = _transformer.GetOutputSchema(_ml.Data.LoadFromEnumerable(Array.Empty<ModelInput>()).Schema);
            if (schema.GetColumnOrNull(Featurizer.TitleWords) is not { } column || !column.HasSlotNames())
            {
                return [];
            }

            VBuffer<ReadOnlyMemory<char>> names = default;
            column.GetSlotNames(ref names);
            return [.. names.DenseValues().Select(n => n.ToString()).Where(n => n.Length > 0)];
        }
    }

    /// <summary>
    /// Scores with reasons: what raised each score and what lowered it, in words a marketer reads,
    /// the largest effect first (see <see cref="ScoreReason"/>).
    /// </summary>
    public IReadOnlyList<ScoredInput> Score(IReadOnlyList<ModelInput> inputs, ModelOptions options)
    {
        var p = Probabilities(inputs);
        var reasons = options.TopReasons > 0 ? Reasons(inputs, p, options.TopReasons) : null;
        var scored = new ScoredInput[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            scored[i] = new ScoredInput(p[i], IsMatch(p[i]), options.Tier(p[i]), reasons?[i] ?? []);
        }

        return scored;
    }

    /// <summary>
    /// For each input whose industry or company size is unknown, what it would score if the unknown
    /// part took the value that raises this model's score most; null for an input with both known.
    /// The best industry and the best size are measured with the model, not guessed: every industry
    /// of LinkedIn's list (then every size bucket, with that industry in place) is put into the
    /// <see cref="EnrichmentProbes"/> most promising of these inputs (the highest scores), and the one
    /// with the highest mean log-odds wins (for a linear model that is the best value for every input alike).
    /// </summary>
    public Enrichment?[] IfEnriched(IReadOnlyList<ModelInput> inputs, IReadOnlyList<float> probabilities)
    {
        var result = new Enrichment?[inputs.Count];
        var open = Enumerable.Range(0, inputs.Count).Where(i => inputs[i].Industry.Length == 0 || inputs[i].SizeBucket.Length == 0).ToList();
        if (open.Count == 0)
        {
            return result;
        }

        var sample = open.OrderByDescending(i => probabilities[i]).ThenBy(i => i).Take(EnrichmentProbes).Select(i => inputs[i]).ToList();
        var industry = Best(
            [.. sample.Where(x => x.Industry.Length == 0)],
            IndustryCatalog.Default.All,
            (x, v) => { x.Industry = v.Label; x.IndustryGroup = v.TopLevel; });
        var size = Best(
            [.. sample.Where(x => x.SizeBucket.Length == 0).Select(x => Fill(x, industry, null))],
            CompanySizes.All,
            (x, v) => { x.SizeBucket = v.Label; x.SizeOrdinal = v.Ordinal / 9f; });

        var filled = open.Select(i => Fill(inputs[i], industry, size)).ToList();
        var p = Probabilities(filled);
        for (var k = 0; k < open.Count; k++)
        {
            var input = inputs[open[k]];
            result[open[k]] = new Enrichment(p[k], input.Industry.Length == 0 ? industry?.Label : null, input.SizeBucket.Length == 0 ? size?.Label : null);
        }

        return result;
    }

    // The value that, put into every probe, gives the highest mean log-odds (ties: the first listed).
    private T? Best<T>(List<ModelInput> probes, IReadOnlyList<T> values, Action<ModelInput, T> set)
        where T : class
    {
        if (probes.Count == 0)
        {
            return null;
        }

        var variants = new List<ModelInput>(probes.Count * values.Count);
        foreach (var value in values)
        {
            variants.AddRange(probes.Select(x => With(x, c => set(c, value))));
        }

        var p = Probabilities(variants);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var v = 0; v < values.Count; v++)
        {
            var score = 0.0;
            for (var k = 0; k < probes.Count; k++)
            {
                var q = Math.Clamp(p[(v * probes.Count) + k], 1e-6, 1 - 1e-6);
                score += Math.Log(q / (1 - q));
            }

            if (score > bestScore)
            {
                (best, bestScore) = (v, score);
            }
        }

        return values[best];
    }

    private static ModelInput Fill(ModelInput input, Industry? industry, CompanySize? size) => With(input, x =>
    {
        if (x.Industry.Length == 0 && industry is not null)
        {
            x.Industry = industry.Label;
            x.IndustryGroup = industry.TopLevel;
        }

        if (x.SizeBucket.Length == 0 && size is not null)
        {
            x.SizeBucket = size.Label;
            x.SizeOrdinal = size.Ordinal / 9f;
        }
    });

    private List<ScoreReason>[] Reasons(IReadOnlyList<ModelInput> inputs, float[] full, int top)
    {
        var candidates = new List<ScoreReason>[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            candidates[i] = [];
        }

        foreach (var part in Parts)
        {
            var without = Probabilities([.. inputs.Select(part.Remove)]);
            for (var i = 0; i < inputs.Count; i++)
            {
                var points = Points(full[i], without[i]);
                if (Math.Abs(points) >= MinimumPoints)
                {
                    candidates[i].Add(new ScoreReason(part.Describe(inputs[i]), points));
                }
            }
        }

        TitleWords(inputs, full, candidates);
        return [.. candidates.Select(c => c.OrderByDescending(x => Math.Abs(x.Points)).ThenBy(x => x.Text, StringComparer.Ordinal).Take(top).ToList())];
    }

    // The title's words, each left out in turn: the one that raises the score most, and the one that lowers it most.
    private void TitleWords(IReadOnlyList<ModelInput> inputs, float[] full, List<ScoreReason>[] candidates)
    {
        var variants = new List<ModelInput>();
        var owners = new List<(int Row, string Word)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var words = inputs[i].Title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 12)
            {
                continue;
            }

            for (var w = 0; w < words.Length; w++)
            {
                var copy = Clone(inputs[i]);
                copy.Title = string.Join(' ', words.Where((_, k) => k != w));
                variants.Add(copy);
                owners.Add((i, words[w]));
            }
        }

        var p = Probabilities(variants);
        var up = new Dictionary<int, (double Points, string Word)>();
        var down = new Dictionary<int, (double Points, string Word)>();
        for (var k = 0; k < p.Length; k++)
        {
            var (row, word) = owners[k];
            var points = Points(full[row], p[k]);
            var best = points > 0 ? up : down;
            if (Math.Abs(points) >= MinimumPoints && (!best.TryGetValue(row, out var b) || Math.Abs(points) > Math.Abs(b.Points)))
            {
                best[row] = (points, word);
            }
        }

        foreach (var (row, (points, word)) in up.Concat(down))
        {
            candidates[row].Add(new ScoreReason($"title mentions \"{word.Trim(',', '.', ';', ':', '(', ')').ToLowerInvariant()}\"", points));
        }
    }

    // What a part adds to the score, in percentage points of it.
    private static double Points(float with, float without) => Math.Round(100.0 * (with - (double)without), 6);

    private sealed record Part(Func<ModelInput, ModelInput> Remove, Func<ModelInput, string> Describe);

    // An unknown industry or size is a value too: the model learnt what "unknown" says.
    private static readonly Part[] Parts =
    [
        new(i => With(i, x => { x.Seniority = Absent; x.Function = Absent; x.SeniorityFunction = Absent; }), DescribeRole),
        new(i => With(i, x => { x.Industry = Absent; x.IndustryGroup = Absent; }), i => i.Industry.Length > 0 ? $"industry: {i.Industry}" : "industry unknown"),
        new(i => With(i, x => { x.SizeBucket = Absent; x.SizeOrdinal = 0; }), i => i.SizeBucket.Length > 0 ? $"company size: {i.SizeBucket}" : "company size unknown"),
    ];

    private static string DescribeRole(ModelInput i)
    {
        var seniority = Enum.TryParse<Seniority>(i.Seniority, out var s) && s != Seniority.Unknown ? TitleTaxonomy.Label(s) : null;
        var function = Enum.TryParse<JobFunction>(i.Function, out var f) && f is not (JobFunction.Unknown or JobFunction.Other) ? TitleTaxonomy.Label(f) : null;
        return (seniority, function) switch
        {
            (null, null) => "no role read from the title",
            (null, { } fn) => $"works in {fn}",
            ({ } sn, null) => $"seniority: {sn}",
            ({ } sn, { } fn) => $"{sn} in {fn}",
        };
    }

    private static ModelInput With(ModelInput input, Action<ModelInput> change)
    {
        var copy = Clone(input);
        change(copy);
        return copy;
    }

    private static ModelInput Clone(ModelInput i) => new()
    {
        Title = i.Title,
        TitleTerms = i.TitleTerms,
        Industry = i.Industry,
        IndustryGroup = i.IndustryGroup,
        SizeBucket = i.SizeBucket,
        SizeOrdinal = i.SizeOrdinal,
        Seniority = i.Seniority,
        Function = i.Function,
        SeniorityFunction = i.SeniorityFunction,
        Label = i.Label,
    };
}
