namespace IcpScoring.Tests;

public class BuildTests
{
    [Fact]
    public void SolutionBuilds() => Assert.True(true);
}
