using BenchmarkDotNet.Attributes;
using IcpScoring.Model;
using IcpScoring.Normalization;

namespace IcpScoring.Benchmarks;

/// <summary>
/// Aggregating: every connection into its account's <c>AccountAccumulator</c> from prepared
/// connections and probabilities, then each account's segments, as the pipeline's second pass does.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class AggregateBenchmarks
{
    private IcpModel? _model;
    private List<Connection> _connections = [];
    private Dictionary<(string Title, int Industry, char Size), int> _index = [];
    private List<ModelInput> _inputs = [];
    private float[] _probabilities = [];
    private IReadOnlyList<ScoreReason>?[] _reasons = [];

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchData.LoadChampion();
        _connections = BenchData.ReadConnections(BenchData.LoadDirectory()).Connections;
        (_index, _inputs) = BenchData.DistinctInputs(_connections);
        _probabilities = _model.Probabilities(_inputs);
        _reasons = BenchData.Reasons(_model, _inputs, _probabilities);
    }

    /// <summary>Accumulate every connection (snapshot key, input look-up, tier, counts) and sort each account's segments.</summary>
    [Benchmark]
    public long Accumulate()
    {
        var model = _model ?? throw new InvalidOperationException("GlobalSetup has not run");
        var accounts = BenchData.Accumulate(model, _connections, _index, _inputs, _probabilities, _reasons);
        long segments = 0;
        foreach (var acc in accounts.Values)
        {
            segments += acc.Segments().Industry.Count;
        }

        return segments;
    }
}
