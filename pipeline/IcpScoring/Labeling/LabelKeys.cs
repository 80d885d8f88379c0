using System.Security.Cryptography;
using System.Text;
using IcpScoring.Normalization;
using IcpScoring.Pipeline;

namespace IcpScoring.Labeling;

/// <summary>
/// Which person a label is about, as the opaque key snapshots give them (SnapshotKeys): by profile
/// URL, else by name. A labeled row with neither (a label queue made from the database, a file of
/// titles) is known by what it says of the person: title, company, industry and size.
/// </summary>
internal static class LabelKeys
{
    public static string For(Connection c) =>
        !c.IsHidden && (c.ProfileUrl.Length > 0 || c.Name.Length > 0)
            ? SnapshotKeys.For(c, 0)
            : ForInputs(c.Title, c.Company, c.Industry?.Label ?? "", c.CompanySize?.Label ?? "");

    public static string ForInputs(string title, string company, string industry, string size)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(Inputs(title, company, industry, size)), hash);
        return "inputs-" + Convert.ToHexStringLower(hash[..12]);
    }

    /// <summary>A person's inputs as one comparable string: the cleaned title, the company as the duplicate filter compares it, industry and size.</summary>
    public static string Inputs(string title, string company, string industry, string size) =>
        $"{TitleCleaner.Clean(title).ToUpperInvariant()}\u001f{CompanyNames.Key(company)}\u001f{industry}\u001f{size}";
}
