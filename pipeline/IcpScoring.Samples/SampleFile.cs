namespace IcpScoring.Samples;

// One generated file, kept in memory until everything is generated, plus what the READMEs say about it.
internal sealed record SampleFile(
    string Path,
    string Content,
    bool WithBom,
    int Rows,
    IReadOnlyDictionary<Quirk, int> FirstLines);
