namespace IcpScoring.Storage;

// Sql may hold several statements; they run in one transaction together with the version row.
internal sealed record StoreMigration(int Version, string Sql);
