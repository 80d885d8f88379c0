namespace IcpScoring.Normalization;

// A company directory that cannot be used: bad configuration, so it stops the run with a message
// that names the file and what is wrong with it.
internal sealed class CompanyDirectoryException(string message) : Exception(message);
