namespace IcpScoring.Samples;

internal static class RandomExtensions
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static T PickWeighted<T>(this Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var total = items.Sum(weight);
        var x = random.Next(total);
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static DateTime DateBetween(this Random random, DateTime first, DateTime last) =>
        first.AddDays(random.Next((last - first).Days + 1));

    // Networks grow over time, so older connection dates are rarer than recent ones.
    public static DateTime RecentSkewedDate(this Random random, DateTime first, DateTime last) =>
        first.AddDays((int)((last - first).Days * Math.Sqrt(random.NextDouble())));
}
