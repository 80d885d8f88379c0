namespace IcpScoring.Samples;

internal sealed record Location(string City, string State, string Country)
{
    public string Display => City + ", " + State + ", " + Country;
}
