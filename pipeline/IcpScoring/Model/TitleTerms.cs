using System.Collections.Frozen;
using System.Text;
using IcpScoring.Normalization;

namespace IcpScoring.Model;

/// <summary>
/// A job title's terms as a model reads them beside the title's own words: the title split on every
/// separator people write between roles (<c>&amp; / , - | + ( ) .</c>), followed by the English words its
/// abbreviations and its foreign seniority and function terms stand for. "Sr. Dir, Rev Ops &amp; GTM"
/// reads "sr dir rev ops gtm senior director revenue operations go to market", so "Directeur",
/// "Leiter" and "Dir" share what "Director" taught the model, and the role (seniority and function)
/// is read from these terms.
/// </summary>
/// <remarks>
/// The text featurizer drops punctuation and glues the words around it ("Sales/Marketing" becomes one
/// unknown word "salesmarketing"), and 500 labeled titles rarely hold every spelling of a role in
/// seven languages. A model records the <see cref="Version"/> it was trained with
/// (<see cref="ModelMetadata.TitleTerms"/>) and <see cref="IcpModel"/> always prepares its inputs that
/// way: models trained before terms existed (version 0) get their inputs untouched and score as they
/// did. Changing a table below changes what a model sees, so it comes with a new version (and the
/// old tables stay for the models that read them).
/// </remarks>
internal static class TitleTerms
{
    /// <summary>The version new models are trained with.</summary>
    public const int Version = 1;

    private static readonly FrozenDictionary<string, string> _terms = BuildTerms();

    private static readonly FrozenDictionary<string, string> _pairs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rev ops"] = "revenue operations", ["sales ops"] = "sales operations", ["marketing ops"] = "marketing operations",
        ["biz dev"] = "business development", ["demand gen"] = "demand generation", ["lead gen"] = "lead generation",
        ["go to"] = "go to market", ["key account"] = "key account sales", ["new business"] = "new business sales",
        ["chef de"] = "manager", ["charge d"] = "account executive", ["charge de"] = "associate", ["chargee de"] = "associate",
        ["directeur general"] = "managing director", ["directrice generale"] = "managing director", ["director general"] = "managing director",
        ["directora general"] = "managing director", ["direttore generale"] = "managing director", ["diretor geral"] = "managing director",
        ["algemeen directeur"] = "managing director", ["gerente general"] = "managing director", ["diretor presidente"] = "chief executive officer",
        ["amministratore delegato"] = "chief executive officer", ["consejero delegado"] = "chief executive officer",
        ["kaufmannischer leiter"] = "head finance", ["kaufmannische leiterin"] = "head finance", ["kaufmannischer geschaftsfuhrer"] = "chief financial officer",
        ["kaufmannische geschaftsfuhrerin"] = "chief financial officer", ["administratif et"] = "finance", ["administrativo y"] = "finance",
        ["ressources humaines"] = "human resources", ["recursos humanos"] = "human resources", ["risorse umane"] = "human resources",
        ["controle de"] = "controlling", ["control de"] = "controlling", ["controllo di"] = "controlling",
        ["atencion al"] = "customer service", ["service client"] = "customer service", ["servizio clienti"] = "customer service",
        ["sucesso do"] = "customer success", ["desarrollo de"] = "business development", ["financiele administratie"] = "accounting",
        ["chief of"] = "chief of staff", ["working student"] = "intern", ["self employed"] = "owner",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // German and Dutch compounds end in a role: "Vertriebs|leiter", "Marketing|manager", "Finanz|buchhalter".
    private static readonly string[] _suffixes =
    [
        "leiterin", "leiter", "leitung", "managerin", "manager", "buchhalterin", "buchhalter", "mitarbeiterin", "mitarbeiter",
        "referentin", "referent", "direktorin", "direktor", "directeur", "administrateur", "medewerker", "adviseur", "entwickler",
        "controller", "chef",
    ];

    /// <summary>The title as a model of <paramref name="version"/> reads it; version 0 is the title itself.</summary>
    public static string Expand(string title, int version)
    {
        if (version == 0 || title.Length == 0)
        {
            return title;
        }

        var words = Words(title);
        var text = new StringBuilder(title.Length * 2);
        foreach (var word in words)
        {
            text.Append(word).Append(' ');
        }

        var added = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && _pairs.TryGetValue($"{words[i]} {words[i + 1]}", out var pair))
            {
                added.Add(pair);
                i++;
                continue;
            }

            if (_terms.TryGetValue(words[i], out var term))
            {
                added.Add(term);
            }
            else
            {
                SplitCompound(words[i], added);
            }
        }

        foreach (var term in added.Distinct(StringComparer.Ordinal))
        {
            text.Append(term).Append(' ');
        }

        return text.ToString(0, text.Length - 1);
    }

    /// <summary>
    /// The input as a model of <paramref name="version"/> is given it: its title's terms, and the role
    /// (seniority and function) read from them, so "Hoofd Financiën" is a head in finance. A role the
    /// caller blanked out on purpose (to measure what the role adds to a score) stays blank.
    /// </summary>
    public static ModelInput Prepare(ModelInput input, int version)
    {
        if (version == 0)
        {
            return input;
        }

        var terms = Expand(input.Title, version);
        var (seniority, function) = Enum.TryParse<Seniority>(input.Seniority, out _)
            ? TitleTaxonomy.Classify(terms)
            : (Seniority.Unknown, JobFunction.Unknown);
        var known = seniority != Seniority.Unknown;
        return new ModelInput
        {
            Title = input.Title,
            TitleTerms = terms,
            Industry = input.Industry,
            IndustryGroup = input.IndustryGroup,
            SizeBucket = input.SizeBucket,
            SizeOrdinal = input.SizeOrdinal,
            Seniority = known ? seniority.ToString() : input.Seniority,
            Function = known ? function.ToString() : input.Function,
            SeniorityFunction = known ? $"{seniority}/{function}" : input.SeniorityFunction,
            Label = input.Label,
        };
    }

    /// <summary>Lower-case, accent-free terms; every character that is not a letter or digit separates them.</summary>
    internal static List<string> Words(string title)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        Span<char> folded = stackalloc char[2];
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            if (c == '&' && word.Length is > 0 and <= 3 && i + 1 < title.Length && char.IsLetter(title[i + 1])
                && (i + 2 == title.Length || !char.IsLetterOrDigit(title[i + 2])))
            {
                continue; // "FP&A" → "fpa", "R&D" → "rd"; "Sales&Marketing" stays two words
            }

            var n = TextFolding.Fold(c, folded);
            if (n == 0)
            {
                Flush(word, words);
                continue;
            }

            word.Append(folded[..n]);
        }

        Flush(word, words);
        return words;
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }

    private static void SplitCompound(string word, List<string> added)
    {
        foreach (var suffix in _suffixes)
        {
            if (word.Length < suffix.Length + 3 || !word.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var prefix = word[..^suffix.Length];
            var known = _terms.GetValueOrDefault(prefix) ?? (prefix.EndsWith('s') ? _terms.GetValueOrDefault(prefix[..^1]) : null)
                ?? (_english.Contains(prefix) ? prefix : null);
            if (known is null)
            {
                return;
            }

            added.Add(known);
            added.Add(_terms.GetValueOrDefault(suffix) ?? suffix);
            return;
        }
    }

    // English function words that start Dutch and German compounds ("Accountmanager", "Salesdirecteur").
    private static readonly FrozenSet<string> _english = new[]
    {
        "marketing", "sales", "account", "finance", "project", "product", "office", "community", "content", "brand", "it", "hr",
        "customer", "support", "data", "design", "team", "category", "channel", "export", "area", "event", "online",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, string> BuildTerms()
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);

        void Add(string meaning, string words)
        {
            foreach (var word in words.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                terms[word] = meaning;
            }
        }

        // Seniority abbreviations.
        Add("vice president", "vp, vicepresident, vicepresidente, vizeprasident, vizeprasidentin");
        Add("senior vice president", "svp");
        Add("executive vice president", "evp");
        Add("assistant vice president", "avp");
        Add("director", "dir, directeur, directrice, directora, direttore, direttrice, diretor, diretora, direktor, direktorin, directeure");
        Add("manager", "mgr, mngr, mgmt, responsable, responsabile, gerente, gestor, gestora, teamleiter, teamleiterin, teamleider, "
            + "verantwortlicher, verantwortliche, coordenador, coordenadora, managerin, gruppenleiter");
        Add("head", "leiter, leiterin, leitung, hoofd, jefe, jefa, capo, chefe, abteilungsleiter, abteilungsleiterin, bereichsleiter, bereichsleiterin");
        Add("senior", "sr, snr");
        Add("junior", "jr, jnr");
        Add("managing director", "md, dg, geschaftsfuhrer, geschaftsfuhrerin, geschaftsfuhrender, geschaftsfuhrende, gf");
        Add("general manager", "gm");
        Add("chief executive officer", "ceo, pdg");
        Add("chief marketing officer", "cmo");
        Add("chief financial officer", "cfo, daf");
        Add("chief revenue officer", "cro");
        Add("chief operating officer", "coo");
        Add("chief technology officer", "cto");
        Add("chief information officer", "cio, dsi");
        Add("chief product officer", "cpo");
        Add("chief data officer", "cdo");
        Add("chief human resources officer", "chro, drh");
        Add("chief commercial officer", "cco");
        Add("chief sales officer", "cso");
        Add("chief growth officer", "cgo");
        Add("chief legal officer", "clo");
        Add("chief information security officer", "ciso");
        Add("chief accounting officer", "cao");
        Add("chief officer", "cxo");
        Add("board executive", "vorstand, vorstandin, vorstandsmitglied, vorstandsvorsitzender");
        Add("executive assistant", "ea");
        Add("personal assistant", "pa");
        Add("founder", "grunder, grunderin, gruender, gruenderin, fondateur, fondatrice, fundador, fundadora, fondatore, fondatrice, oprichter, oprichtster");
        Add("co founder", "cofounder, cofondateur, cofondatrice, cofundador, cofundadora, cofondatore, mitgrunder, mitgrunderin, medeoprichter");
        Add("owner", "inhaber, inhaberin, eigenaar, titolare, propietario, propietaria, proprietario, proprietaria, proprietaire, dueno, duena, socio, socia, socios");
        Add("owner manager", "gerant, gerante");
        Add("intern", "praktikant, praktikantin, stagiaire, stagiair, becario, becaria, estagiario, estagiaria, stagista, tirocinante, werkstudent, "
            + "werkstudentin, alternant, alternante, apprenti, apprentie, azubi, auszubildender, auszubildende, practicante, pasante");
        Add("associate", "referent, referentin, sachbearbeiter, sachbearbeiterin, mitarbeiter, mitarbeiterin, medewerker, medewerkster, addetto, addetta, "
            + "impiegato, impiegata, auxiliar, asistente, assistente, assistent, assistentin, assistante, tecnico, tecnica");
        Add("representative", "rep, reps");

        // Function abbreviations.
        Add("financial planning analysis finance", "fpa");
        Add("revenue operations", "revops");
        Add("marketing operations", "mops, moops");
        Add("go to market", "gtm");
        Add("customer success", "cs");
        Add("customer success manager", "csm");
        Add("customer experience", "cx");
        Add("business development", "bd, bizdev");
        Add("sales development representative", "sdr, sdrs");
        Add("business development representative", "bdr, bdrs");
        Add("account executive", "ae, aes");
        Add("key account manager", "kam");
        Add("product marketing manager", "pmm");
        Add("marketing", "mktg, mkt, mkting, mercadeo, mercadotecnia, marketeer, marketer, marketeur");
        Add("marketing communications", "marcom, marcomm, marcomms");
        Add("communications", "comms, kommunikation, communication, comunicacion, comunicazione, comunicacao, communicatie");
        Add("account based marketing", "abm");
        Add("public relations", "pr");
        Add("human resources", "hr, rh, rrhh, personalwesen, personeelszaken, po, hrm");
        Add("human resources business partner", "hrbp");
        Add("talent acquisition", "ta");
        Add("learning development", "ld");
        Add("research development", "rd");
        Add("information technology", "it, ict, ti, informatique, informatica, edv");
        Add("operations", "ops, operaciones, operazioni, operacoes");
        Add("engineering", "eng, engg");
        Add("software engineer", "swe");
        Add("engineering manager", "em");
        Add("accounts payable", "ap");
        Add("accounts receivable", "ar");
        Add("certified public accountant", "cpa");
        Add("accounting", "acct, buchhaltung, rechnungswesen, comptabilite, contabilidad, contabilidade, contabilita, boekhouding, finanzbuchhaltung");
        Add("accountant", "contable, contables, buchhalter, buchhalterin, comptable, contador, contadora, contabile, boekhouder, contabil, contabilista, bilanzbuchhalter, bilanzbuchhalterin");
        Add("finance", "fin, finanzen, finanz, financier, financiere, finanzas, financas, finanza, financien, financieel, financiele, financeiro, "
            + "financeira, financiero, financiera, finanziario, finanziaria, finanzleiter");
        Add("payroll", "paie, paghe, nomina, nominas, lohn, lohnbuchhalter, lohnbuchhalterin, salarisadministrateur, folha");
        Add("controlling", "controladoria, control");
        Add("treasury", "tresorerie, tesoreria, tesouraria");
        Add("treasurer", "tesorero, tesoureiro, tresorier, tesoriere");
        Add("tax", "steuer, steuern, impuestos, fiscal, fiscale, fiscalite");
        Add("cloud cost operations", "finops");
        Add("sales", "vertrieb, vertriebs, verkauf, verkaufs, verkoop, ventes, vente, ventas, venta, vendas, vendite, commercial, commerciale, comercial, "
            + "commercieel, commerciele, commercie, verkoper, vendedor, vendedora, venditore, verkaufer, verkauferin");
        Add("procurement", "einkauf, einkaufs, achats, compras, acquisti, inkoop");
        Add("customer service", "kundenservice, klantenservice, kundenbetreuung, atendimento");
        Add("legal", "juridique, juridico, juridica, legale, recht");
        Add("logistics", "logistik, logistique, logistica, logistiek");
        Add("product", "produit, producto, prodotto, produto, produkt");
        Add("project", "projet, proyecto, progetto, projeto, projekt");
        Add("data", "donnees, datos, dati, dados, daten");
        Add("developer", "entwickler, entwicklerin, developpeur, developpeuse, desarrollador, desarrolladora, sviluppatore, desenvolvedor, ontwikkelaar, "
            + "softwareentwickler, softwareontwikkelaar");
        Add("strategy", "strategie, estrategia, strategia");
        return terms.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
