using System.Text.Json;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.Cli;

/// <summary><c>icp train</c>, <c>evaluate</c> and <c>models</c> on the real executable.</summary>
public sealed class ModelCommandsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private IcpProcess.Result Icp(params string[] args) =>
        IcpProcess.Run(_dir.Path, null, ["--config", IcpProcess.WriteConfig(_dir), "--models-dir", _dir.File("models"), .. args]);

    [Fact]
    public void TrainEvaluateListAndRollBackThroughTheCommandLine()
    {
        var labeled = _dir.Write("labeled.csv", Labeled.Csv(500, seed: 2));
        var test = _dir.Write("test.csv", Labeled.Csv(200, seed: 8));

        var train = Icp("train", labeled, "--json");
        var again = Icp("train", labeled, "--promote", "always", "--json");
        var evaluate = Icp("evaluate", test, "--model", "v1", "--json");
        var list = Icp("models", "list");
        var rollback = Icp("models", "rollback");

        Assert.Equal(0, train.ExitCode);
        using var trained = JsonDocument.Parse(train.Stdout);
        Assert.Equal("v1", trained.RootElement.GetProperty("version").GetString());
        Assert.True(trained.RootElement.GetProperty("promoted").GetBoolean());
        Assert.Equal(["auc", "auprc", "f1", "logLoss", "ece"], trained.RootElement.GetProperty("metrics").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(0, evaluate.ExitCode);
        using var evaluated = JsonDocument.Parse(evaluate.Stdout);
        Assert.Equal(200, evaluated.RootElement.GetProperty("rows").GetInt32());
        foreach (var key in new[] { "auc", "auprc", "f1", "logLoss", "ece" })
        {
            Assert.InRange(evaluated.RootElement.GetProperty(key).GetDouble(), 0, 1);
        }

        Assert.Contains("* v2", list.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains("champion: v1", rollback.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainSaysWhatTheComparisonRestsOnAndModelsListLabelsWhatEachFigureWasMeasuredOn()
    {
        var labeled = _dir.Write("labeled.csv", Labeled.Csv(1500, seed: 2));
        Icp("train", labeled);

        var again = Icp("train", labeled, "--json");
        var text = Icp("train", labeled);
        var list = Icp("models", "list");

        using var json = JsonDocument.Parse(again.Stdout);
        var comparison = json.RootElement.GetProperty("comparison");
        Assert.Equal("refit", comparison.GetProperty("basis").GetString());
        Assert.Equal(300, comparison.GetProperty("rows").GetInt32());
        Assert.Equal("not-worse", comparison.GetProperty("verdict").GetString());
        var auc = comparison.GetProperty("aucDifference");
        Assert.InRange(auc.GetProperty("value").GetDouble(), auc.GetProperty("low").GetDouble(), auc.GetProperty("high").GetDouble());
        Assert.Contains("comparison  with champion v2 on v3's holdout (300 rows), v2's recipe", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("95% interval", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("verdict     not worse", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("on own holdout (300 rows)", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("vs v1 on 300 rows (own holdout, v1's recipe refit): AUC", list.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Title,Industry\nCMO,Software Development\n", "no label column")]
    [InlineData("Title,IsIcp\nCMO,false\nNurse,false\n", "one class")]
    [InlineData("Title,IsIcp\nCMO,true\nNurse,false\n", "too few rows")]
    [InlineData("Title,IsIcp\nCMO,perhaps\nNurse,unsure\n", "all 2 were rejected")]
    public void TrainOnUnusableLabelsExitsTwoWithOneLine(string csv, string problem)
    {
        var labeled = _dir.Write("labeled.csv", csv);

        var result = Icp("train", labeled);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(problem, line, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateWithACorruptModelExitsTwoNamingThePath()
    {
        var labeled = _dir.Write("labeled.csv", Labeled.Csv(300, seed: 2));
        Assert.Equal(0, Icp("train", labeled).ExitCode);
        File.WriteAllText(Path.Combine(_dir.File("models"), "sample", "v1", "model.zip"), "garbage");

        var result = Icp("evaluate", labeled);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine("v1", "model.zip"), result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateOfAnUnknownVersionExitsTwo()
    {
        var labeled = _dir.Write("labeled.csv", Labeled.Csv(300, seed: 2));

        var result = Icp("evaluate", labeled, "--model", "v42");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("v42", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train", "--help")]
    [InlineData("evaluate", "--help")]
    [InlineData("models", "--help")]
    [InlineData("models", "list", "--help")]
    [InlineData("models", "promote", "--help")]
    [InlineData("models", "rollback", "--help")]
    public void ModelCommandsHaveHelp(params string[] args)
    {
        var result = Icp(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
    }
}
