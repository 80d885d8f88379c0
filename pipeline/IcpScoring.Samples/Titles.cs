using System.Globalization;

namespace IcpScoring.Samples;

// Title pools embodying the sample ICP (PRODUCT.md §8): marketing, demand generation, growth or
// revenue marketing at manager level or above, in six languages. Everything else, including the
// hard negatives that share words with it, is not ICP.
internal static class Titles
{
    private const string Marketing = "Marketing";

    private static readonly string[] MarketingAreas =
    [
        "Marketing", "Demand Generation", "Demand Gen", "Growth", "Growth Marketing", "Revenue Marketing",
        "Digital Marketing", "Product Marketing", "Content Marketing", "Marketing Operations", "Performance Marketing",
        "Field Marketing", "Brand Marketing", "Lifecycle Marketing", "Partner Marketing", "B2B Marketing",
    ];

    private static readonly (string Pattern, string Seniority)[] EnglishLevels =
    [
        ("{0} Manager", "Manager"), ("Senior {0} Manager", "Manager"), ("Head of {0}", "Head"),
        ("{0} Director", "Director"), ("Director of {0}", "Director"), ("Senior Director, {0}", "Director"),
        ("VP of {0}", "VP"), ("VP {0}", "VP"), ("Vice President, {0}", "VP"), ("Global Head of {0}", "Head"),
    ];

    private static readonly Title[] IcpFixed =
    [
        Icp("CMO", "C-level"), Icp("Chief Marketing Officer", "C-level"), Icp("Chief Growth Officer", "C-level"),
        Icp("Directeur Marketing", "Director"), Icp("Directrice Marketing", "Director"),
        Icp("Responsable Marketing", "Manager"), Icp("Responsable Marketing Digital", "Manager"),
        Icp("Directrice de la Croissance", "Director"), Icp("Responsable Acquisition et Growth", "Manager"),
        Icp("Leiter Marketing", "Head"), Icp("Leiterin Marketing", "Head"), Icp("Marketingleiter", "Head"),
        Icp("Marketingleiterin", "Head"), Icp("Bereichsleiter Marketing", "Director"),
        Icp("Teamleiter Online-Marketing", "Manager"), Icp("Marketing Manager (m/w/d)", "Manager"),
        Icp("Gerente de Marketing", "Manager"), Icp("Jefe de Marketing", "Head"), Icp("Jefa de Marketing", "Head"),
        Icp("Director de Marketing", "Director"), Icp("Directora de Marketing", "Director"),
        Icp("Responsable de Marketing Digital", "Manager"), Icp("Gerente de Marketing Digital", "Manager"),
        Icp("Direttore Marketing", "Director"), Icp("Direttrice Marketing", "Director"),
        Icp("Responsabile Marketing", "Manager"), Icp("Responsabile Marketing Digitale", "Manager"),
        Icp("Diretor de Marketing", "Director"), Icp("Diretora de Marketing", "Director"),
        Icp("Head de Marketing", "Head"), Icp("Gerente de Growth", "Manager"),
    ];

    private static readonly Title[] JuniorMarketing =
    [
        T("Marketing Coordinator", Marketing, "Individual contributor"),
        T("Marketing Specialist", Marketing, "Individual contributor"),
        T("Marketing Assistant", Marketing, "Individual contributor"),
        T("Marketing Intern", Marketing, "Intern/Student"),
        T("Marketing Associate", Marketing, "Individual contributor"),
        T("Junior Marketing Executive", Marketing, "Individual contributor"),
        T("Content Writer", Marketing, "Individual contributor"),
        T("Social Media Specialist", Marketing, "Individual contributor"),
        T("SEO Specialist", Marketing, "Individual contributor"),
        T("Growth Hacker", Marketing, "Individual contributor"),
        T("Growth Marketer", Marketing, "Individual contributor"),
        T("Digital Marketing Executive", Marketing, "Individual contributor"),
        T("Stagiaire Marketing", Marketing, "Intern/Student"),
        T("Chargée de Marketing", Marketing, "Individual contributor"),
        T("Werkstudent Marketing", Marketing, "Intern/Student"),
        T("Praktikantin Marketing", Marketing, "Intern/Student"),
        T("Becario de Marketing", Marketing, "Intern/Student"),
        T("Analista de Marketing", Marketing, "Individual contributor"),
        T("Stagista Marketing", Marketing, "Intern/Student"),
        T("Estagiário de Marketing", Marketing, "Intern/Student"),
        T("Analista de Marketing Digital", Marketing, "Individual contributor"),
    ];

    // Share words with ICP titles (growth, manager, head, revenue, marketing) but are not ICP.
    private static readonly Title[] HardNegatives =
    [
        T("Growth Engineer", "Engineering", "Individual contributor"),
        T("Senior Growth Engineer", "Engineering", "Senior"),
        T("Account Manager", "Sales", "Manager"),
        T("Key Account Manager", "Sales", "Manager"),
        T("Product Manager", "Product", "Manager"),
        T("Growth Product Manager", "Product", "Manager"),
        T("Sales Manager", "Sales", "Manager"),
        T("Head of Sales", "Sales", "Head"),
        T("VP Sales", "Sales", "VP"),
        T("Director of Engineering", "Engineering", "Director"),
        T("Engineering Manager", "Engineering", "Manager"),
        T("Head of People", "Human Resources", "Head"),
        T("Professor of Marketing", "Education", "Individual contributor"),
        T("Chief Revenue Officer", "Sales", "C-level"),
        T("Revenue Operations Manager", "Operations", "Manager"),
        T("Customer Success Manager", "Customer Success", "Manager"),
        T("Marketing Data Analyst", "Data", "Individual contributor"),
        T("Directeur Commercial", "Sales", "Director"),
        T("Vertriebsleiter", "Sales", "Head"),
        T("Jefe de Ventas", "Sales", "Head"),
        T("Gerente Comercial", "Sales", "Manager"),
        T("Direttore Commerciale", "Sales", "Director"),
        T("Diretor Comercial", "Sales", "Director"),
        T("Business Development Manager", "Sales", "Manager"),
    ];

    private static readonly Title[] Others =
    [
        T("Software Engineer", "Engineering", "Individual contributor"),
        T("Senior Software Engineer", "Engineering", "Senior"),
        T("Staff Engineer", "Engineering", "Senior"),
        T("Data Scientist", "Data", "Individual contributor"),
        T("DevOps Engineer", "Engineering", "Individual contributor"),
        T("QA Engineer", "Engineering", "Individual contributor"),
        T("Full Stack Developer", "Engineering", "Individual contributor"),
        T("Ingénieur Logiciel", "Engineering", "Individual contributor"),
        T("Softwareentwickler", "Engineering", "Individual contributor"),
        T("Desarrollador de Software", "Engineering", "Individual contributor"),
        T("Sviluppatore Software", "Engineering", "Individual contributor"),
        T("Desenvolvedor de Software", "Engineering", "Individual contributor"),
        T("CTO", "Engineering", "C-level"),
        T("Account Executive", "Sales", "Individual contributor"),
        T("Senior Account Executive", "Sales", "Senior"),
        T("Sales Development Representative", "Sales", "Individual contributor"),
        T("SDR", "Sales", "Individual contributor"),
        T("BDR", "Sales", "Individual contributor"),
        T("Commercial Sédentaire", "Sales", "Individual contributor"),
        T("HR Manager", "Human Resources", "Manager"),
        T("Talent Acquisition Partner", "Human Resources", "Individual contributor"),
        T("Recruiter", "Human Resources", "Individual contributor"),
        T("Responsable des Ressources Humaines", "Human Resources", "Manager"),
        T("Personalreferentin", "Human Resources", "Individual contributor"),
        T("Financial Analyst", "Finance", "Individual contributor"),
        T("Controller", "Finance", "Individual contributor"),
        T("CFO", "Finance", "C-level"),
        T("Accountant", "Finance", "Individual contributor"),
        T("Contable", "Finance", "Individual contributor"),
        T("Registered Nurse", "Healthcare", "Individual contributor"),
        T("Nurse Practitioner", "Healthcare", "Individual contributor"),
        T("Infirmière", "Healthcare", "Individual contributor"),
        T("Pflegefachfrau", "Healthcare", "Individual contributor"),
        T("Enfermera", "Healthcare", "Individual contributor"),
        T("Physician", "Healthcare", "Individual contributor"),
        T("Teacher", "Education", "Individual contributor"),
        T("Professeur des écoles", "Education", "Individual contributor"),
        T("Lehrerin", "Education", "Individual contributor"),
        T("Profesora de Secundaria", "Education", "Individual contributor"),
        T("Insegnante", "Education", "Individual contributor"),
        T("Student", "Education", "Intern/Student"),
        T("MBA Candidate", "Education", "Intern/Student"),
        T("Étudiant", "Education", "Intern/Student"),
        T("Estudiante de Ingeniería", "Education", "Intern/Student"),
        T("Founder", "Founder", "Owner"),
        T("Co-Founder & CEO", "Founder", "Owner"),
        T("Owner", "Founder", "Owner"),
        T("Fondateur", "Founder", "Owner"),
        T("Gründer & Geschäftsführer", "Founder", "Owner"),
        T("CEO", "Executive", "C-level"),
        T("COO", "Operations", "C-level"),
        T("Managing Director", "Executive", "C-level"),
        T("Directeur Général", "Executive", "C-level"),
        T("Freelance Consultant", "Consulting", "Individual contributor"),
        T("Management Consultant", "Consulting", "Individual contributor"),
        T("Operations Manager", "Operations", "Manager"),
        T("Project Manager", "Operations", "Manager"),
        T("Office Manager", "Operations", "Manager"),
        T("Legal Counsel", "Legal", "Individual contributor"),
        T("Abogada", "Legal", "Individual contributor"),
        T("UX Designer", "Design", "Individual contributor"),
        T("Graphic Designer", "Design", "Individual contributor"),
        T("Customer Support Specialist", "Customer Success", "Individual contributor"),
        T("IT Support Technician", "IT", "Individual contributor"),
        T("Leiter IT", "IT", "Head"),
        T("Store Manager", "Operations", "Manager"),
        T("Real Estate Agent", "Sales", "Individual contributor"),
        T("Supply Chain Analyst", "Operations", "Individual contributor"),
    ];

    // Real profiles contain titles like these; they exercise doubled quotes in CSV.
    private static readonly Title[] Quoted =
    [
        T("The \"Growth\" Guy", Marketing, "Individual contributor"),
        T("Chief \"Fun\" Officer", "Executive", "C-level"),
        T("\"Marketing Wizard\" @ Home", Marketing, "Individual contributor"),
    ];

    private static readonly string[] Taglines =
    [
        "Speaker", "B2B SaaS", "Helping B2B brands grow", "Keynote Speaker", "Podcast Host", "ABM nerd",
        "Pipeline > vanity metrics", "🚀", "Hiring!", "Open to work", "MBA", "Author of 'The Demand Gen Playbook'",
        "Top Voice", "Dad of 3", "Coffee ☕",
    ];

    public static Title Icp(Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.6)
        {
            var (pattern, seniority) = random.Pick(EnglishLevels);
            var text = string.Format(CultureInfo.InvariantCulture, pattern, random.Pick(MarketingAreas));
            return new Title(text, Marketing, seniority, IsIcp: true);
        }

        return random.Pick(IcpFixed);
    }

    public static Title NonIcp(Random random, double salesBias = 0)
    {
        var roll = random.NextDouble();
        if (roll < salesBias)
        {
            return random.Pick(Others.Concat(HardNegatives).Where(t => t.Function == "Sales").ToArray());
        }

        roll = random.NextDouble();
        return roll switch
        {
            < 0.16 => random.Pick(JuniorMarketing),
            < 0.32 => random.Pick(HardNegatives),
            < 0.33 => random.Pick(Quoted),
            _ => random.Pick(Others),
        };
    }

    // Taglines and odd casing as people type them into their headline; the label stays the same.
    public static (string Text, Quirk Quirk) Decorate(Random random, string text, double taglineRate)
    {
        if (random.Chance(taglineRate))
        {
            var count = random.Next(1, 3);
            var parts = new List<string> { text };
            for (var i = 0; i < count; i++)
            {
                var tagline = random.Pick(Taglines);
                if (!parts.Contains(tagline))
                {
                    parts.Add(tagline);
                }
            }

            return (string.Join(" | ", parts), Quirk.Tagline);
        }

        return random.NextDouble() switch
        {
            < 0.02 => (text.ToLowerInvariant(), Quirk.None),
            < 0.03 => (text.ToUpperInvariant(), Quirk.None),
            _ => (text, Quirk.None),
        };
    }

    private static Title Icp(string text, string seniority) => new(text, Marketing, seniority, IsIcp: true);

    private static Title T(string text, string function, string seniority) => new(text, function, seniority, IsIcp: false);
}
