using System.Globalization;

namespace IcpScoring.Storage;

// How values are spelled in the database. Timestamps are fixed-width ISO-8601 UTC text, so that
// comparing them as text orders them in time and PostgreSQL can cast them to timestamptz.
internal static class StoreValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DateFormat = "yyyy-MM-dd";

    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static string Status(FileStatus status) => status switch
    {
        FileStatus.Processing => "processing",
        FileStatus.Done => "done",
        FileStatus.Failed => "failed",
        FileStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static FileStatus Status(string text) => text switch
    {
        "processing" => FileStatus.Processing,
        "done" => FileStatus.Done,
        "failed" => FileStatus.Failed,
        "skipped" => FileStatus.Skipped,
        _ => throw new InvalidDataException($"unknown ledger status '{text}'"),
    };
}
