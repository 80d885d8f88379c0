namespace IcpScoring.Normalization;

// A LinkedIn company-size bucket. Ordinal runs 1 (A, self-employed) to 9 (I, 10,001+) so the model
// can treat size as ordered; MaxEmployees is null for the open-ended top bucket.
internal sealed record CompanySize(char Code, string Label, int Ordinal, int MinEmployees, int? MaxEmployees);
