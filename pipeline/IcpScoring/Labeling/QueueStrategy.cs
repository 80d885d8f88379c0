namespace IcpScoring.Labeling;

/// <summary>
/// How a label queue chooses whom to ask about. Measured against each other on a population whose
/// ICP is known (README, "Labeling loop"); <see cref="Representative"/> is what <c>icp label-queue</c> uses.
/// </summary>
internal enum QueueStrategy
{
    /// <summary>One person per cluster of the distinct inputs (title, industry, size): the inputs the network is made of.</summary>
    Representative,

    /// <summary>The distinct inputs scored nearest the threshold: where the model is least sure.</summary>
    NearThreshold,

    /// <summary>People drawn at random: the baseline.</summary>
    Random,

    /// <summary>The distinct inputs where the model and the criteria disagree most.</summary>
    Disagreement,

    /// <summary>Half <see cref="Representative"/>, half <see cref="Disagreement"/>.</summary>
    Mixed,
}
