using System.Text.Json.Serialization;

namespace IcpScoring.Model;

// One line of the champion's history in registry.json. Rollback is true when the version came back
// by a rollback rather than a promotion; left out of the file when false, so a plain promotion
// reads {"version","at","reason"}.
internal sealed record RegistryPromotion(
    string Version,
    DateTimeOffset At,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Rollback = false);
