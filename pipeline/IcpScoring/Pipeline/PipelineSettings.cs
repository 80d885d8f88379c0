using IcpScoring.Drift;
using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Reports;

namespace IcpScoring.Pipeline;

/// <summary>The settings a file's journey needs, from appsettings.json.</summary>
internal sealed record PipelineSettings(IngestionOptions Ingestion, ModelOptions Model, BenchmarksOptions Benchmarks, ReportsOptions Reports, DriftOptions Drift);
