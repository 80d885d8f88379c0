#!/usr/bin/python3
"""Real-looking job titles, labeled for three ICP tasks, in the labeled-prospects CSV `icp train` reads.

usage: gen_titles.py OUT_DIR [--seed 17] [--rows 500]
writes OUT_DIR/{buyer,senior,finance}-{train,test}.csv: Title,Industry,Company Size,IsIcp with the
industry and size left empty (titles only), about ROWS rows each.

Tasks (what a person labeling prospects would mark ICP):
  buyer    marketing, sales, revenue operations or go-to-market, at manager level or above
  senior   a decision-maker: head, director, VP, C-level, managing director, owner or founder
  finance  works in finance, accounting, controlling, FP&A, treasury, tax, audit or payroll

Each title is rendered from a latent role (function, seniority, language) the way people write
them on LinkedIn: abbreviated (Sr. Dir, VP, Mgr, FP&A, RevOps, GTM), with ampersands, slashes,
regions, several roles in one title, in English, German, French, Spanish, Dutch, Portuguese and
Italian; the label comes from the latent role, with 3% of labels flipped (people disagree).
The hand-written hard cases (hard-cases.tsv) are split half to train, half to test.
data/ holds the finance task as --seed 17 writes it, for the quality test (TitleQualityTests).

The vocabulary of occupations is written for this set, informed by two public collections:
O*NET 30 "Alternate Titles" and "Sample of Reported Titles" (U.S. Department of Labor, ETA;
CC BY 4.0, https://www.onetcenter.org/database.html) and the ESCO occupations pillar with its
preferred and alternative labels in the EU languages (European Commission; reuse authorised with
acknowledgement, Decision 2011/833/EU, https://esco.ec.europa.eu). No file of either is shipped
or copied here.
"""
import csv, os, random, sys

FUNCS = ["marketing", "sales", "revops", "cs", "finance", "hr", "eng", "product", "data", "design", "ops", "legal", "general"]
FUNC_WEIGHTS = [14, 14, 4, 6, 14, 6, 10, 6, 5, 4, 7, 3, 7]
LEVELS = ["intern", "ic", "senior", "manager", "head", "director", "vp", "clevel", "owner"]
LEVEL_WEIGHTS = [6, 20, 14, 18, 9, 11, 8, 7, 7]
LANGS = ["en", "de", "fr", "es", "nl", "pt", "it"]
LANG_WEIGHTS = [55, 10, 8, 8, 7, 6, 6]

# Function words by language; an English title may use any English form.
F = {
 "en": {
  "marketing": ["Marketing", "Mktg", "Digital Marketing", "Growth", "Demand Gen", "Demand Generation", "Brand", "Product Marketing",
                "Content Marketing", "Performance Marketing", "Communications", "Comms", "Marcom", "Field Marketing", "ABM",
                "Lifecycle Marketing", "Brand & Comms", "Growth Marketing", "Marketing & Communications", "Integrated Marketing", "PR"],
  "sales": ["Sales", "Business Development", "BD", "Biz Dev", "New Business", "Enterprise Sales", "Partnerships", "Channel Sales",
            "Inside Sales", "Commercial", "Key Accounts", "Sales & BD", "Global Sales", "Mid-Market Sales", "Alliances", "Sales Development"],
  "revops": ["Rev Ops", "RevOps", "Revenue Operations", "GTM", "Go-To-Market", "Sales Ops", "Marketing Ops", "GTM Strategy", "Sales Operations",
             "Revenue", "GTM Operations", "MOps"],
  "cs": ["Customer Success", "CS", "Client Success", "Customer Experience", "CX", "Support", "Customer Support", "Client Services",
         "Customer Care", "Onboarding"],
  "finance": ["Finance", "FP&A", "Financial Planning & Analysis", "Accounting", "Controlling", "Treasury", "Tax", "Audit", "Payroll",
              "Finance & Accounting", "Strategic Finance", "AP/AR", "Corporate Finance", "Fin & Admin", "Revenue Accounting", "Financial Reporting"],
  "hr": ["HR", "People", "People & Culture", "Talent Acquisition", "TA", "Recruiting", "L&D", "Human Resources", "People Ops", "Talent"],
  "eng": ["Engineering", "Eng", "Software Engineering", "Platform", "Infrastructure", "IT", "DevOps", "Security", "InfoSec", "R&D", "Cloud"],
  "product": ["Product", "Product Management", "Product Ops", "Product & Design"],
  "data": ["Data", "Data Science", "Analytics", "BI", "ML", "Data & AI", "Data Engineering"],
  "design": ["Design", "UX", "UX/UI", "Creative", "Product Design", "Brand Design"],
  "ops": ["Operations", "Ops", "BizOps", "Supply Chain", "Procurement", "Logistics", "Facilities", "Admin", "Business Operations"],
  "legal": ["Legal", "Compliance", "Legal & Compliance", "Risk & Compliance"],
  "general": ["Strategy", "Corporate Development", "Transformation", "Business", "Innovation", "Special Projects"],
 },
 "de": {"marketing": ["Marketing", "Kommunikation", "Online Marketing", "Unternehmenskommunikation", "Marketing & Kommunikation"],
        "sales": ["Vertrieb", "Verkauf", "Sales", "Vertrieb Innendienst", "Vertrieb & Marketing", "Key Account"],
        "revops": ["Sales Operations", "Vertriebssteuerung", "Revenue Operations"],
        "cs": ["Kundenservice", "Kundenbetreuung", "Customer Success"],
        "finance": ["Finanzen", "Buchhaltung", "Rechnungswesen", "Controlling", "Finanzen & Controlling", "Finanzbuchhaltung", "Steuern"],
        "hr": ["Personal", "HR", "Personalwesen"], "eng": ["IT", "Entwicklung", "Softwareentwicklung", "Technik"],
        "product": ["Produktmanagement", "Produkt"], "data": ["Data", "Business Intelligence", "Datenanalyse"], "design": ["Design", "Grafik"],
        "ops": ["Einkauf", "Logistik", "Betrieb", "Verwaltung"], "legal": ["Recht", "Compliance"], "general": ["Strategie", "Unternehmensentwicklung"]},
 "fr": {"marketing": ["Marketing", "Communication", "Marketing Digital", "Marketing & Communication", "Acquisition"],
        "sales": ["Commercial", "Ventes", "Business Development", "Grands Comptes", "Développement Commercial"],
        "revops": ["Opérations Commerciales", "Revenue Operations"], "cs": ["Service Client", "Relation Client", "Customer Success"],
        "finance": ["Financier", "Finance", "Comptabilité", "Contrôle de Gestion", "Trésorerie", "Administratif et Financier", "Paie"],
        "hr": ["Ressources Humaines", "RH", "Recrutement"], "eng": ["Informatique", "Technique", "Systèmes d'Information", "R&D"],
        "product": ["Produit"], "data": ["Data", "Données"], "design": ["Design", "Création"],
        "ops": ["Achats", "Logistique", "Opérations", "Supply Chain"], "legal": ["Juridique", "Conformité"], "general": ["Stratégie", "Transformation"]},
 "es": {"marketing": ["Marketing", "Comunicación", "Marketing Digital", "Mercadeo", "Marketing y Comunicación"],
        "sales": ["Ventas", "Comercial", "Desarrollo de Negocio", "Cuentas Clave"], "revops": ["Operaciones Comerciales", "RevOps"],
        "cs": ["Atención al Cliente", "Customer Success", "Experiencia de Cliente"],
        "finance": ["Finanzas", "Contabilidad", "Administración y Finanzas", "Control de Gestión", "Tesorería", "Impuestos"],
        "hr": ["Recursos Humanos", "RRHH", "Selección"], "eng": ["Tecnología", "Sistemas", "IT", "Ingeniería"], "product": ["Producto"],
        "data": ["Datos", "Business Intelligence"], "design": ["Diseño"], "ops": ["Operaciones", "Compras", "Logística"],
        "legal": ["Legal", "Cumplimiento"], "general": ["Estrategia", "Desarrollo Corporativo"]},
 "nl": {"marketing": ["Marketing", "Communicatie", "Marketing & Communicatie", "Online Marketing"],
        "sales": ["Verkoop", "Sales", "Verkoop Binnendienst", "Commercie"], "revops": ["Sales Operations", "Revenue Operations"],
        "cs": ["Klantenservice", "Customer Success"], "finance": ["Financiën", "Financiële Administratie", "Boekhouding", "Control", "Finance & Control"],
        "hr": ["HR", "Personeelszaken", "P&O"], "eng": ["ICT", "IT", "Ontwikkeling"], "product": ["Product"], "data": ["Data", "BI"],
        "design": ["Design", "Vormgeving"], "ops": ["Inkoop", "Logistiek", "Operations", "Bedrijfsvoering"], "legal": ["Juridische Zaken", "Compliance"],
        "general": ["Strategie", "Bedrijfsontwikkeling"]},
 "pt": {"marketing": ["Marketing", "Comunicação", "Marketing Digital"], "sales": ["Vendas", "Comercial", "Novos Negócios"],
        "revops": ["Operações Comerciais", "RevOps"], "cs": ["Sucesso do Cliente", "Atendimento ao Cliente"],
        "finance": ["Finanças", "Contabilidade", "Controladoria", "Tesouraria", "Financeiro"], "hr": ["RH", "Recursos Humanos"],
        "eng": ["TI", "Tecnologia", "Engenharia"], "product": ["Produto"], "data": ["Dados", "BI"], "design": ["Design"],
        "ops": ["Operações", "Compras", "Logística"], "legal": ["Jurídico", "Compliance"], "general": ["Estratégia"]},
 "it": {"marketing": ["Marketing", "Comunicazione", "Marketing & Comunicazione", "Marketing Digitale"], "sales": ["Vendite", "Commerciale", "Sviluppo Commerciale"],
        "revops": ["Sales Operations"], "cs": ["Servizio Clienti", "Customer Care"],
        "finance": ["Finanza", "Amministrazione e Finanza", "Contabilità", "Controllo di Gestione", "Tesoreria", "Amministrazione, Finanza e Controllo"],
        "hr": ["Risorse Umane", "HR", "Personale"], "eng": ["IT", "Sistemi Informativi", "Tecnologia"], "product": ["Prodotto"], "data": ["Dati", "Data"],
        "design": ["Design"], "ops": ["Acquisti", "Logistica", "Operations"], "legal": ["Legale", "Affari Legali"], "general": ["Strategia"]},
}

# Titles by level: {f} is a function word. Roles that name their function themselves come from ROLE below.
T = {
 "en": {"intern": ["{f} Intern", "Intern, {f}", "{f} Trainee", "Working Student {f}", "{f} Apprentice", "Graduate, {f}"],
        "ic": ["{f} Specialist", "{f} Coordinator", "{f} Associate", "{f} Analyst", "{f} Executive", "{f} Assistant", "{f} Officer",
               "Jr. {f} Specialist", "{f} Rep", "{f} Generalist", "{f} Administrator"],
        "senior": ["Senior {f} Specialist", "Sr. {f} Analyst", "Sr {f} Associate", "Lead {f} Specialist", "Principal {f} Consultant",
                   "Senior {f} Executive", "{f} Senior Associate", "Senior {f} Partner"],
        "manager": ["{f} Manager", "{f} Mgr", "Manager, {f}", "{f} Lead", "Team Lead {f}", "Sr. {f} Manager", "Sr Mgr, {f}",
                    "{f} Team Lead", "Senior Manager - {f}", "Mgr {f}", "{f} Supervisor"],
        "head": ["Head of {f}", "{f} Head", "Head, {f}", "Global Head of {f}", "Head of Global {f}", "Group Head of {f}"],
        "director": ["Director of {f}", "{f} Director", "Dir, {f}", "Sr. Dir {f}", "Senior Director, {f}", "Director - {f}", "Dir. {f}",
                     "Associate Director, {f}", "Group {f} Director", "Director {f}"],
        "vp": ["VP {f}", "VP, {f}", "SVP {f}", "EVP, {f}", "Vice President of {f}", "AVP {f}", "VP of {f}", "Vice President, {f}", "SVP, Global {f}"],
        "clevel": [], "owner": ["Founder", "Co-Founder", "Owner", "Co-founder", "Founder & Owner", "Founding Partner", "Owner & Principal"]},
 "de": {"intern": ["Praktikant {f}", "Praktikantin {f}", "Werkstudent {f}", "Werkstudentin {f}", "Auszubildender {f}"],
        "ic": ["Referent {f}", "Referentin {f}", "Sachbearbeiter {f}", "Sachbearbeiterin {f}", "Mitarbeiter {f}", "{f} Spezialist", "Junior {f} Manager"],
        "senior": ["Senior Referent {f}", "Senior {f} Spezialistin", "Senior Consultant {f}"],
        "manager": ["Teamleiter {f}", "Teamleiterin {f}", "{f} Manager (m/w/d)", "{f} Managerin", "Gruppenleiter {f}"],
        "head": ["Leiter {f}", "Leiterin {f}", "Leitung {f}", "Head of {f}", "Abteilungsleiter {f}", "Abteilungsleiterin {f}"],
        "director": ["Bereichsleiter {f}", "Bereichsleiterin {f}", "Direktor {f}", "Director {f}", "Prokurist, Leiter {f}"],
        "vp": ["VP {f}", "Vice President {f}"], "clevel": [],
        "owner": ["Inhaber", "Inhaberin", "Gründer", "Gründerin", "Mitgründer", "Geschäftsführender Gesellschafter"]},
 "fr": {"intern": ["Stagiaire {f}", "Alternant {f}", "Alternante {f}", "Apprenti {f}"],
        "ic": ["Chargé de {f}", "Chargée de {f}", "Assistant {f}", "Assistante {f}", "Analyste {f}", "Gestionnaire {f}", "Consultant {f}"],
        "senior": ["Chargé de {f} Senior", "Consultant Senior {f}", "Analyste Senior {f}"],
        "manager": ["Responsable {f}", "Manager {f}", "Chef de projet {f}", "Responsable {f} France", "Chef d'équipe {f}"],
        "head": ["Head of {f}", "Responsable du pôle {f}"],
        "director": ["Directeur {f}", "Directrice {f}", "Directeur du {f}", "Directeur Adjoint {f}"],
        "vp": ["VP {f}", "Vice-Président {f}"], "clevel": [], "owner": ["Fondateur", "Fondatrice", "Co-fondateur", "Gérant", "Gérante", "Associé fondateur"]},
 "es": {"intern": ["Becario de {f}", "Becaria de {f}", "Prácticas en {f}", "Practicante de {f}"],
        "ic": ["Analista de {f}", "Técnico de {f}", "Técnica de {f}", "Asistente de {f}", "Auxiliar de {f}", "Coordinadora de {f}", "Especialista en {f}"],
        "senior": ["Analista Senior de {f}", "Consultor Senior de {f}"],
        "manager": ["Responsable de {f}", "Gerente de {f}", "Jefe de Equipo de {f}", "Manager de {f}"],
        "head": ["Jefe de {f}", "Jefa de {f}", "Head of {f}"],
        "director": ["Director de {f}", "Directora de {f}", "Subdirector de {f}"],
        "vp": ["VP de {f}", "Vicepresidente de {f}"], "clevel": [], "owner": ["Fundador", "Fundadora", "Cofundador", "Socio fundador", "Propietario"]},
 "nl": {"intern": ["Stagiair {f}", "Stagiaire {f}", "Werkstudent {f}"],
        "ic": ["Medewerker {f}", "Adviseur {f}", "Specialist {f}", "Assistent {f}", "Junior Medewerker {f}", "Consultant {f}"],
        "senior": ["Senior Medewerker {f}", "Senior Adviseur {f}"],
        "manager": ["Manager {f}", "Teamleider {f}", "Coördinator {f}", "Teamleider {f} Binnendienst"],
        "head": ["Hoofd {f}", "Hoofd Afdeling {f}", "Head of {f}"],
        "director": ["Directeur {f}", "Director {f}"], "vp": ["VP {f}"], "clevel": [],
        "owner": ["Eigenaar", "Oprichter", "Mede-oprichter", "Directeur-eigenaar", "Zelfstandig ondernemer"]},
 "pt": {"intern": ["Estagiário de {f}", "Estagiária de {f}"],
        "ic": ["Analista de {f}", "Assistente de {f}", "Auxiliar de {f}", "Especialista em {f}", "Consultor de {f}"],
        "senior": ["Analista Sênior de {f}", "Analista de {f} Sr."],
        "manager": ["Gerente de {f}", "Coordenador de {f}", "Coordenadora de {f}", "Supervisor de {f}"],
        "head": ["Head de {f}", "Head of {f}"], "director": ["Diretor de {f}", "Diretora de {f}", "Superintendente de {f}"],
        "vp": ["VP de {f}", "Vice-Presidente de {f}"], "clevel": [], "owner": ["Fundador", "Sócio-fundador", "Sócia", "Proprietário", "Empreendedor"]},
 "it": {"intern": ["Stagista {f}", "Tirocinante {f}"],
        "ic": ["Addetto {f}", "Addetta {f}", "Impiegato {f}", "Impiegata {f}", "Specialista {f}", "Assistente {f}"],
        "senior": ["Senior {f} Specialist", "Consulente Senior {f}"],
        "manager": ["Responsabile {f}", "Manager {f}", "Capo Ufficio {f}", "Coordinatore {f}"],
        "head": ["Capo {f}", "Head of {f}", "Responsabile Area {f}"],
        "director": ["Direttore {f}", "Direttrice {f}", "Direttore {f} Italia"], "vp": ["VP {f}", "Vice Presidente {f}"], "clevel": [],
        "owner": ["Titolare", "Fondatore", "Fondatrice", "Socio Fondatore", "Imprenditore"]},
}

# Roles whose words say function and level at once (abbreviations, compounds, C-level).
ROLE = {
 ("marketing", "clevel"): ["CMO", "Chief Marketing Officer", "Chief Growth Officer", "Chief Brand Officer", "CMO (Chief Marketing Officer)"],
 ("sales", "clevel"): ["CRO", "Chief Revenue Officer", "Chief Sales Officer", "Chief Commercial Officer", "CCO", "CSO (Sales)"],
 ("revops", "clevel"): ["Chief Revenue Officer", "CRO"],
 ("finance", "clevel"): ["CFO", "Chief Financial Officer", "Chief Accounting Officer", "CFO (Fractional)", "Interim CFO", "Group CFO"],
 ("cs", "clevel"): ["Chief Customer Officer", "CCO (Customer)"], ("hr", "clevel"): ["CHRO", "Chief People Officer", "Chief Talent Officer"],
 ("eng", "clevel"): ["CTO", "CIO", "Chief Technology Officer", "CISO", "Chief Information Officer"], ("product", "clevel"): ["CPO", "Chief Product Officer"],
 ("data", "clevel"): ["CDO", "Chief Data Officer", "Chief AI Officer"], ("design", "clevel"): ["Chief Design Officer", "Chief Creative Officer"],
 ("ops", "clevel"): ["COO", "Chief Operating Officer", "Chief Procurement Officer"], ("legal", "clevel"): ["General Counsel", "Chief Legal Officer", "CLO"],
 ("general", "clevel"): ["CEO", "Chief Executive Officer", "President", "Managing Director", "MD", "President & CEO", "Chief of Staff", "General Manager"],
 ("sales", "ic"): ["SDR", "BDR", "AE", "Account Executive", "Sales Rep", "Inside Sales Representative", "Account Manager", "Sales Associate",
                   "Business Development Representative", "Sales Development Rep", "Key Account Manager", "Sales Engineer", "Solutions Consultant"],
 ("sales", "senior"): ["Sr. AE", "Senior Account Executive", "Enterprise AE", "Strategic Account Executive", "Sr. Account Manager", "Principal AE",
                       "Account Director", "Senior Sales Engineer"],
 ("sales", "manager"): ["SDR Manager", "Sales Manager", "Regional Sales Manager", "Area Sales Mgr", "Territory Manager", "BDR Team Lead", "Sales Team Lead"],
 ("marketing", "ic"): ["Copywriter", "Content Writer", "SEO Specialist", "Social Media Coordinator", "Marketing Executive", "Growth Hacker",
                       "Community Manager", "Brand Ambassador", "PPC Specialist", "Email Marketing Specialist"],
 ("marketing", "manager"): ["PMM", "Product Marketing Manager", "Demand Gen Manager", "Brand Manager", "Campaign Manager", "Content Marketing Manager",
                            "Growth Marketing Manager", "Field Marketing Mgr", "Marketing Operations Manager", "PR Manager"],
 ("finance", "ic"): ["Accountant", "Staff Accountant", "Bookkeeper", "AP Clerk", "AR Specialist", "Payroll Specialist", "Financial Analyst",
                     "Tax Associate", "Auditor", "Billing Specialist", "Junior Accountant", "Accounts Payable Specialist"],
 ("finance", "senior"): ["Sr. Accountant", "Senior Financial Analyst", "Sr. FP&A Analyst", "Audit Senior", "Senior Tax Consultant", "Lead Accountant"],
 ("finance", "manager"): ["Controller", "Financial Controller", "Assistant Controller", "Accounting Manager", "FP&A Manager", "Treasury Manager",
                          "Tax Manager", "Payroll Manager", "Finance Manager", "Finance Business Partner"],
 ("finance", "director"): ["Finance Director", "Corporate Controller", "Group Controller", "Director of FP&A", "Director, Accounting & Reporting"],
 ("cs", "ic"): ["CSM", "Customer Success Manager", "Support Engineer", "Customer Support Rep", "Account Coordinator"],
 ("eng", "ic"): ["Software Engineer", "Backend Developer", "Frontend Engineer", "DevOps Engineer", "QA Engineer", "SRE", "Full Stack Developer"],
 ("eng", "senior"): ["Senior Software Engineer", "Staff Engineer", "Principal Engineer", "Tech Lead", "Sr. SWE"],
 ("eng", "manager"): ["Engineering Manager", "EM", "IT Manager", "Dev Team Lead"],
 ("product", "ic"): ["Product Manager", "PM", "Product Owner", "Associate PM"], ("product", "senior"): ["Senior PM", "Group PM", "Principal Product Manager"],
 ("data", "ic"): ["Data Scientist", "Data Analyst", "BI Developer", "ML Engineer", "Data Engineer"],
 ("design", "ic"): ["UX Designer", "UI/UX Designer", "Graphic Designer", "Product Designer"], ("design", "director"): ["Art Director", "Creative Director"],
 ("hr", "ic"): ["Recruiter", "HRBP", "Talent Acquisition Partner", "HR Generalist", "People Partner"],
 ("ops", "ic"): ["Office Manager", "Operations Coordinator", "Buyer", "Logistics Coordinator", "Project Coordinator"],
 ("ops", "manager"): ["Project Manager", "Program Manager", "Operations Manager", "Procurement Lead"],
 ("legal", "ic"): ["Legal Counsel", "Paralegal", "Associate Attorney", "Compliance Officer"],
 ("general", "ic"): ["Consultant", "Management Consultant", "Business Analyst", "Strategy Associate"],
 ("general", "director"): ["Managing Director", "Country Manager", "General Manager", "Non-Executive Director", "Board Member", "Partner"],
}
ROLE_L = {  # other languages
 "de": {("marketing", "head"): ["Marketingleiter", "Marketingleiterin", "Kommunikationsleiter"], ("sales", "head"): ["Vertriebsleiter", "Vertriebsleiterin", "Verkaufsleiter"],
        ("sales", "ic"): ["Außendienstmitarbeiter", "Vertriebsmitarbeiter", "Verkäufer", "Key Account Manager (m/w/d)"],
        ("finance", "ic"): ["Buchhalter", "Finanzbuchhalter", "Bilanzbuchhalterin", "Lohnbuchhalter", "Controller (m/w/d)", "Steuerfachangestellte"],
        ("finance", "head"): ["Leiter Finanzen", "Kaufmännischer Leiter", "Leiterin Rechnungswesen", "Finanzleiter"],
        ("finance", "clevel"): ["Vorstand Finanzen", "Kaufmännischer Geschäftsführer", "CFO"], ("general", "clevel"): ["Geschäftsführer", "Geschäftsführerin", "Vorstandsvorsitzender", "CEO"],
        ("eng", "ic"): ["Softwareentwickler", "Entwicklerin", "Systemadministrator"], ("hr", "ic"): ["Personalreferentin", "Recruiterin"],
        ("ops", "head"): ["Einkaufsleiter", "Logistikleiter"], ("eng", "head"): ["IT-Leiter", "Entwicklungsleiter"]},
 "fr": {("finance", "clevel"): ["DAF", "Directeur Administratif et Financier", "Directrice Administrative et Financière", "CFO"],
        ("finance", "ic"): ["Comptable", "Aide-comptable", "Contrôleur de gestion", "Comptable fournisseurs", "Gestionnaire de paie", "Expert-comptable"],
        ("finance", "manager"): ["Responsable comptable", "Chef comptable", "Responsable contrôle de gestion", "Trésorier"],
        ("general", "clevel"): ["DG", "PDG", "Directeur Général", "Directrice Générale", "Président"], ("hr", "clevel"): ["DRH"],
        ("eng", "clevel"): ["DSI", "Directeur Technique"], ("sales", "ic"): ["Commercial", "Commerciale sédentaire", "Chargé d'affaires", "Business Developer", "Ingénieur commercial"],
        ("sales", "director"): ["Directeur Commercial", "Directrice Commerciale"], ("eng", "ic"): ["Développeur", "Développeuse web", "Ingénieur logiciel"]},
 "es": {("finance", "clevel"): ["Director Financiero", "Directora Financiera", "CFO"], ("finance", "ic"): ["Contador", "Contadora", "Auxiliar contable", "Analista Financiero", "Tesorero"],
        ("general", "clevel"): ["Director General", "Directora General", "Consejero Delegado", "CEO", "Gerente General"],
        ("sales", "ic"): ["Ejecutivo de Ventas", "Ejecutiva Comercial", "Vendedor", "Asesor Comercial"], ("sales", "manager"): ["Gerente Comercial", "Jefe de Ventas Zona"],
        ("eng", "ic"): ["Desarrollador", "Programador", "Ingeniero de Software"]},
 "nl": {("marketing", "manager"): ["Marketingmanager", "Marketeer"], ("sales", "ic"): ["Accountmanager", "Verkoper", "Commercieel Medewerker"],
        ("sales", "director"): ["Commercieel Directeur", "Salesdirecteur"], ("finance", "clevel"): ["Financieel Directeur", "CFO"],
        ("finance", "ic"): ["Boekhouder", "Controller", "Salarisadministrateur", "Administrateur", "Crediteurenadministrateur"],
        ("finance", "manager"): ["Hoofd Administratie", "Financieel Manager"], ("general", "clevel"): ["Algemeen Directeur", "CEO", "Directeur"],
        ("eng", "ic"): ["Softwareontwikkelaar", "Developer"]},
 "pt": {("finance", "clevel"): ["Diretor Financeiro", "Diretora Financeira", "CFO"], ("finance", "ic"): ["Contador", "Analista Contábil", "Analista Financeiro", "Tesoureiro", "Assistente Fiscal"],
        ("general", "clevel"): ["Diretor Presidente", "CEO", "Diretor Geral"], ("sales", "ic"): ["Executivo de Contas", "Vendedor", "Consultor de Vendas", "Representante Comercial"],
        ("eng", "ic"): ["Desenvolvedor", "Engenheiro de Software"]},
 "it": {("finance", "clevel"): ["Direttore Finanziario", "CFO", "Direttore Amministrativo"], ("finance", "ic"): ["Contabile", "Impiegata contabile", "Controller", "Addetto paghe"],
        ("general", "clevel"): ["Amministratore Delegato", "Direttore Generale", "CEO", "Presidente"], ("sales", "ic"): ["Agente di commercio", "Venditore", "Commerciale"],
        ("sales", "manager"): ["Area Manager", "Capo Area Vendite"], ("eng", "ic"): ["Sviluppatore", "Programmatore", "Ingegnere del Software"]},
}
REGIONS = ["EMEA", "DACH", "APAC", "LATAM", "Benelux", "Nordics", "North America", "UK&I", "Americas", "France", "Iberia", "Global", "EU", "NA", "Mid-Market", "Enterprise", "SMB"]
JOINS = [" & ", " / ", " | ", ", ", " + ", " and ", "/", " - "]
BUYER = {"marketing", "sales", "revops"}
SENIOR = {"head", "director", "vp", "clevel", "owner"}
MANAGER_UP = {"manager", "head", "director", "vp", "clevel", "owner"}


def label(task, roles):
    # Several roles in one title: the title is ICP when any of them is.
    def one(f, s):
        if task == "buyer":
            return f in BUYER and s in MANAGER_UP and not (s == "owner")
        if task == "senior":
            return s in SENIOR
        return f == "finance"
    return any(one(f, s) for f, s in roles)


def render(rng, f, s, lang):
    forms = []
    if lang != "en" and (f, s) in ROLE_L.get(lang, {}):
        forms += ROLE_L[lang][(f, s)] * 3
    if (f, s) in ROLE and (lang == "en" or rng.random() < 0.25):  # English titles are common in every language
        forms += ROLE[(f, s)] * (3 if s == "clevel" else 1)
    tl = T[lang if rng.random() < 0.85 else "en"]
    fl = F[lang if tl is T[lang] else "en"][f]
    if tl[s]:
        forms += [t.replace("{f}", rng.choice(fl)) for t in rng.sample(tl[s], min(3, len(tl[s])))]
    if not forms:
        forms = [t.replace("{f}", rng.choice(F["en"][f])) for t in T["en"]["director" if s == "clevel" else s]]
    return rng.choice(forms)


def sample_role(rng):
    return rng.choices(FUNCS, FUNC_WEIGHTS)[0], rng.choices(LEVELS, LEVEL_WEIGHTS)[0]


def make(rng, task):
    lang = rng.choices(LANGS, LANG_WEIGHTS)[0]
    f, s = sample_role(rng)
    if s == "owner":
        f = "general"
    roles = [(f, s)]
    title = render(rng, f, s, lang)
    r = rng.random()
    if r < 0.12:  # several roles in one title
        f2, s2 = sample_role(rng)
        if rng.random() < 0.5:
            s2 = s
        roles.append((f2, s2))
        title = title + rng.choice(JOINS) + render(rng, f2, s2, lang)
    elif r < 0.2:  # two functions under one role: "Director, Sales & Marketing"
        f2 = rng.choices(FUNCS, FUNC_WEIGHTS)[0]
        fl = F[lang]
        if T[lang][s] and f2 != f:
            tmpl = rng.choice(T[lang][s])
            title = tmpl.replace("{f}", rng.choice(fl[f]) + rng.choice([" & ", " / ", " and ", ", "]) + rng.choice(fl[f2]))
            roles.append((f2, s))
    if rng.random() < 0.15:
        title += rng.choice([" - ", " ", ", ", " | ", " (", " – "]) + rng.choice(REGIONS)
        title += ")" if title.endswith(tuple(REGIONS)) and " (" in title[-20:] else ""
    x = rng.random()
    if x < 0.03:
        title = title.upper()
    elif x < 0.06:
        title = title.lower()
    elif x < 0.08 and len(title) > 6:  # a typo
        i = rng.randrange(1, len(title) - 1)
        title = title[:i] + title[i + 1:]
    return title, label(task, roles)


def main():
    out = sys.argv[1]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 17
    rows = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else 500
    here = os.path.dirname(os.path.abspath(__file__))
    hard = []
    for line in open(os.path.join(here, "hard-cases.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        t, lang, b, s, fi = line.rstrip("\n").split("\t")
        hard.append((t, {"buyer": b == "1", "senior": s == "1", "finance": fi == "1"}))
    os.makedirs(out, exist_ok=True)
    for k, task in enumerate(["buyer", "senior", "finance"]):
        rng = random.Random(seed * 100 + k)
        cases = hard[:]
        rng.shuffle(cases)
        halves = {"train": cases[: len(cases) // 2], "test": cases[len(cases) // 2:]}
        for split in ("train", "test"):
            data = [(t, y[task]) for t, y in halves[split]]
            while len(data) < rows:
                data.append(make(rng, task))
            rng.shuffle(data)
            data = [(t, y if rng.random() >= 0.03 else not y) for t, y in data]
            with open(os.path.join(out, f"{task}-{split}.csv"), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(["Title", "Industry", "Company Size", "IsIcp"])
                for t, y in data:
                    w.writerow([t, "", "", "true" if y else "false"])


if __name__ == "__main__":
    main()
