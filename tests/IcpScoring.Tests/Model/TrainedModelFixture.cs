using IcpScoring.Ingestion;
using IcpScoring.Model;
using IcpScoring.Normalization;
using IcpScoring.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpScoring.Tests.Model;

/// <summary>One model trained on the shipped labeled prospects, shared by the tests that only read it.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    private readonly TempFolder _dir = new();

    public TrainedModelFixture()
    {
        Options = new ModelOptions { Folds = 3 };
        Set = LabeledSet.Read(Repo.Path("data-samples", "labeled", "prospects.csv"), new IngestionOptions(), CompanyDirectory.Empty);
        Trained = new IcpTrainer(Options, NullLogger<IcpTrainer>.Instance).Train(Set);
        ModelPath = _dir.File("model.zip");
        Trained.Save(ModelPath);
        Model = IcpModel.Load(ModelPath, Trained.Metadata);
    }

    internal ModelOptions Options { get; }

    internal LabeledSet Set { get; }

    internal TrainedModel Trained { get; }

    internal string ModelPath { get; }

    internal IcpModel Model { get; }

    public void Dispose() => _dir.Dispose();
}
