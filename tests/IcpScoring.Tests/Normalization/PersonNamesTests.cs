using IcpScoring.Normalization;

namespace IcpScoring.Tests.Normalization;

public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("Ana Nair", "Ana", "Nair")]
    [InlineData("Mary Ann Smith", "Mary Ann", "Smith")]
    [InlineData("Ivana de la Fuente", "Ivana", "de la Fuente")]
    [InlineData("Jan van der Berg", "Jan", "van der Berg")]
    [InlineData("Ana Pérez, PhD", "Ana", "Pérez, PhD")]
    [InlineData("Dr. Ana Pérez", "Ana", "Pérez")]
    [InlineData("Dr. Okafor", "", "Okafor")]
    [InlineData("Ana", "Ana", "")]
    [InlineData("Van Morrison", "Van", "Morrison")]
    [InlineData("", "", "")]
    public void AFullNameSplitsIntoTheFirstAndLastNameACrmExpects(string full, string first, string last) =>
        Assert.Equal((first, last), PersonNames.Split(full));
}
