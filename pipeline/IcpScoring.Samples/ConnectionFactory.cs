namespace IcpScoring.Samples;

// Makes native-export rows with their quirks baked in, so a person keeps the same quirks from one
// monthly snapshot to the next and only real changes show up in a diff.
internal sealed class ConnectionFactory(Random random, Companies companies, HashSet<string> usedSlugs)
{
    private static readonly string[] NoEmployer = ["Self-employed", "Freelance", "Stealth Startup", "Independent Consultant", ""];

    private static readonly string[] FirstNameJunk = [" (She/Her)", " (he/him)", " 🚀", " ✨", " (Kate)"];

    private static readonly string[] LastNameJunk = [" • 3rd", " • 2nd", ", MBA", " 🇫🇷", " ✔", " (Ph.D.)", ", CPA"];

    private int _nextId;

    public Random Random => random;

    public Companies Companies => companies;

    public Connection Hidden(DateTime connectedOn) =>
        new(++_nextId, "", "", "", "", "", "", connectedOn, Quirk.Hidden);

    public Connection Create(Company? company, Title title, DateTime connectedOn)
    {
        var person = People.NewPerson(random, usedSlugs);
        var quirks = Quirk.None;
        var first = person.FirstName;
        var last = person.LastName;
        if (random.Chance(0.05))
        {
            quirks |= Quirk.JunkName;
            if (random.Chance(0.5))
            {
                first += random.Pick(FirstNameJunk);
            }
            else
            {
                last += random.Pick(LastNameJunk);
            }
        }
        else if (random.Chance(0.01))
        {
            // A nickname in quotes, which the CSV doubles: "Robert ""Bob""".
            first += " \"" + random.Pick(People.FirstNames) + "\"";
        }

        var email = random.Chance(0.1) ? People.Email(random, person) : "";
        var connection = new Connection(++_nextId, first, last, person.ProfileUrl, email, "", "", connectedOn, quirks);
        connection = Move(connection, company, title);
        return PadSomething(connection);
    }

    // Same person, new job: the change a monthly diff must report as "changed", not added and removed.
    public Connection Move(Connection connection, Company? company, Title title)
    {
        var quirks = connection.Quirks & ~(Quirk.Tagline | Quirk.EmptyTitle);
        var (position, titleQuirk) = Titles.Decorate(random, title.Text, 0.07);
        quirks |= titleQuirk;
        if (random.Chance(0.04))
        {
            position = "";
            quirks = (quirks | Quirk.EmptyTitle) & ~Quirk.Tagline;
        }

        var employer = company is null ? random.Pick(NoEmployer) : Companies.AsWrittenByPerson(random, company);
        return connection with { Company = employer, Position = position, Quirks = quirks };
    }

    private Connection PadSomething(Connection connection)
    {
        if (!random.Chance(0.04))
        {
            return connection;
        }

        var padded = connection with { Quirks = connection.Quirks | Quirk.Untrimmed };
        return random.Next(4) switch
        {
            0 => padded with { FirstName = " " + connection.FirstName },
            1 => padded with { LastName = connection.LastName + " " },
            2 when connection.Company.Length > 0 => padded with { Company = connection.Company + "  " },
            _ when connection.Position.Length > 0 => padded with { Position = " " + connection.Position + " " },
            _ => padded with { FirstName = connection.FirstName + " " },
        };
    }
}
