using System.Globalization;
using IcpScoring.Storage;

namespace IcpScoring.Tests.Storage;

// Test data for the store: hashes that look like the pipeline's, and scored rows.
internal static class StoreSome
{
    public static string Sha(int n) => n.ToString("x64", CultureInfo.InvariantCulture);

    public static FileCounts Counts => new(DataRows: 120, Connections: 110, Hidden: 4, Duplicates: 7, Rejected: 3);

    public static SnapshotRow Row(string key, double probability = 0.8, DateOnly? connectedOn = null) => new(
        Key: key,
        Title: "VP Marketing",
        Company: "Acme",
        Industry: "Software Development",
        CompanySize: "51-200",
        Seniority: "VP",
        Function: "Marketing",
        Probability: probability,
        Tier: probability >= 0.75 ? "A" : "C",
        IsMatch: probability >= 0.5,
        IsHidden: false,
        HasFirmographics: true,
        ConnectedOn: connectedOn ?? new DateOnly(2024, 2, 29));

    public static long Claim(this PipelineStore store, int n, string claimant = "host-a:1")
    {
        Assert.Equal(ClaimOutcome.Claimed, store.TryClaim(Sha(n), $"inbox/acme/{n}.csv", "acme", "2026-02", claimant, TimeSpan.FromMinutes(10), out var entry));
        return entry.Id;
    }

    public static SnapshotInfo WriteSnapshot(this PipelineStore store, string account, string month, params string[] keys)
    {
        var ledgerId = store.Claim(store.Ledger().Count + 1000);
        using var writer = store.BeginSnapshot(account, month, ledgerId, "v1");
        foreach (var key in keys)
        {
            writer.Add(Row(key));
        }

        writer.Commit(keys.Length, 0, keys.Length, keys.Length, keys.Length, "{}");
        return store.Snapshot(account, month)!;
    }
}
