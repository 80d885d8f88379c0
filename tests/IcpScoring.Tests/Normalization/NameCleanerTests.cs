using IcpScoring.Normalization;

namespace IcpScoring.Tests.Normalization;

public class NameCleanerTests
{
    [Theory]
    [InlineData("Ana", "Ana")]
    [InlineData("Ana • 3rd", "Ana")]
    [InlineData("Ana • 3rd+", "Ana")]
    [InlineData("José (He/Him) 🚀", "José")]
    [InlineData("Zoë [she/her]", "Zoë")]
    [InlineData("  María   José  ", "María José")]
    [InlineData("Dr. Jürgen Müller", "Dr. Jürgen Müller")]
    [InlineData("Jean-Luc", "Jean-Luc")]
    [InlineData("Ana Pérez | Growth Marketer", "Ana Pérez")]
    [InlineData("Ana Pérez - B2B Marketing", "Ana Pérez")]
    [InlineData("O'Brien ✨", "O'Brien")]
    public void JunkIsRemovedFromName(string raw, string expected)
    {
        var cleaned = NameCleaner.Clean(raw);

        Assert.Equal(expected, cleaned);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" 🚀 ")]
    public void NameWithoutLettersIsEmpty(string? raw)
    {
        var cleaned = NameCleaner.Clean(raw);

        Assert.Equal(string.Empty, cleaned);
    }
}
