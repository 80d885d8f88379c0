namespace IcpScoring.Samples;

// Label is LinkedIn's V2 label; ApolloLabel is the lower-case V1 name Apollo writes.
internal sealed record Industry(string Label, string ApolloLabel, bool IsIcp, int Weight, bool Incorporated, string[] Words);
