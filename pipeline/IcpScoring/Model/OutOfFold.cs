using Microsoft.ML;

namespace IcpScoring.Model;

/// <summary>
/// Out-of-fold predictions over repeated stratified folds: each row is predicted by models that never
/// saw it, once per repetition. Small sets repeat the folds with new shuffles (5 folds of 20 rows are
/// noise), and the pooled predictions steady both the trainers' comparison and the calibration.
/// </summary>
internal static class OutOfFold
{
    /// <summary>Per repetition, each row's fold: each class dealt round-robin after a seeded shuffle, a new one per repetition.</summary>
    public static int[][] Folds(IReadOnlyList<bool> labels, int repetitions, int foldCount, int seed) =>
        [.. Enumerable.Range(0, repetitions).Select(rep =>
        {
            var rng = new Random(seed + 1 + (1000 * rep));
            var folds = new int[labels.Count];
            foreach (var cls in new[] { true, false })
            {
                var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == cls).ToArray();
                rng.Shuffle(members);
                for (var k = 0; k < members.Length; k++)
                {
                    folds[members[k]] = k % foldCount;
                }
            }

            return folds;
        })];

    /// <summary>Per trainer, the pooled predictions: repetition r's row i at r × n + i.</summary>
    public static Dictionary<string, float[]> Predict(FeaturedRows featured, int n, int[][] folds, int foldCount, IReadOnlyList<string> trainers, int seed, bool weighted, CancellationToken cancellationToken)
    {
        var repetitions = folds.Length;
        var outOfFold = trainers.ToDictionary(t => t, _ => new float[repetitions * n], StringComparer.Ordinal);
        Parallel.For(0, repetitions * foldCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken }, job =>
        {
            var (rep, fold) = (job / foldCount, job % foldCount);

            // Each fold has its own seeded context: parallel folds stay deterministic.
            var ml = new MLContext(seed + job);
            var valid = Enumerable.Range(0, n).Where(i => folds[rep][i] == fold).ToList();
            var fitData = featured.View(ml, i => folds[rep][i] != fold);
            var validData = featured.View(ml, i => folds[rep][i] == fold);
            foreach (var trainer in trainers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = TrainerCatalog.Create(ml, trainer, weighted).Fit(fitData);
                var p = IcpTrainer.Probabilities(model, validData);
                for (var k = 0; k < valid.Count; k++)
                {
                    outOfFold[trainer][(rep * n) + valid[k]] = p[k];
                }
            }
        });

        return outOfFold;
    }
}
