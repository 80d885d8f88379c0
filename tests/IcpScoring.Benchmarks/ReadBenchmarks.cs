using BenchmarkDotNet.Attributes;
using IcpScoring.Ingestion;

namespace IcpScoring.Benchmarks;

/// <summary>Reading: the export parsed into rows by role (encoding, header, CSV, checks), nothing more.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ReadBenchmarks
{
    /// <summary>Every row of the export through <c>ExportReader.Rows</c>; returns how many were read.</summary>
    [Benchmark]
    public long ReadRows()
    {
        var options = BenchData.Ingestion;
        using var reader = ExportReader.Open(BenchData.ExportPath, options, ColumnAliases.Create(options.Columns));
        long rows = 0;
        foreach (var _ in reader.Rows())
        {
            rows++;
        }

        return rows;
    }
}
