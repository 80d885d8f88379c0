using IcpScoring.Model;

namespace IcpScoring.Reports;

/// <summary><c>portfolio.json</c>: every member of <see cref="PortfolioReport"/>, written like <see cref="PoolJson"/>.</summary>
internal static class PortfolioJson
{
    public static string Serialize(PortfolioReport p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return ReportJson.Serialize(p);
    }

    public static void Write(string path, PortfolioReport p) => AtomicFiles.WriteAllText(path, Serialize(p));
}
