namespace IcpScoring.Samples;

internal sealed record Person(string FirstName, string LastName, string Slug)
{
    public string ProfileUrl => "https://www.linkedin.com/in/" + Slug;
}
