using BenchmarkDotNet.Attributes;
using IcpScoring.Ingestion;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;

namespace IcpScoring.Benchmarks;

/// <summary>
/// Normalizing: the export read, normalized and de-duplicated as one pass of the pipeline reads it,
/// and two kernels of it on their own: cleaning titles and hashing snapshot keys.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class NormalizeBenchmarks
{
    private CompanyDirectory _directory = CompanyDirectory.Empty;
    private string[] _titles = [];
    private List<Connection> _connections = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = BenchData.LoadDirectory();
        var options = BenchData.Ingestion;
        using (var reader = ExportReader.Open(BenchData.ExportPath, options, ColumnAliases.Create(options.Columns)))
        {
            // The normalizer cleans each distinct title once, so the distinct ones are the work.
            _titles = [.. reader.Rows().Select(r => r.Title).Distinct(StringComparer.Ordinal)];
        }

        _connections = BenchData.ReadConnections(_directory).Connections;
        Console.WriteLine($"// {BenchData.ExportPath}: {_connections.Count:N0} connections, {_titles.Length:N0} distinct raw titles");
    }

    /// <summary>Read, normalize and de-duplicate the whole export (<c>ExportIngestion.Connections</c>).</summary>
    [Benchmark]
    public long Connections()
    {
        using var ingestion = ExportIngestion.Open(BenchData.ExportPath, BenchData.Ingestion, _directory);
        long connections = 0;
        foreach (var _ in ingestion.Connections())
        {
            connections++;
        }

        return connections;
    }

    /// <summary><c>TitleCleaner.Clean</c> over the export's distinct raw titles.</summary>
    [Benchmark]
    public long CleanTitles()
    {
        long length = 0;
        foreach (var title in _titles)
        {
            length += TitleCleaner.Clean(title).Length;
        }

        return length;
    }

    /// <summary><c>SnapshotKeys.For</c> over every connection of the export.</summary>
    [Benchmark]
    public int SnapshotKeysForAll()
    {
        var hash = 0;
        long ordinal = 0;
        foreach (var c in _connections)
        {
            hash ^= SnapshotKeys.For(c, ordinal++)[0];
        }

        return hash;
    }
}
