using System.Globalization;
using IcpScoring.Tests.Support;

namespace IcpScoring.Tests.ScaleOut;

/// <summary>
/// A deterministic inbox of many small LinkedIn 2023 exports, <c>&lt;account&gt;/2026-MM.csv</c>:
/// each account's network changes from month to month (people connect, disconnect, change jobs),
/// so drift reports have something to say, and some connections match the ICP, most do not.
/// The same seed writes the same bytes on every machine.
/// </summary>
public static class ScaleOutInbox
{
    // Companies of data-samples/companies.csv (the directory fills their industry and size) and some it does not know.
    private static readonly string[] Companies =
    [
        "Acme Analytics", "Citrine Cyber", "Kestrel Media GmbH", "SILVERLINE BANK", "Aurora Systems Ltd", "Keystone Apps LLC",
        "Solara Pvt Ltd", "Northwind Analytics Inc.", "Meridian Media", "Quartzline Finance", "Mistral Staffing LLC",
        "Beacon People Solutions", "Acai Security SAS", "Brightlane GmbH", "NORDLICHT CAPITAL GMBH", "Pebblebrook Realty",
        "Harbor & Pine", "Tallgrass Co-op", "Ozone Labs", "Juniper Street Bakery",
    ];

    private static readonly string[] IcpTitles =
    [
        "VP Marketing", "Head of Demand Generation", "Chief Marketing Officer", "Director of Growth Marketing",
        "Marketing Operations Manager", "Head of Revenue Operations", "VP of Sales", "Chief Revenue Officer",
    ];

    private static readonly string[] OtherTitles =
    [
        "Software Engineer", "Registered Nurse", "Teacher", "Accountant", "DevOps Engineer", "Store Manager",
        "Student", "Recruiter", "Graphic Designer", "Project Manager", "Enfermera", "Ingénieur Logiciel", "",
    ];

    private static readonly string[] FirstNames = ["Ana", "Ben", "Chloé", "Diego", "Emeka", "Fatima", "Gustav", "Hana", "Ivan", "Jia", "Kofi", "Lena"];

    private static readonly string[] LastNames = ["Nair", "Okafor", "Müller", "Silva", "Chen", "Dubois", "Kowalski", "Haddad", "Sato", "Ibarra"];

    /// <summary>Writes <paramref name="accounts"/> × <paramref name="months"/> exports (months from 2026-01) and returns their inbox-relative paths.</summary>
    public static IReadOnlyList<string> Write(string inbox, int accounts = 50, int months = 4, int seed = 2026)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, 12);
        var written = new List<string>();
        for (var a = 1; a <= accounts; a++)
        {
            // One generator per account: an account's files do not depend on how many others there are.
            var random = new Random(seed + (a * 7919));
            var account = $"account-{a:D3}";
            var people = Enumerable.Range(0, random.Next(40, 110)).Select(i => Person.New(random, a, i, Month(2025, 1 + random.Next(12), random))).ToList();
            var nextId = people.Count;
            for (var m = 1; m <= months; m++)
            {
                if (m > 1)
                {
                    people.RemoveAll(_ => random.NextDouble() < 0.05);
                    for (var i = 0; i < people.Count; i++)
                    {
                        if (random.NextDouble() < 0.06)
                        {
                            people[i] = people[i].NewJob(random);
                        }
                    }

                    for (var added = random.Next(2, 12); added > 0; added--)
                    {
                        people.Add(Person.New(random, a, nextId++, Month(2026, m, random)));
                    }
                }

                var relative = $"{account}/2026-{m:D2}.csv";
                var path = Path.Combine(inbox, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Some.Export2023([.. people.Select(p => p.Row())]));
                written.Add(relative);
            }
        }

        return written;
    }

    private static DateOnly Month(int year, int month, Random random) => new(year, month, 1 + random.Next(28));

    private sealed record Person(int Account, int Id, string First, string Last, string Company, string Position, DateOnly ConnectedOn, bool Hidden)
    {
        public static Person New(Random random, int account, int id, DateOnly connectedOn) =>
            new(account, id, Pick(random, FirstNames), Pick(random, LastNames), Pick(random, Companies), Title(random), connectedOn, Hidden: random.NextDouble() < 0.03);

        public Person NewJob(Random random) => this with { Company = Pick(random, Companies), Position = Title(random) };

        // A hidden or closed profile: LinkedIn exports only its connection date.
        public string Row() => Hidden
            ? Some.Row2023(first: "", last: "", url: "", company: "", position: "", connectedOn: Date())
            : Some.Row2023(first: First, last: Last, url: $"https://www.linkedin.com/in/{First.ToLowerInvariant()}-{Last.ToLowerInvariant()}-{Account:D3}{Id:D4}",
                company: Company, position: Position, connectedOn: Date());

        private string Date() => ConnectedOn.ToString("dd MMM yyyy", CultureInfo.InvariantCulture);

        private static string Title(Random random) => random.NextDouble() < 0.25 ? Pick(random, IcpTitles) : Pick(random, OtherTitles);

        private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];
    }
}
