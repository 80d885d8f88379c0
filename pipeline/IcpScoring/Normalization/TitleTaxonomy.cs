using System.Collections.Frozen;

namespace IcpScoring.Normalization;

// Seniority and job function from a job title in English, French, German, Spanish, Italian and
// Portuguese. The title is folded to lower-case, accent-free words ("Directeur Général" → "directeur
// general"), then matched phrase by phrase against the tables below, the longest phrase first, so
// "vice president" is a VP and not a president, "lead generation" is marketing and not a lead, and
// "cto" never matches inside "director". German compounds ("Marketingleiter", "Vertriebsleiterin",
// "Softwareentwickler") are split into a known function word and a known role word.
//
// Seniority: the most senior role the title names wins ("Senior Manager" is a manager). "Lead" is
// Senior before a role noun ("Lead Software Engineer") and Manager otherwise ("Marketing Lead").
// Founders and owners are Owner unless the title also names a role of manager level or above, which
// then wins because it says what the person does: "Founder & CEO" is C-level, "Co-founder, Head of
// Growth" is Head, "Founder" is Owner. Assistants to someone ("Executive Assistant to the CEO") are
// individual contributors in operations: nothing after "assistant to" counts. A title with no
// seniority word is an individual contributor ("Software Engineer").
//
// Function: the first domain word wins ("VP Sales & Marketing" is sales, "Directeur Marketing" is
// marketing, "Sales Engineer" is sales); role nouns that imply a function (engineer, analyst,
// consultant, founder) count only when no domain word is present. A C-level or owner title with no
// function is Executive; any other title with none is Other.
internal static class TitleTaxonomy
{
    private static readonly FrozenDictionary<string, Rule[]> _rulesByFirstWord = BuildRules();

    // German role words that end compounds: "Vertriebs|leiter", "Personal|referentin".
    private static readonly string[] _compoundSuffixes =
    [
        "verantwortlicher", "verantwortliche", "mitarbeiterin", "mitarbeiter", "entwicklerin", "koordinatorin",
        "spezialistin", "praktikantin", "buchhalterin", "assistentin", "ingenieurin", "direktorin", "referentin",
        "entwickler", "koordinator", "spezialist", "praktikant", "buchhalter", "assistent", "ingenieur", "managerin",
        "direktor", "referent", "beraterin", "analystin", "leiterin", "manager", "berater", "analyst", "leitung",
        "leiter", "vorstand", "chefin", "chef",
    ];

    // Nouns naming the work of an individual; "lead" before one of them is a senior individual contributor.
    private static readonly FrozenSet<string> _roleNouns = new[]
    {
        "engineer", "developer", "designer", "scientist", "analyst", "architect", "consultant", "writer", "copywriter",
        "recruiter", "accountant", "specialist", "programmer", "researcher", "ingenieur", "ingeniero", "ingegnere",
        "engenheiro", "entwickler", "desarrollador", "sviluppatore", "desenvolvedor", "developpeur", "analista",
        "analyste", "consultor", "consulente", "berater", "disenador", "programador",
    }.ToFrozenSet(StringComparer.Ordinal);

    [Flags]
    private enum RuleFlags
    {
        None = 0,
        Lead = 1,
        StopsTitle = 2,
    }

    public static Seniority SeniorityOf(string? title) => Classify(title).Seniority;

    public static JobFunction FunctionOf(string? title) => Classify(title).Function;

    // Both at once, for callers that need both: the title is folded and matched only once.
    public static (Seniority Seniority, JobFunction Function) Classify(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return (Seniority.Unknown, JobFunction.Unknown);
        }

        var words = TextKey.Build(title, dropAnd: true).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return (Seniority.Unknown, JobFunction.Unknown);
        }

        var matches = Match(words);
        var seniority = ResolveSeniority(words, matches);
        return (seniority, ResolveFunction(matches, seniority));
    }

    public static string Label(Seniority s) => s switch
    {
        Seniority.Intern => "Intern/Student",
        Seniority.IndividualContributor => "Individual contributor",
        Seniority.Senior => "Senior",
        Seniority.Manager => "Manager",
        Seniority.Head => "Head",
        Seniority.Director => "Director",
        Seniority.VicePresident => "VP",
        Seniority.CLevel => "C-level",
        Seniority.Owner => "Owner/Founder",
        _ => "Unknown",
    };

    public static string Label(JobFunction f) => f switch
    {
        JobFunction.Marketing => "Marketing",
        JobFunction.Sales => "Sales",
        JobFunction.Engineering => "Engineering",
        JobFunction.Product => "Product",
        JobFunction.Data => "Data",
        JobFunction.Design => "Design",
        JobFunction.Operations => "Operations",
        JobFunction.Finance => "Finance",
        JobFunction.HumanResources => "Human resources",
        JobFunction.Legal => "Legal",
        JobFunction.CustomerSuccess => "Customer success",
        JobFunction.Education => "Education",
        JobFunction.Healthcare => "Healthcare",
        JobFunction.Consulting => "Consulting",
        JobFunction.Executive => "General management",
        JobFunction.Other => "Other",
        _ => "Unknown",
    };

    private static List<(int Position, Rule Rule)> Match(string[] words)
    {
        var matches = new List<(int Position, Rule Rule)>(4);
        var i = 0;
        while (i < words.Length)
        {
            var rule = LongestAt(words, i);
            if (rule is not null)
            {
                matches.Add((i, rule));
                i += rule.Words.Length;
                continue;
            }

            SplitCompound(words[i], i, matches);
            i++;
        }

        return matches;
    }

    private static Rule? LongestAt(string[] words, int start)
    {
        if (!_rulesByFirstWord.TryGetValue(words[start], out var candidates))
        {
            return null;
        }

        foreach (var rule in candidates)
        {
            if (start + rule.Words.Length <= words.Length
                && words.AsSpan(start, rule.Words.Length).SequenceEqual(rule.Words))
            {
                return rule;
            }
        }

        return null;
    }

    private static void SplitCompound(string word, int position, List<(int Position, Rule Rule)> matches)
    {
        foreach (var suffix in _compoundSuffixes)
        {
            if (word.Length < suffix.Length + 3 || !word.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var prefix = word[..^suffix.Length];
            var prefixRule = SingleWord(prefix) ?? (prefix.EndsWith('s') ? SingleWord(prefix[..^1]) : null);
            if (prefixRule is not null)
            {
                matches.Add((position, prefixRule));
            }

            matches.Add((position, SingleWord(suffix)!));
            return;
        }
    }

    private static Rule? SingleWord(string word) =>
        _rulesByFirstWord.TryGetValue(word, out var candidates) && candidates[^1].Words.Length == 1 ? candidates[^1] : null;

    private static Seniority ResolveSeniority(string[] words, List<(int Position, Rule Rule)> matches)
    {
        var best = Seniority.Unknown;
        var owner = false;
        foreach (var (position, rule) in matches)
        {
            var seniority = rule.Seniority;
            if (rule.Flags.HasFlag(RuleFlags.Lead))
            {
                seniority = HasRoleNoun(words, position + rule.Words.Length) ? Seniority.Senior : Seniority.Manager;
            }

            if (seniority == Seniority.Owner)
            {
                owner = true;
            }
            else if (seniority > best)
            {
                best = seniority;
            }

            if (rule.Flags.HasFlag(RuleFlags.StopsTitle))
            {
                break;
            }
        }

        return owner && best < Seniority.Manager ? Seniority.Owner
            : best == Seniority.Unknown ? Seniority.IndividualContributor
            : best;
    }

    private static JobFunction ResolveFunction(List<(int Position, Rule Rule)> matches, Seniority seniority)
    {
        var domain = JobFunction.Unknown;
        var role = JobFunction.Unknown;
        foreach (var (_, rule) in matches)
        {
            if (rule.Function != JobFunction.Unknown)
            {
                if (rule.Domain)
                {
                    domain = rule.Function;
                    break;
                }

                role = role == JobFunction.Unknown ? rule.Function : role;
            }

            if (rule.Flags.HasFlag(RuleFlags.StopsTitle))
            {
                break;
            }
        }

        return domain != JobFunction.Unknown ? domain
            : role != JobFunction.Unknown ? role
            : seniority is Seniority.CLevel or Seniority.Owner ? JobFunction.Executive
            : JobFunction.Other;
    }

    private static bool HasRoleNoun(string[] words, int from)
    {
        for (var i = from; i < words.Length; i++)
        {
            if (_roleNouns.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, Rule[]> BuildRules()
    {
        var byPhrase = new Dictionary<string, Rule>(StringComparer.Ordinal);

        void Add(string phrases, Seniority seniority = Seniority.Unknown, JobFunction function = JobFunction.Unknown, bool domain = false, RuleFlags flags = RuleFlags.None)
        {
            foreach (var phrase in phrases.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var key = TextKey.Build(phrase, dropAnd: true);
                if (byPhrase.TryGetValue(key, out var existing))
                {
                    // A phrase in a seniority table and a function table ("cmo") carries both.
                    byPhrase[key] = existing with
                    {
                        Seniority = existing.Seniority == Seniority.Unknown ? seniority : existing.Seniority,
                        Function = existing.Function == JobFunction.Unknown ? function : existing.Function,
                        Domain = existing.Function == JobFunction.Unknown ? domain : existing.Domain,
                        Flags = existing.Flags | flags,
                    };
                }
                else
                {
                    byPhrase[key] = new Rule(key.Split(' '), seniority, function, domain, flags);
                }
            }
        }

        // Seniority.
        Add("ceo, cmo, cro, cfo, coo, cto, cio, cpo, cdo, chro, ciso, cco, cso, cxo, cgo, cbo, cao, chief, "
            + "president, presidente, presidenta, präsident, präsidentin, praesident, pdg, dg, managing director, "
            + "directeur général, directrice générale, director general, directora general, direttore generale, "
            + "direttrice generale, diretor geral, diretora geral, diretor presidente, gerente general, gerente geral, "
            + "amministratore delegato, consejero delegado, geschäftsführer, geschäftsführerin, geschaeftsfuehrer, "
            + "geschaeftsfuehrerin, geschäftsführender, geschäftsführende, vorstand, vorstandsvorsitzender, vorstandsmitglied", Seniority.CLevel);
        Add("vp, svp, evp, avp, vice president, vicepresident, vice presidente, vicepresidente, vice presidenta, "
            + "vicepresidenta, vizepräsident, vizepräsidentin, vize präsident, vice présidente", Seniority.VicePresident);
        Add("director, directora, directeur, directrice, direttore, direttrice, diretor, diretora, direktor, direktorin, "
            + "dir, subdirector, subdirectora, bereichsleiter, bereichsleiterin, chief of staff, general manager", Seniority.Director);
        Add("head, leiter, leiterin, leitung, abteilungsleiter, abteilungsleiterin, jefe, jefa, chef, cheffe, chefin, "
            + "chefe, capo", Seniority.Head);
        Add("manager, managerin, mgr, gerente, gestor, gestora, responsable, responsabile, encargado, encargada, "
            + "supervisor, supervisora, superviseur, superviseure, team lead, team leader, teamlead, teamleader, "
            + "teamleiter, teamleiterin, chef de projet, chef de produit, chef d'équipe, chefe de equipe, "
            + "verantwortlicher, verantwortliche", Seniority.Manager);
        Add("senior, sr, snr, principal, tech lead", Seniority.Senior);
        Add("lead", Seniority.Senior, flags: RuleFlags.Lead);
        Add("junior, jr, associate, assistant, assistante, assistente, asistente, assistent, assistentin, "
            + "chargé de, chargée de, chargé d'affaires, attaché, attachée, referent, referentin, sachbearbeiter, "
            + "sachbearbeiterin, mitarbeiter, mitarbeiterin, coordinator, coordinatrice, coordinateur, coordinador, "
            + "coordinadora, coordinatore, coordenador, coordenadora, koordinator, koordinatorin, specialist, "
            + "especialista, spécialiste, spezialist, spezialistin, analyst, analystin, analista, analyste, "
            + "representative, rep", Seniority.IndividualContributor);
        Add("intern, interns, internship, trainee, apprentice, apprenti, apprentie, alternant, alternante, alternance, "
            + "stagiaire, praktikant, praktikantin, werkstudent, werkstudentin, azubi, auszubildender, auszubildende, "
            + "becario, becaria, pasante, practicante, stagista, tirocinante, estagiário, estagiária, student, "
            + "studentin, étudiant, étudiante, estudiante, studente, studentessa, estudante, doctorant, doctorante, "
            + "doktorand, doktorandin", Seniority.Intern);
        Add("founder, cofounder, founding partner, managing partner, owner, coowner, proprietor, propriétaire, "
            + "propietario, propietaria, proprietario, proprietaria, inhaber, inhaberin, fondateur, fondatrice, "
            + "cofondateur, cofondatrice, gründer, gründerin, gruender, gruenderin, mitgründer, mitgründerin, fundador, "
            + "fundadora, cofundador, cofundadora, fondatore, cofondatore, entrepreneur, entrepreneuse, unternehmer, "
            + "unternehmerin, emprendedor, emprendedora, empreendedor, empreendedora, imprenditore, imprenditrice, "
            + "gérant, gérante, self employed, selbstständig, selbständig, autónomo, autónoma, auto entrepreneur, "
            + "sole proprietor, business owner, titolare, dueño, dueña, associé, associée, socio, socia, gesellschafter, gesellschafterin", Seniority.Owner);

        // Someone's assistant: what follows names the boss, not the person.
        Add("assistant to, assistant of, executive assistant, personal assistant, ea to, pa to, assistante de, "
            + "assistante du, assistant de direction, assistante de direction, assistente di, assistente de, "
            + "assistente da, asistente de, asistente del, asistente al, assistent der, assistent des, "
            + "assistentin der, assistentin des", Seniority.IndividualContributor, JobFunction.Operations, flags: RuleFlags.StopsTitle);

        // Phrases that contain a seniority word but are not one.
        Add("lead generation, lead gen, leadgen", function: JobFunction.Marketing, domain: true);
        Add("head hunter, headhunter", Seniority.IndividualContributor, JobFunction.HumanResources, domain: true);

        // Functions named by the C-level acronyms.
        Add("cmo, cgo", function: JobFunction.Marketing, domain: true);
        Add("cro", function: JobFunction.Sales, domain: true);
        Add("cfo", function: JobFunction.Finance, domain: true);
        Add("coo", function: JobFunction.Operations, domain: true);
        Add("cto, cio, ciso, chief information officer", function: JobFunction.Engineering, domain: true);
        Add("cpo", function: JobFunction.Product, domain: true);
        Add("cdo", function: JobFunction.Data, domain: true);
        Add("chro", function: JobFunction.HumanResources, domain: true);
        Add("ceo, chief executive, general manager, chief of staff, executive director", function: JobFunction.Executive);

        // Functions: domain words.
        Add("marketing, marketeer, marketer, marketers, demand generation, demand gen, demandgen, demand, growth, brand, "
            + "branding, content, product marketing, abm, account based marketing, seo, sem, ppc, paid media, "
            + "paid social, paid search, social media, communications, communication, comms, comunicación, "
            + "comunicazione, comunicação, kommunikation, public relations, pr, relations publiques, "
            + "relaciones públicas, relazioni pubbliche, relações públicas, presse, mercadotecnia, mercadeo, "
            + "mercatique, performance marketing, campaign, campaigns, events, event, événementiel, eventos, eventi, "
            + "customer marketing, channel marketing, lifecycle, copywriter, copywriting, advertising, publicidad, "
            + "publicité, pubblicità, publicidade, werbung, media buyer, media buying, community manager, "
            + "community management, user acquisition, customer acquisition, field marketing, digital marketing, "
            + "influencer, go to market, gtm, revenue marketing, marketing operations, martech, "
            + "croissance, acquisition, crecimiento, crescita, crescimento, wachstum, growth hacking", function: JobFunction.Marketing, domain: true);
        Add("sales, business development, bizdev, biz dev, bd, bdr, sdr, sales development, account executive, ae, "
            + "account manager, account management, account director, key account, key accounts, kam, inside sales, "
            + "field sales, presales, pre sales, revenue, commercial, commerciale, comercial, ventes, vente, ventas, "
            + "venta, vendite, vendas, vertrieb, verkauf, business developer, new business, desarrollo de negocio, "
            + "desarrollo de negocios, développement commercial, sviluppo commerciale, desenvolvimento de negócios, "
            + "partnerships, channel, alliances, chargé d'affaires, vendedor, vendedora, venditore, verkäufer, "
            + "verkäuferin, salesperson, seller", function: JobFunction.Sales, domain: true);
        Add("engineering, technology, tech, tech lead, it, information technology, information security, cybersecurity, "
            + "cyber security, infosec, devops, sre, site reliability, qa, quality assurance, cloud, infrastructure, "
            + "sysadmin, system administrator, systems administrator, informatique, informatica, informática, "
            + "informatik, sistemas, ingeniería, ingegneria, engenharia, r&d, research and development, software development, "
            + "full stack, fullstack, frontend, front end, backend, back end", function: JobFunction.Engineering, domain: true);
        Add("data, analytics, data science, machine learning, ml, ai, artificial intelligence, bi, business intelligence, "
            + "datos, dati, dados, données, daten, statistician, statistics", function: JobFunction.Data, domain: true);
        Add("product, products, product manager, product owner, produit, producto, prodotto, produto, produkt",
            function: JobFunction.Product, domain: true);
        Add("design, designer, designers, product designer, product design, ux, ui, user experience, user interface, "
            + "graphic, graphiste, gráfico, gráfica, grafiker, grafikerin, creative, art director, illustrator, "
            + "illustratrice, diseño, diseñador, diseñadora, desenhista", function: JobFunction.Design, domain: true);
        Add("operations, ops, operating, revops, revenue operations, business operations, supply chain, logistics, "
            + "logistique, logística, logistica, logistik, procurement, purchasing, achats, compras, acquisti, einkauf, "
            + "office manager, administration, administrative, operaciones, operazioni, operações",
            function: JobFunction.Operations, domain: true);
        Add("finance, financial, finances, fp&a, accounting, accountant, controller, controlling, treasury, treasurer, "
            + "tax, audit, auditor, comptable, comptabilité, finanzas, finanza, finanças, financeiro, financiero, "
            + "financier, financière, financiera, finanziario, finanziaria, financeira, rechnungswesen, trésorerie, "
            + "tesorería, tesoreria, tesouraria, contabilidad, contador, contadora, contabile, contabilità, contabilidade, buchhaltung, "
            + "buchhalter, buchhalterin, finanzen, finanz, steuer, bookkeeper, bookkeeping, payroll, investment, "
            + "investments, personal banker", function: JobFunction.Finance, domain: true);
        Add("human resources, hr, rh, drh, people, people operations, talent, talent acquisition, talent management, "
            + "recruiting, recruiter, recruitment, recruteur, recruteuse, recrutement, reclutamiento, reclutador, "
            + "reclutadora, recrutamento, recrutador, recrutadora, selezione, ressources humaines, recursos humanos, "
            + "risorse umane, personal, personalwesen, personalabteilung, l&d, learning and development, hrbp, "
            + "employer branding", function: JobFunction.HumanResources, domain: true);
        Add("legal, lawyer, attorney, counsel, general counsel, paralegal, juriste, avocat, avocate, abogado, abogada, "
            + "avvocato, avvocatessa, advogado, advogada, rechtsanwalt, rechtsanwältin, anwalt, anwältin, jurist, "
            + "juristin, compliance, juridique, jurídico, jurídica, legale, notaire, notario, notaio, solicitor, barrister",
            function: JobFunction.Legal, domain: true);
        Add("customer success, client success, customer experience, cx, customer service, customer support, support, "
            + "technical support, customer care, service client, relation client, atención al cliente, "
            + "servicio al cliente, servizio clienti, assistenza clienti, atendimento, sucesso do cliente, "
            + "kundenservice, kundenbetreuung, kundenbetreuer, onboarding, customer", function: JobFunction.CustomerSuccess, domain: true);
        Add("teacher, professor, professora, lecturer, tutor, educator, instructor, enseignant, enseignante, professeur, "
            + "profesor, profesora, maestro, maestra, docente, insegnante, professore, lehrer, lehrerin, dozent, "
            + "dozentin, teaching, education, educación, formateur, formatrice, trainer, faculty",
            function: JobFunction.Education, domain: true);
        Add("nurse, physician, doctor, pharmacist, therapist, dentist, surgeon, médecin, infirmier, infirmière, médico, "
            + "médica, enfermero, enfermera, infermiere, infermiera, enfermeiro, enfermeira, arzt, ärztin, "
            + "krankenschwester, pfleger, pflegerin, clinical, clinician, psychologist, psychologue, psicólogo, psicóloga, "
            + "psychologe, physiotherapist, kinésithérapeute, fisioterapeuta, veterinarian, personal trainer, paramedic, "
            + "midwife, radiologist, pharmacien, farmacéutico", function: JobFunction.Healthcare, domain: true);

        // Functions: role nouns, which yield to any domain word in the title.
        Add("engineer, engineers, software, developer, developers, programmer, coder, architect, tester, ingénieur, "
            + "ingénieure, ingenieurin, ingeniero, ingeniera, ingegnere, engenheiro, engenheira, entwickler, "
            + "entwicklerin, desarrollador, desarrolladora, sviluppatore, sviluppatrice, desenvolvedor, desenvolvedora, "
            + "développeur, développeuse, programador, programadora, programmatore, programmeur, product engineer",
            function: JobFunction.Engineering);
        Add("analyst, analystin, analista, analyste, scientist, researcher", function: JobFunction.Data);
        Add("project, projects, program, programme, project manager, program manager, programme manager, projet, "
            + "proyecto, progetto, projeto, projekt", function: JobFunction.Operations);
        Add("consultant, consulting, consultancy, advisor, adviser, conseil, consultor, consultora, consulente, berater, "
            + "beraterin, beratung, conseiller, conseillère", function: JobFunction.Consulting);

        // A phrase consumes its words, so it inherits what they say unless it says otherwise:
        // "product manager" is a manager, "art director" a director, "chef de produit" is in product.
        foreach (var (key, rule) in byPhrase.ToList())
        {
            if (rule.Words.Length == 1)
            {
                continue;
            }

            var parts = rule.Words.Select(word => byPhrase.GetValueOrDefault(word)).OfType<Rule>().ToList();
            var seniority = rule.Seniority != Seniority.Unknown ? rule.Seniority
                : parts.Where(part => !part.Flags.HasFlag(RuleFlags.Lead)).Select(part => part.Seniority).DefaultIfEmpty().Max();
            var source = rule.Function != JobFunction.Unknown ? rule
                : parts.FirstOrDefault(part => part.Domain) ?? parts.FirstOrDefault(part => part.Function != JobFunction.Unknown);
            byPhrase[key] = rule with
            {
                Seniority = seniority,
                Function = source?.Function ?? JobFunction.Unknown,
                Domain = source?.Domain ?? false,
            };
        }

        return byPhrase.Values
            .GroupBy(rule => rule.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.OrderByDescending(rule => rule.Words.Length).ToArray(),
                StringComparer.Ordinal);
    }

    private sealed record Rule(string[] Words, Seniority Seniority, JobFunction Function, bool Domain, RuleFlags Flags);
}
