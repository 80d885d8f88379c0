namespace IcpScoring.Samples;

// Remembers the first line of each quirk in a file, so the READMEs can point at a real example.
internal sealed class QuirkLog
{
    private readonly Dictionary<Quirk, int> _firstLines = [];

    public IReadOnlyDictionary<Quirk, int> FirstLines => _firstLines;

    public void Note(int lineNumber, Quirk quirks)
    {
        foreach (var quirk in Enum.GetValues<Quirk>())
        {
            if (quirk != Quirk.None && quirks.HasFlag(quirk))
            {
                _firstLines.TryAdd(quirk, lineNumber);
            }
        }
    }
}
