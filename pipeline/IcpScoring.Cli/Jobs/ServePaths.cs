namespace IcpScoring.Cli.Jobs;

/// <summary>The folders and database <c>icp serve</c> works on, from its options or the settings; <paramref name="SpillFolder"/> holds snapshot rows on their way to a PostgreSQL database.</summary>
internal sealed record ServePaths(string Inbox, string Out, string Database, string ModelsDir, string? SpillFolder = null);
