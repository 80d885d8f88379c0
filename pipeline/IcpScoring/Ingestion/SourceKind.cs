namespace IcpScoring.Ingestion;

/// <summary>The tool that wrote an export, as its header tells.</summary>
internal enum SourceKind
{
    /// <summary>LinkedIn's own Connections.csv (any era), possibly with enrichment columns added.</summary>
    LinkedIn,
    Apollo,
    SalesNavigator,
    Phantombuster,

    /// <summary>Any other header whose names the aliases understand.</summary>
    Custom,
}
