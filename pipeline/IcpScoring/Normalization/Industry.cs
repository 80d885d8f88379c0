namespace IcpScoring.Normalization;

// A LinkedIn industry (V2 taxonomy). LabelV1 is the pre-2022 name where the id already existed in V1.
internal sealed record Industry(int Id, string Label, string? LabelV1, string TopLevel);
