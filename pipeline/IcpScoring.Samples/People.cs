using System.Globalization;

namespace IcpScoring.Samples;

// Invented people only: names are drawn independently from many cultures, so no row is a real person.
internal static class People
{
    public static readonly string[] FirstNames =
    [
        "José", "Zoë", "Chloé", "Léa", "Mathéo", "Amélie", "François", "Inès", "Jürgen", "Björn", "Sören", "Jörg",
        "Małgorzata", "Łukasz", "Zoltán", "Ágnes", "Tomáš", "Šárka", "Ivana", "Nikola", "Ana", "João", "Gonçalo",
        "Mateo", "Sofía", "Lucía", "Ximena", "Martín", "Giulia", "Francesca", "Niccolò", "Aoife", "Siobhán", "Seán",
        "Ciarán", "Hiroshi", "Yuki", "Mei", "Wei", "Jun", "Min-jun", "Ji-woo", "Priya", "Arjun", "Ananya", "Rohan",
        "Fatima", "Omar", "Layla", "Youssef", "Emeka", "Chinonso", "Kwame", "Ama", "Thandiwe", "Sipho", "Olga",
        "Dmitri", "Anastasia", "Elif", "Mehmet", "Ayşe", "Thảo", "Minh", "Emily", "James", "Olivia", "Noah", "Liam",
        "Ava", "Grace", "Ethan", "Hannah", "Jack", "Ingrid", "Sven", "Astrid", "Øystein", "Rafael", "Camila", "Diego",
    ];

    public static readonly string[] LastNames =
    [
        "Müller", "Schröder", "Weiß", "O'Brien", "O'Connor", "Šimić", "Dvořák", "Novák", "Kowalski", "Wiśniewska",
        "Nagy", "García", "Martínez", "Fernández", "Núñez", "de la Fuente", "Ibáñez", "Rossi", "Bianchi", "Esposito",
        "Ricci", "Silva", "Gonçalves", "Araújo", "Pereira", "Dubois", "Lefèvre", "Moreau", "Girard", "Bonnet",
        "Van der Berg", "de Vries", "Jansen", "Andersson", "Lindqvist", "Søndergaard", "Hansen", "Virtanen", "Smith",
        "Johnson", "Williams", "Brown", "Taylor", "Murphy", "Kelly", "Tanaka", "Suzuki", "Watanabe", "Kim", "Park",
        "Lee", "Wang", "Li", "Zhang", "Chen", "Nguyễn", "Trần", "Patel", "Sharma", "Iyer", "Reddy", "Khan", "Haddad",
        "Mansour", "Okafor", "Adeyemi", "Mensah", "Dlamini", "Ivanova", "Petrov", "Yılmaz", "Öztürk", "Kaya", "Cohen",
        "Levi", "Papadopoulos", "Kowalczyk", "García Márquez", "Mbeki-Nkosi",
    ];

    public static Person NewPerson(Random random, HashSet<string> usedSlugs)
    {
        var first = random.Pick(FirstNames);
        var last = random.Pick(LastNames);
        string slug;
        do
        {
            // LinkedIn appends a short hex suffix to make vanity slugs unique.
            var suffix = random.Next(0x100000, int.MaxValue).ToString("x", CultureInfo.InvariantCulture);
            slug = Slug.Make(first + " " + last) + "-" + suffix;
        }
        while (!usedSlugs.Add(slug));

        return new Person(first, last, slug);
    }

    // Only example.com / example.org, which can never reach a real inbox.
    public static string Email(Random random, Person person)
    {
        var local = Slug.Make(person.FirstName).Replace("-", string.Empty, StringComparison.Ordinal) + "."
            + Slug.Make(person.LastName).Replace("-", string.Empty, StringComparison.Ordinal);
        if (random.Chance(0.3))
        {
            local += random.Next(1, 99).ToString(CultureInfo.InvariantCulture);
        }

        return local + (random.Chance(0.5) ? "@example.com" : "@example.org");
    }
}
