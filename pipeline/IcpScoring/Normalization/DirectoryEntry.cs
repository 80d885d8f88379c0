namespace IcpScoring.Normalization;

// One company of the company directory, with its industry and size already normalized
// (null where the directory's value is empty or not recognized).
internal sealed record DirectoryEntry(string Company, Industry? Industry, CompanySize? Size, string? Domain);
