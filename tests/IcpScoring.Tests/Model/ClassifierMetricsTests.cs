using IcpScoring.Model;

namespace IcpScoring.Tests.Model;

public class ClassifierMetricsTests
{
    private const double Exact = 1e-12;

    // A fixed 20-row example with ties inside and across classes. Expected values below come from
    // scikit-learn 1.2.1 (/usr/bin/python3), with the scores cast float32 -> float64 as C# does:
    //   s = np.array(Scores, dtype=np.float32).astype(np.float64)
    //   roc_auc_score(y, s), average_precision_score(y, s), log_loss(y, s), f1_score(y, s >= np.float32(0.5))
    private static readonly bool[] SklearnLabels =
        [true, false, true, true, false, false, true, false, false, true,
         false, true, false, false, true, false, false, true, false, false];

    private static readonly float[] SklearnScores =
        [0.9f, 0.9f, 0.8f, 0.7f, 0.7f, 0.7f, 0.6f, 0.55f, 0.5f, 0.5f,
         0.5f, 0.4f, 0.4f, 0.35f, 0.3f, 0.3f, 0.2f, 0.1f, 0.1f, 0.05f];

    [Fact]
    public void AucIsOneForAPerfectRanking()
    {
        bool[] labels = [true, true, false, false];
        float[] scores = [0.9f, 0.8f, 0.3f, 0.1f];

        var auc = ClassifierMetrics.Auc(labels, scores);

        Assert.Equal(1.0, auc);
    }

    [Fact]
    public void AucIsZeroForAnInvertedRanking()
    {
        bool[] labels = [false, false, true, true];
        float[] scores = [0.9f, 0.8f, 0.3f, 0.1f];

        var auc = ClassifierMetrics.Auc(labels, scores);

        Assert.Equal(0.0, auc);
    }

    [Fact]
    public void AucIsOneHalfWhenEveryScoreIsTied()
    {
        bool[] labels = [true, false, false, true, false];
        float[] scores = [0.4f, 0.4f, 0.4f, 0.4f, 0.4f];

        var auc = ClassifierMetrics.Auc(labels, scores);

        Assert.Equal(0.5, auc);
    }

    [Fact]
    public void AucCountsAPositiveTiedWithANegativeAsHalfAPair()
    {
        // Pairs (positive, negative): (0.9, 0.5) 1, (0.9, 0.1) 1, (0.5, 0.5) 1/2, (0.5, 0.1) 1 -> 3.5 / 4.
        bool[] labels = [true, false, true, false];
        float[] scores = [0.9f, 0.5f, 0.5f, 0.1f];

        var auc = ClassifierMetrics.Auc(labels, scores);

        Assert.Equal(0.875, auc);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AucIsNaNWhenOneClassIsMissing(bool onlyLabel)
    {
        bool[] labels = [onlyLabel, onlyLabel, onlyLabel];
        float[] scores = [0.2f, 0.5f, 0.7f];

        var auc = ClassifierMetrics.Auc(labels, scores);

        Assert.True(double.IsNaN(auc));
    }

    [Fact]
    public void AucIsNaNForNoRows()
    {
        var auc = ClassifierMetrics.Auc([], []);

        Assert.True(double.IsNaN(auc));
    }

    [Fact]
    public void AucMatchesScikitLearnOnTheTiedExample()
    {
        var auc = ClassifierMetrics.Auc(SklearnLabels, SklearnScores);

        Assert.Equal(0.6145833333333334, auc, Exact);
    }

    [Fact]
    public void AucAgreesWithCountingEveryPairOnRandomTiedScores()
    {
        var (labels, scores) = RandomPredictions(seed: 7, rows: 2_000, distinctScores: 50);

        var auc = ClassifierMetrics.Auc(labels, scores);

        Assert.Equal(PairwiseAuc(labels, scores), auc, Exact);
    }

    [Fact]
    public void AveragePrecisionAveragesPrecisionAtEachRecalledPositive()
    {
        // Positives recalled at ranks 1 and 3: (1/2) * 1 + (1/2) * (2/3).
        bool[] labels = [true, false, true, false];
        float[] scores = [0.9f, 0.8f, 0.7f, 0.6f];

        var ap = ClassifierMetrics.AveragePrecision(labels, scores);

        Assert.Equal((0.5 * 1.0) + (0.5 * (2.0 / 3.0)), ap, Exact);
    }

    [Fact]
    public void AveragePrecisionIsOneForAPerfectRanking()
    {
        bool[] labels = [true, true, false, false];
        float[] scores = [0.9f, 0.8f, 0.3f, 0.1f];

        var ap = ClassifierMetrics.AveragePrecision(labels, scores);

        Assert.Equal(1.0, ap);
    }

    [Fact]
    public void AveragePrecisionTreatsTiedScoresAsOneThreshold()
    {
        // Ranked naively the positive could come first and score 1; as one threshold it scores 1/2.
        bool[] labels = [true, false];
        float[] scores = [0.5f, 0.5f];

        var ap = ClassifierMetrics.AveragePrecision(labels, scores);

        Assert.Equal(0.5, ap);
    }

    [Fact]
    public void AveragePrecisionIsNaNWithoutPositives()
    {
        bool[] labels = [false, false];
        float[] scores = [0.3f, 0.6f];

        var ap = ClassifierMetrics.AveragePrecision(labels, scores);

        Assert.True(double.IsNaN(ap));
    }

    [Fact]
    public void AveragePrecisionMatchesScikitLearnOnTheTiedExample()
    {
        var ap = ClassifierMetrics.AveragePrecision(SklearnLabels, SklearnScores);

        Assert.Equal(0.5015914732197626, ap, Exact);
    }

    [Fact]
    public void F1BalancesPrecisionAndRecallAtTheThreshold()
    {
        // TP 1 (0.9), FP 1 (0.6), FN 1 (0.4): 2 / (2 + 1 + 1).
        bool[] labels = [true, true, false, false];
        float[] scores = [0.9f, 0.4f, 0.6f, 0.1f];

        var f1 = ClassifierMetrics.F1(labels, scores, 0.5);

        Assert.Equal(0.5, f1);
    }

    [Fact]
    public void F1CountsAScoreEqualToTheThresholdAsPredictedPositive()
    {
        bool[] labels = [true, false];
        float[] scores = [0.5f, 0.25f];

        var f1 = ClassifierMetrics.F1(labels, scores, 0.5);

        Assert.Equal(1.0, f1);
    }

    [Fact]
    public void F1IsZeroWhenThereAreNeitherPredictedNorActualPositives()
    {
        bool[] labels = [false, false];
        float[] scores = [0.1f, 0.2f];

        var f1 = ClassifierMetrics.F1(labels, scores, 0.5);

        Assert.Equal(0.0, f1);
    }

    [Fact]
    public void F1IsZeroWhenTheThresholdIsAboveEveryScore()
    {
        bool[] labels = [true, false];
        float[] scores = [0.9f, 0.2f];

        var f1 = ClassifierMetrics.F1(labels, scores, 1.5);

        Assert.Equal(0.0, f1);
    }

    [Fact]
    public void F1AtThresholdZeroPredictsEveryRowPositive()
    {
        // 2P / (2P + N) with P = 1, N = 3.
        bool[] labels = [true, false, false, false];
        float[] scores = [0.9f, 0.2f, 0f, 0.4f];

        var f1 = ClassifierMetrics.F1(labels, scores, 0.0);

        Assert.Equal(0.4, f1, Exact);
    }

    [Fact]
    public void F1MatchesScikitLearnOnTheTiedExample()
    {
        var f1 = ClassifierMetrics.F1(SklearnLabels, SklearnScores, 0.5f);

        Assert.Equal(0.5263157894736842, f1, Exact);
    }

    [Fact]
    public void LogLossIsTheMeanNegativeLogLikelihood()
    {
        bool[] labels = [true, false];
        float[] scores = [0.75f, 0.25f];

        var loss = ClassifierMetrics.LogLoss(labels, scores);

        Assert.Equal(Math.Log(4.0 / 3.0), loss, Exact);
    }

    [Fact]
    public void LogLossClipsACertainMissedPositiveAtOneInTenToTheFifteen()
    {
        // sklearn: log_loss([1, 0], [0.0, 0.5], eps=1e-15); (-ln 1e-15 + ln 2) / 2.
        bool[] labels = [true, false];
        float[] scores = [0f, 0.5f];

        var loss = ClassifierMetrics.LogLoss(labels, scores);

        Assert.Equal(17.615961787735316, loss, Exact);
    }

    [Fact]
    public void LogLossClipsACertainFalseAlarmAtOneMinusOneInTenToTheFifteen()
    {
        // sklearn: log_loss([0, 1], [1.0, 0.5], eps=1e-15); 1 - (1 - 1e-15) is not exactly 1e-15 in double.
        bool[] labels = [false, true];
        float[] scores = [1f, 0.5f];

        var loss = ClassifierMetrics.LogLoss(labels, scores);

        Assert.Equal(17.616361586450413, loss, Exact);
    }

    [Fact]
    public void LogLossMatchesScikitLearnOnTheTiedExample()
    {
        var loss = ClassifierMetrics.LogLoss(SklearnLabels, SklearnScores);

        Assert.Equal(0.7442706850237275, loss, Exact);
    }

    [Fact]
    public void ExpectedCalibrationErrorIsZeroForPerfectlyCalibratedScores()
    {
        // Score 1/4 with one positive in four; score 3/4 with three positives in four.
        bool[] labels = [true, false, false, false, true, true, true, false];
        float[] scores = [0.25f, 0.25f, 0.25f, 0.25f, 0.75f, 0.75f, 0.75f, 0.75f];

        var ece = ClassifierMetrics.ExpectedCalibrationError(labels, scores);

        Assert.Equal(0.0, ece);
    }

    [Fact]
    public void ExpectedCalibrationErrorWeighsEachBinsGapByItsShareOfRows()
    {
        // Bin [0.8, 0.9): 4/8 * |1/4 - 0.875| = 0.3125; bin [0.1, 0.2): 4/8 * |2/4 - 0.125| = 0.1875.
        bool[] labels = [true, false, false, false, true, true, false, false];
        float[] scores = [0.875f, 0.875f, 0.875f, 0.875f, 0.125f, 0.125f, 0.125f, 0.125f];

        var ece = ClassifierMetrics.ExpectedCalibrationError(labels, scores);

        Assert.Equal(0.5, ece, Exact);
    }

    [Fact]
    public void ExpectedCalibrationErrorPutsAScoreOfOneInTheLastBin()
    {
        // 0.95 and 1.0 share the last bin: |1/2 - 0.975|.
        bool[] labels = [true, false];
        float[] scores = [1f, 0.95f];

        var ece = ClassifierMetrics.ExpectedCalibrationError(labels, scores);

        Assert.Equal(0.475, ece, 1e-7);
    }

    [Fact]
    public void ExpectedCalibrationErrorPutsAScoreOnABinEdgeInTheUpperBin()
    {
        // With two bins 0.5 joins 0.75 in [0.5, 1]: |1/2 - 0.625|. Split apart it would be 0.375.
        bool[] labels = [false, true];
        float[] scores = [0.5f, 0.75f];

        var ece = ClassifierMetrics.ExpectedCalibrationError(labels, scores, bins: 2);

        Assert.Equal(0.125, ece, Exact);
    }

    [Fact]
    public void ExpectedCalibrationErrorRejectsAScoreOutsideZeroToOne()
    {
        bool[] labels = [true];
        float[] scores = [1.25f];

        void Act() => ClassifierMetrics.ExpectedCalibrationError(labels, scores);

        Assert.Throws<ArgumentOutOfRangeException>(Act);
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        bool[] labels = [true, false];
        float[] scores = [0.5f];

        void Act() => ClassifierMetrics.Auc(labels, scores);

        Assert.Throws<ArgumentException>(Act);
    }

    [Fact]
    public void NaNScoresAreRejected()
    {
        bool[] labels = [true, false];
        float[] scores = [0.5f, float.NaN];

        void Act() => ClassifierMetrics.LogLoss(labels, scores);

        Assert.Throws<ArgumentException>(Act);
    }

    [Fact]
    public void AllGathersTheIndividualMetrics()
    {
        var expected = new ModelMetricsValues(
            ClassifierMetrics.Auc(SklearnLabels, SklearnScores),
            ClassifierMetrics.AveragePrecision(SklearnLabels, SklearnScores),
            ClassifierMetrics.F1(SklearnLabels, SklearnScores, 0.5),
            ClassifierMetrics.LogLoss(SklearnLabels, SklearnScores),
            ClassifierMetrics.ExpectedCalibrationError(SklearnLabels, SklearnScores),
            Rows: 20,
            Positives: 8);

        var all = ClassifierMetrics.All(SklearnLabels, SklearnScores, 0.5);

        Assert.Equal(expected, all);
    }

    [Fact]
    public void AHundredThousandRandomRowsGiveMetricsInRange()
    {
        var (labels, scores) = RandomPredictions(seed: 20240601, rows: 100_000, distinctScores: 10_000);

        var all = ClassifierMetrics.All(labels, scores, 0.5);

        Assert.InRange(all.Auc, 0.0, 1.0);
        Assert.InRange(all.Auprc, 0.0, 1.0);
        Assert.InRange(all.Ece, 0.0, 1.0);
        Assert.Equal(100_000, all.Rows);
    }

    // Scores on a grid of distinctScores values so that ties are common; labels drawn with P(positive) = score,
    // so the scores carry signal and are roughly calibrated.
    internal static (bool[] Labels, float[] Scores) RandomPredictions(int seed, int rows, int distinctScores)
    {
        var random = new Random(seed);
        var labels = new bool[rows];
        var scores = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            scores[i] = random.Next(distinctScores + 1) / (float)distinctScores;
            labels[i] = random.NextDouble() < scores[i];
        }

        return (labels, scores);
    }

    private static double PairwiseAuc(bool[] labels, float[] scores)
    {
        var wins = 0.0;
        var pairs = 0.0;
        for (var p = 0; p < labels.Length; p++)
        {
            if (!labels[p])
            {
                continue;
            }

            for (var n = 0; n < labels.Length; n++)
            {
                if (labels[n])
                {
                    continue;
                }

                pairs++;
                wins += scores[p] > scores[n] ? 1.0 : scores[p] == scores[n] ? 0.5 : 0.0;
            }
        }

        return wins / pairs;
    }
}
