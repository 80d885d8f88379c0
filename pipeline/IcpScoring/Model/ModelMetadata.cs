namespace IcpScoring.Model;

/// <summary>
/// Everything needed to know where a model came from and how good it was: stored as
/// <c>model.json</c> beside the model's <c>model.zip</c>.
/// </summary>
internal sealed record ModelMetadata
{
    /// <summary>The feature schema the model zip expects.</summary>
    public int SchemaVersion { get; init; }

    /// <summary>"v7"; assigned by <see cref="ModelRegistry.Add"/>, whatever the caller set.</summary>
    public string Version { get; init; } = "";

    public DateTimeOffset TrainedAt { get; init; }

    public string TrainingDataSha256 { get; init; } = "";

    /// <summary>The training file's name only: a full path would leak the trainer's machine layout.</summary>
    public string TrainingFile { get; init; } = "";

    public int Rows { get; init; }

    public int Positives { get; init; }

    public int Negatives { get; init; }

    public int RejectedRows { get; init; }

    /// <summary>e.g. "LbfgsLogisticRegression".</summary>
    public string Trainer { get; init; } = "";

    public IReadOnlyDictionary<string, string> TrainerOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Cross-validation metrics of every trainer tried, by trainer name.</summary>
    public IReadOnlyDictionary<string, ModelMetrics> CandidateCv { get; init; } = new Dictionary<string, ModelMetrics>();

    /// <summary>Cross-validation metrics of the chosen trainer.</summary>
    public ModelMetrics CrossValidation { get; init; } = ModelMetrics.None;

    public ModelMetrics Holdout { get; init; } = ModelMetrics.None;

    /// <summary>On the calibrated scale, like every probability the model gives.</summary>
    public double Threshold { get; init; }

    /// <summary>The map from the trainer's score to a calibrated probability; null for models trained before calibration (they score raw).</summary>
    public Calibration.Calibrator? Calibration { get; init; }

    /// <summary>The reliability diagram of the holdout's calibrated probabilities, with its ECE and noise floor.</summary>
    public Calibration.Reliability? Reliability { get; init; }

    /// <summary>What the numbers rest on, in words, when it is little: small sets, trainers within noise, a small holdout.</summary>
    public IReadOnlyList<string> Caveats { get; init; } = [];

    /// <summary>How often the folds were repeated with new shuffles (1 but for small sets).</summary>
    public int Repetitions { get; init; } = 1;

    public int Seed { get; init; }

    public int Folds { get; init; }

    public double HoldoutFraction { get; init; }

    /// <summary>The ICP profile the model was trained for; empty for models trained before profiles.</summary>
    public string Profile { get; init; } = "";

    /// <summary>What the labels came from: <see cref="TrainingOrigin"/>; empty (labels) for models trained before profiles.</summary>
    public string TrainedFrom { get; init; } = "";

    /// <summary>Rows labeled by people (a labeled-prospects file).</summary>
    public int LabeledRows { get; init; }

    /// <summary>Connections labeled by the profile's criteria, and how many of them met them.</summary>
    public int CriteriaRows { get; init; }

    public int CriteriaPositives { get; init; }

    /// <summary>Criteria rows whose industry or size was unknown: labeled ICP with the probability the population gives.</summary>
    public int CriteriaUndecided { get; init; }

    /// <summary>SHA-256 of the profile.json the criteria were read from; empty when none were used.</summary>
    public string CriteriaSha256 { get; init; } = "";

    /// <summary>
    /// How the model reads titles (<see cref="Model.TitleTerms"/>): 0 for models trained before title
    /// terms, which are given their titles untouched.
    /// </summary>
    public int TitleTerms { get; init; }

    /// <summary>How the model's labels came about, in words for reports: "from criteria, no labeled prospects yet".</summary>
    public string Origin => TrainingOrigin.Describe(this);
}

/// <summary>Quality of a model on one set of labeled rows.</summary>
internal sealed record ModelMetrics(double Auc, double Auprc, double F1, double LogLoss, double Ece, int Rows, int Positives)
{
    /// <summary>Not measured.</summary>
    public static ModelMetrics None { get; } = new(0, 0, 0, 0, 0, 0, 0);
}
