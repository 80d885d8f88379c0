namespace IcpScoring.Cli.Hosting;

/// <summary>The <c>Paths</c> section: where data, inbox, outputs and models live (relative to the current folder).</summary>
internal sealed record PathsOptions
{
    public string DataDir { get; init; } = ".data";

    public string Inbox { get; init; } = "data-samples/inbox";

    public string Out { get; init; } = "out";

    public string ModelsDir { get; init; } = "models";

    public IEnumerable<string> Validate()
    {
        foreach (var (key, value) in new[] { ("DataDir", DataDir), ("Inbox", Inbox), ("Out", Out), ("ModelsDir", ModelsDir) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"Paths:{key} must not be empty";
            }
        }
    }
}
