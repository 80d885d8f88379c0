using System.Globalization;

namespace IcpScoring.Ingestion;

/// <summary>
/// Parses every way <c>Connected On</c> has been written since 2018. A file repeats the same few
/// hundred dates many times, so parsed values are cached.
/// </summary>
internal sealed class ConnectedOnParser
{
    private const int MaxCached = 20_000;

    private static readonly string[] UsDateTimeFormats = ["M/d/yy, h:mm tt", "M/d/yyyy, h:mm tt", "M/d/yy h:mm tt", "M/d/yyyy h:mm tt"];
    private static readonly string[] DayMonthYearFormats = ["d MMM yyyy", "dd MMM yyyy", "d MMMM yyyy"];
    private static readonly string[] ExcelFormats = ["d-MMM-yy", "dd-MMM-yy", "d-MMM-yyyy", "dd-MMM-yyyy"];
    private static readonly string[] OtherFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy-MM-dd HH:mm:ss",
        "M/d/yyyy", "M/d/yy", "MMM d, yyyy", "MMMM d, yyyy",
    ];

    private readonly Dictionary<string, (DateOnly? Date, DateStyle Style)> _cache = new(StringComparer.Ordinal);

    /// <summary>Parses a non-empty value; false when it is not a date in any known style.</summary>
    public bool TryParse(string value, out DateOnly date, out DateStyle style)
    {
        if (!_cache.TryGetValue(value, out var hit))
        {
            hit = Parse(value);
            if (_cache.Count < MaxCached)
            {
                _cache[value] = hit;
            }
        }

        date = hit.Date.GetValueOrDefault();
        style = hit.Style;
        return hit.Date.HasValue;
    }

    private static (DateOnly?, DateStyle) Parse(string value)
    {
        var s = value.Trim();
        if (TryExact(s, UsDateTimeFormats, out var d))
        {
            return (d, DateStyle.UsDateTime);
        }

        if (TryExact(s, DayMonthYearFormats, out d))
        {
            return (d, DateStyle.DayMonthYear);
        }

        if (TryExact(s, ExcelFormats, out d))
        {
            return (d, DateStyle.ExcelDayMonthYear);
        }

        if (TryExact(s, OtherFormats, out d))
        {
            return (d, DateStyle.Other);
        }

        return (null, DateStyle.None);
    }

    private static bool TryExact(string s, string[] formats, out DateOnly date)
    {
        if (DateTime.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }

        date = default;
        return false;
    }
}
