namespace IcpScoring.Samples;

// One row of a native LinkedIn export, with its quirks already baked into the values.
internal sealed record Connection(
    int Id,
    string FirstName,
    string LastName,
    string Url,
    string Email,
    string Company,
    string Position,
    DateTime ConnectedOn,
    Quirk Quirks)
{
    public bool IsHidden => Quirks.HasFlag(Quirk.Hidden);
}
