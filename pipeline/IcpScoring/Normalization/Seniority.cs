namespace IcpScoring.Normalization;

// Ordered from least to most senior, except Owner: founders and owners are reported apart, because
// the title of one says nothing about the size of what they run (see TitleTaxonomy).
internal enum Seniority
{
    Unknown,
    Intern,
    IndividualContributor,
    Senior,
    Manager,
    Head,
    Director,
    VicePresident,
    CLevel,
    Owner,
}
