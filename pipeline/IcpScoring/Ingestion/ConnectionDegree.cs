namespace IcpScoring.Ingestion;

/// <summary>
/// How far a person is from the account in LinkedIn's network. Only 1st-degree connections can be
/// messaged without InMail; the others are leads outside the network.
/// </summary>
internal enum ConnectionDegree
{
    /// <summary>The file says nothing (no degree column, or an empty cell): counted as a 1st-degree connection.</summary>
    Unknown,
    First,
    Second,

    /// <summary>3rd degree or beyond (LinkedIn's "3rd+").</summary>
    Third,
    OutOfNetwork,
}
