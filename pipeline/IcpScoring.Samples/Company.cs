namespace IcpScoring.Samples;

// Name is how people write it in exports; DirectoryName is how companies.csv writes it
// (deliberately different in some rows so matching has to normalize).
internal sealed record Company(
    string Name,
    string BaseName,
    string DirectoryName,
    bool InDirectory,
    Industry Industry,
    SizeBucket Size,
    int Employees,
    string Domain,
    long LinkedinId)
{
    public bool IsIcp => Industry.IsIcp && Size.IsIcp;
}
