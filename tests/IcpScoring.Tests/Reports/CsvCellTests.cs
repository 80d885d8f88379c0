using IcpScoring.Reports;

namespace IcpScoring.Tests.Reports;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData("\uFF1D1+1", "'\uFF1D1+1")]
    public void CellsThatASpreadsheetWouldRunAsAFormulaStartWithAnApostrophe(string value, string expected)
    {
        var escaped = CsvCell.Escape(value);

        Assert.Equal(expected, escaped);
    }

    [Theory]
    [InlineData("Head of Marketing", "Head of Marketing")]
    [InlineData("Contoso, GmbH", "\"Contoso, GmbH\"")]
    [InlineData("The \"Growth\" team", "\"The \"\"Growth\"\" team\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData("Zoë 2+2=4", "Zoë 2+2=4")]
    public void OrdinaryCellsAreQuotedOnlyWhenRfc4180NeedsIt(string value, string expected)
    {
        var escaped = CsvCell.Escape(value);

        Assert.Equal(expected, escaped);
    }
}
