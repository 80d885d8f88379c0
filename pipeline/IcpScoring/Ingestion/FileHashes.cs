using System.Security.Cryptography;

namespace IcpScoring.Ingestion;

/// <summary>The identity of an input file's content: the ledger and model metadata key files by it.</summary>
internal static class FileHashes
{
    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
