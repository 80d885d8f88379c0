using IcpScoring.Normalization;

namespace IcpScoring.Tests.Normalization;

public class TitleTaxonomyTests
{
    [Theory]
    // English
    [InlineData("VP Marketing", nameof(Seniority.VicePresident), nameof(JobFunction.Marketing))]
    [InlineData("SVP, Global Marketing", nameof(Seniority.VicePresident), nameof(JobFunction.Marketing))]
    [InlineData("Vice President of Demand Generation", nameof(Seniority.VicePresident), nameof(JobFunction.Marketing))]
    [InlineData("Chief Marketing Officer", nameof(Seniority.CLevel), nameof(JobFunction.Marketing))]
    [InlineData("CMO", nameof(Seniority.CLevel), nameof(JobFunction.Marketing))]
    [InlineData("Chief Revenue Officer", nameof(Seniority.CLevel), nameof(JobFunction.Sales))]
    [InlineData("CTO", nameof(Seniority.CLevel), nameof(JobFunction.Engineering))]
    [InlineData("Chief Executive Officer", nameof(Seniority.CLevel), nameof(JobFunction.Executive))]
    [InlineData("Marketing Manager", nameof(Seniority.Manager), nameof(JobFunction.Marketing))]
    [InlineData("Product Marketing Manager", nameof(Seniority.Manager), nameof(JobFunction.Marketing))]
    [InlineData("Senior Software Engineer", nameof(Seniority.Senior), nameof(JobFunction.Engineering))]
    [InlineData("Sr. Data Scientist", nameof(Seniority.Senior), nameof(JobFunction.Data))]
    [InlineData("Software Engineer", nameof(Seniority.IndividualContributor), nameof(JobFunction.Engineering))]
    [InlineData("Head of Demand Generation", nameof(Seniority.Head), nameof(JobFunction.Marketing))]
    [InlineData("Head of Growth", nameof(Seniority.Head), nameof(JobFunction.Marketing))]
    [InlineData("Director of Engineering", nameof(Seniority.Director), nameof(JobFunction.Engineering))]
    [InlineData("Account Executive", nameof(Seniority.IndividualContributor), nameof(JobFunction.Sales))]
    [InlineData("SDR", nameof(Seniority.IndividualContributor), nameof(JobFunction.Sales))]
    [InlineData("Lead Generation Specialist", nameof(Seniority.IndividualContributor), nameof(JobFunction.Marketing))]
    [InlineData("Marketing Lead", nameof(Seniority.Manager), nameof(JobFunction.Marketing))]
    [InlineData("Lead Software Engineer", nameof(Seniority.Senior), nameof(JobFunction.Engineering))]
    [InlineData("Team Lead, Customer Success", nameof(Seniority.Manager), nameof(JobFunction.CustomerSuccess))]
    [InlineData("Product Manager", nameof(Seniority.Manager), nameof(JobFunction.Product))]
    [InlineData("Product Designer", nameof(Seniority.IndividualContributor), nameof(JobFunction.Design))]
    [InlineData("Talent Acquisition Partner", nameof(Seniority.IndividualContributor), nameof(JobFunction.HumanResources))]
    [InlineData("General Counsel", nameof(Seniority.IndividualContributor), nameof(JobFunction.Legal))]
    [InlineData("Marketing Intern", nameof(Seniority.Intern), nameof(JobFunction.Marketing))]
    [InlineData("Student", nameof(Seniority.Intern), nameof(JobFunction.Other))]
    [InlineData("Founder & CEO", nameof(Seniority.CLevel), nameof(JobFunction.Executive))]
    [InlineData("Founder", nameof(Seniority.Owner), nameof(JobFunction.Executive))]
    [InlineData("Co-Founder, Head of Growth", nameof(Seniority.Head), nameof(JobFunction.Marketing))]
    [InlineData("Executive Assistant to the CEO", nameof(Seniority.IndividualContributor), nameof(JobFunction.Operations))]
    [InlineData("VP Sales & Marketing", nameof(Seniority.VicePresident), nameof(JobFunction.Sales))]
    [InlineData("Sales Engineer", nameof(Seniority.IndividualContributor), nameof(JobFunction.Sales))]
    [InlineData("Managing Director", nameof(Seniority.CLevel), nameof(JobFunction.Executive))]
    // French
    [InlineData("Directeur Marketing", nameof(Seniority.Director), nameof(JobFunction.Marketing))]
    [InlineData("Directrice Commerciale", nameof(Seniority.Director), nameof(JobFunction.Sales))]
    [InlineData("Responsable Marketing Digital", nameof(Seniority.Manager), nameof(JobFunction.Marketing))]
    [InlineData("Chef de projet marketing", nameof(Seniority.Manager), nameof(JobFunction.Marketing))]
    [InlineData("Ingénieur logiciel", nameof(Seniority.IndividualContributor), nameof(JobFunction.Engineering))]
    [InlineData("Stagiaire Marketing", nameof(Seniority.Intern), nameof(JobFunction.Marketing))]
    [InlineData("Étudiant", nameof(Seniority.Intern), nameof(JobFunction.Other))]
    [InlineData("Fondateur", nameof(Seniority.Owner), nameof(JobFunction.Executive))]
    [InlineData("Directeur Général", nameof(Seniority.CLevel), nameof(JobFunction.Executive))]
    [InlineData("Chargée de communication", nameof(Seniority.IndividualContributor), nameof(JobFunction.Marketing))]
    [InlineData("Responsable des Ressources Humaines", nameof(Seniority.Manager), nameof(JobFunction.HumanResources))]
    [InlineData("Comptable", nameof(Seniority.IndividualContributor), nameof(JobFunction.Finance))]
    // German
    [InlineData("Leiter Marketing", nameof(Seniority.Head), nameof(JobFunction.Marketing))]
    [InlineData("Marketingleiter", nameof(Seniority.Head), nameof(JobFunction.Marketing))]
    [InlineData("Vertriebsleiterin", nameof(Seniority.Head), nameof(JobFunction.Sales))]
    [InlineData("Bereichsleiter Vertrieb", nameof(Seniority.Director), nameof(JobFunction.Sales))]
    [InlineData("Geschäftsführer", nameof(Seniority.CLevel), nameof(JobFunction.Executive))]
    [InlineData("Gründer und Geschäftsführer", nameof(Seniority.CLevel), nameof(JobFunction.Executive))]
    [InlineData("Inhaber", nameof(Seniority.Owner), nameof(JobFunction.Executive))]
    [InlineData("Softwareentwickler", nameof(Seniority.IndividualContributor), nameof(JobFunction.Engineering))]
    [InlineData("Werkstudent Marketing", nameof(Seniority.Intern), nameof(JobFunction.Marketing))]
    [InlineData("Praktikant", nameof(Seniority.Intern), nameof(JobFunction.Other))]
    [InlineData("Leiterin Personal", nameof(Seniority.Head), nameof(JobFunction.HumanResources))]
    [InlineData("Buchhaltung", nameof(Seniority.IndividualContributor), nameof(JobFunction.Finance))]
    [InlineData("Marketing Managerin", nameof(Seniority.Manager), nameof(JobFunction.Marketing))]
    // Spanish
    [InlineData("Gerente de Marketing", nameof(Seniority.Manager), nameof(JobFunction.Marketing))]
    [InlineData("Directora de Marketing", nameof(Seniority.Director), nameof(JobFunction.Marketing))]
    [InlineData("Jefe de Ventas", nameof(Seniority.Head), nameof(JobFunction.Sales))]
    [InlineData("Desarrollador de software", nameof(Seniority.IndividualContributor), nameof(JobFunction.Engineering))]
    [InlineData("Becario de Mercadotecnia", nameof(Seniority.Intern), nameof(JobFunction.Marketing))]
    [InlineData("Fundador y CEO", nameof(Seniority.CLevel), nameof(JobFunction.Executive))]
    [InlineData("Director de Finanzas", nameof(Seniority.Director), nameof(JobFunction.Finance))]
    // Italian
    [InlineData("Direttore Marketing", nameof(Seniority.Director), nameof(JobFunction.Marketing))]
    [InlineData("Responsabile Comunicazione", nameof(Seniority.Manager), nameof(JobFunction.Marketing))]
    [InlineData("Direttore Vendite", nameof(Seniority.Director), nameof(JobFunction.Sales))]
    [InlineData("Sviluppatore", nameof(Seniority.IndividualContributor), nameof(JobFunction.Engineering))]
    [InlineData("Stagista", nameof(Seniority.Intern), nameof(JobFunction.Other))]
    [InlineData("Amministratore Delegato", nameof(Seniority.CLevel), nameof(JobFunction.Executive))]
    // Portuguese
    [InlineData("Diretor de Marketing", nameof(Seniority.Director), nameof(JobFunction.Marketing))]
    [InlineData("Gerente de Vendas", nameof(Seniority.Manager), nameof(JobFunction.Sales))]
    [InlineData("Desenvolvedor", nameof(Seniority.IndividualContributor), nameof(JobFunction.Engineering))]
    [InlineData("Estagiário de Marketing", nameof(Seniority.Intern), nameof(JobFunction.Marketing))]
    [InlineData("Diretora de Recursos Humanos", nameof(Seniority.Director), nameof(JobFunction.HumanResources))]
    public void TitleMapsToSeniorityAndFunction(string title, string seniority, string function)
    {
        var result = TitleTaxonomy.Classify(title);

        Assert.Equal((Enum.Parse<Seniority>(seniority), Enum.Parse<JobFunction>(function)), result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--")]
    public void MissingTitleIsUnknown(string? title)
    {
        var seniority = TitleTaxonomy.SeniorityOf(title);
        var function = TitleTaxonomy.FunctionOf(title);

        Assert.Equal(Seniority.Unknown, seniority);
        Assert.Equal(JobFunction.Unknown, function);
    }

    [Theory]
    [InlineData("Director")]
    [InlineData("Directrice")]
    [InlineData("Electoral Director")]
    public void ShortAcronymDoesNotMatchInsideAWord(string title)
    {
        var seniority = TitleTaxonomy.SeniorityOf(title);

        Assert.Equal(Seniority.Director, seniority);
    }

    [Fact]
    public void UnrecognizedTitleIsAnIndividualContributorInOther()
    {
        var result = TitleTaxonomy.Classify("Astronaut");

        Assert.Equal((Seniority.IndividualContributor, JobFunction.Other), result);
    }

    [Theory]
    [InlineData(nameof(Seniority.VicePresident), "VP")]
    [InlineData(nameof(Seniority.CLevel), "C-level")]
    [InlineData(nameof(Seniority.IndividualContributor), "Individual contributor")]
    [InlineData(nameof(Seniority.Intern), "Intern/Student")]
    public void SeniorityHasAHumanLabel(string seniority, string expected)
    {
        var label = TitleTaxonomy.Label(Enum.Parse<Seniority>(seniority));

        Assert.Equal(expected, label);
    }

    [Fact]
    public void EveryEnumMemberHasALabel()
    {
        var seniorities = Enum.GetValues<Seniority>().Select(TitleTaxonomy.Label).ToList();
        var functions = Enum.GetValues<JobFunction>().Select(TitleTaxonomy.Label).ToList();

        Assert.Equal(seniorities.Count, seniorities.Distinct().Count());
        Assert.Equal(functions.Count, functions.Distinct().Count());
        Assert.Equal("Marketing", TitleTaxonomy.Label(JobFunction.Marketing));
    }
}
