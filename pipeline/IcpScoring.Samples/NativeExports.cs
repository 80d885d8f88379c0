namespace IcpScoring.Samples;

// The five exports in exports/: one network per era, each downloaded on a fixed day.
internal static class NativeExports
{
    public static IEnumerable<SampleFile> Build(ConnectionFactory factory)
    {
        yield return Era(factory, "exports/connections-2018.csv", NativeEra.Y2018, 300, new DateTime(2018, 7, 20), duplicates: 0, finalNewline: true);
        yield return Era(factory, "exports/connections-2020.csv", NativeEra.Y2020, 300, new DateTime(2020, 3, 2), duplicates: 0, finalNewline: true);
        yield return Era(factory, "exports/connections-2022.csv", NativeEra.Y2022, 400, new DateTime(2022, 6, 15), duplicates: 0, finalNewline: true);
        yield return Era(factory, "exports/connections-2023.csv", NativeEra.Y2023, 500, new DateTime(2023, 10, 2), duplicates: 2, finalNewline: false);
        yield return Era(factory, "exports/connections-excel.csv", NativeEra.ExcelResave, 300, new DateTime(2023, 2, 10), duplicates: 0, finalNewline: true);
    }

    // A mixed network: roughly one in six connections looks like the sample ICP.
    public static (Connection Connection, bool IcpLike) Member(
        ConnectionFactory factory, DateTime connectedOn, double icpShare, double salesBias = 0)
    {
        var random = factory.Random;
        if (random.Chance(0.03))
        {
            return (factory.Hidden(connectedOn), false);
        }

        if (random.Chance(icpShare))
        {
            // Mostly directory companies, so the directory can supply the firmographics that make them ICP.
            var fit = factory.Companies.Pick(random, c => c.IsIcp && (c.InDirectory || random.Chance(0.2)));
            return (factory.Create(fit, Titles.Icp(random), connectedOn), true);
        }

        var company = random.Chance(0.88) ? random.Pick(factory.Companies.All) : null;
        return (factory.Create(company, Titles.NonIcp(random, salesBias), connectedOn), false);
    }

    // LinkedIn lists the newest connection first.
    public static List<Connection> NewestFirst(IEnumerable<Connection> rows) =>
        [.. rows.OrderByDescending(c => c.ConnectedOn).ThenBy(c => c.Id)];

    private static SampleFile Era(
        ConnectionFactory factory, string path, NativeEra era, int count, DateTime exportedOn, int duplicates, bool finalNewline)
    {
        var random = factory.Random;
        var rows = new List<Connection>();
        var earliest = exportedOn.AddYears(-8);
        for (var i = 0; i < count - duplicates; i++)
        {
            var date = random.RecentSkewedDate(earliest, exportedOn.AddDays(-1));
            if (era == NativeEra.Y2018)
            {
                // Only the 2018 format carries a time of day.
                date = date.AddMinutes(random.Next(7 * 60, 23 * 60));
            }

            rows.Add(Member(factory, date, icpShare: 0.15).Connection);
        }

        rows = NewestFirst(rows);
        for (var i = 0; i < duplicates; i++)
        {
            // LinkedIn sometimes lists the same connection twice; the copy sits right below the original.
            int at;
            do
            {
                at = random.Next(rows.Count);
            }
            while (rows[at].IsHidden || rows[at].Quirks.HasFlag(Quirk.Duplicate)
                || (at + 1 < rows.Count && rows[at + 1].Quirks.HasFlag(Quirk.Duplicate)));

            rows.Insert(at + 1, rows[at] with { Quirks = rows[at].Quirks | Quirk.Duplicate });
        }

        return NativeExportWriter.Write(path, era, rows, finalNewline);
    }
}
