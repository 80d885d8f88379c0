using BenchmarkDotNet.Attributes;
using IcpScoring.Model;
using IcpScoring.Normalization;

namespace IcpScoring.Benchmarks;

/// <summary>
/// Scoring with the champion model: the distinct (title, industry, size) inputs found, all of them
/// scored in one batch, and the matches explained, as the pipeline does between its two passes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ScoreBenchmarks
{
    private IcpModel? _model;
    private List<Connection> _connections = [];
    private List<ModelInput> _inputs = [];
    private List<ModelInput> _matches = [];

    private IcpModel Model => _model ?? throw new InvalidOperationException("GlobalSetup has not run");

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchData.LoadChampion();
        _connections = BenchData.ReadConnections(BenchData.LoadDirectory()).Connections;
        _inputs = BenchData.DistinctInputs(_connections).Inputs;
        var probabilities = _model.Probabilities(_inputs);
        _matches = [.. _inputs.Where((_, i) => _model.IsMatch(probabilities[i]))];
        Console.WriteLine($"// {BenchData.ExportPath}: {_connections.Count:N0} connections, {_inputs.Count:N0} distinct inputs, {_matches.Count:N0} of them matches");
    }

    /// <summary>The distinct inputs of every connection, each featurized once (<c>ModelFeatures.From</c>).</summary>
    [Benchmark]
    public int DistinctInputs() => BenchData.DistinctInputs(_connections).Inputs.Count;

    /// <summary><c>IcpModel.Probabilities</c> over the distinct inputs, one batch transform.</summary>
    [Benchmark]
    public float[] Probabilities() => Model.Probabilities(_inputs);

    /// <summary><c>IcpModel.Score</c> with reasons over the distinct inputs that match.</summary>
    [Benchmark]
    public int ExplainMatches() => Model.Score(_matches, BenchData.ModelOptions).Count;
}
