using System.Globalization;

namespace IcpScoring.Samples;

// Three monthly snapshots per account in the inbox layout of PRODUCT.md §3.5. Each snapshot is the
// account's full export; between snapshots people connect, disconnect and change jobs.
internal sealed class InboxHistory(ConnectionFactory factory)
{
    public static readonly DateTime Today = new(2026, 11, 1);

    private static readonly DateTime[] Months = [new(2026, 9, 1), new(2026, 10, 1), new(2026, 11, 1)];

    private readonly List<string> _notes = [];

    public IReadOnlyList<string> Notes => _notes;

    public IEnumerable<SampleFile> Build(string account, int size, int monthlyAdds, double icpShare, double salesBias)
    {
        var random = factory.Random;
        var members = new List<(Connection Connection, bool IcpLike)>();
        for (var i = 0; i < size - monthlyAdds; i++)
        {
            var date = random.RecentSkewedDate(new DateTime(2014, 1, 1), Months[0].AddDays(-1));
            members.Add(NativeExports.Member(factory, date, icpShare, salesBias));
        }

        for (var m = 0; m < Months.Length; m++)
        {
            var month = Months[m];
            int removed = 0, changedIn = 0, changedOut = 0, changedOther = 0;
            if (m > 0)
            {
                removed = random.Next(3, 7);
                for (var i = 0; i < removed; i++)
                {
                    members.RemoveAt(random.Next(members.Count));
                }

                var changes = random.Next(8, 15);
                for (var i = 0; i < changes; i++)
                {
                    // Over-sample ICP-like people so every month has moves out of the ICP as well as into it.
                    var at = PickVisible(random, members, icpLike: random.Chance(0.35));
                    var before = members[at].IcpLike;
                    members[at] = ChangeJob(random, members[at]);
                    if (members[at].IcpLike == before)
                    {
                        changedOther++;
                    }
                    else if (before)
                    {
                        changedOut++;
                    }
                    else
                    {
                        changedIn++;
                    }
                }
            }

            // The current month's export was downloaded "today", so its new connections all date from then.
            var last = month.AddMonths(1).AddDays(-1) < Today ? month.AddMonths(1).AddDays(-1) : Today;
            var added = monthlyAdds + random.Next(-8, 9);
            for (var i = 0; i < added; i++)
            {
                members.Add(NativeExports.Member(factory, random.DateBetween(month, last), icpShare, salesBias));
            }

            var path = "inbox/" + account + "/" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ".csv";
            var rows = NativeExports.NewestFirst(members.Select(x => x.Connection));
            var icp = members.Count(x => x.IcpLike);
            _notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"| `{path}` | {rows.Count} | {members.Count(x => x.Connection.IsHidden)} | {icp} ({100.0 * icp / rows.Count:0.0}%) | +{added} | -{removed} | {changedIn} in, {changedOut} out, {changedOther} other |"));
            yield return NativeExportWriter.Write(path, NativeEra.Y2023, rows, finalNewline: false);
        }
    }

    private static int PickVisible(Random random, List<(Connection Connection, bool IcpLike)> members, bool icpLike)
    {
        var candidates = Enumerable.Range(0, members.Count)
            .Where(i => !members[i].Connection.IsHidden && members[i].IcpLike == icpLike)
            .ToList();
        return random.Pick(candidates);
    }

    // Same profile URL, new Position and/or Company: into the ICP, out of it, or sideways.
    private (Connection Connection, bool IcpLike) ChangeJob(Random random, (Connection Connection, bool IcpLike) member)
    {
        var companies = factory.Companies;
        if (member.IcpLike)
        {
            return random.NextDouble() switch
            {
                < 0.35 => (factory.Move(member.Connection, random.Pick(companies.All), Titles.NonIcp(random)), false),
                < 0.7 => (factory.Move(member.Connection, companies.Pick(random, c => !c.IsIcp), Titles.Icp(random)), false),
                _ => (factory.Move(member.Connection, companies.Pick(random, c => c.IsIcp && c.InDirectory), Titles.Icp(random)), true),
            };
        }

        if (random.Chance(0.45))
        {
            return (factory.Move(member.Connection, companies.Pick(random, c => c.IsIcp && c.InDirectory), Titles.Icp(random)), true);
        }

        return (factory.Move(member.Connection, random.Pick(companies.All), Titles.NonIcp(random)), false);
    }
}
