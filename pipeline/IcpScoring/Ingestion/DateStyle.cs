namespace IcpScoring.Ingestion;

/// <summary>How a <c>Connected On</c> value was written; it tells the export's era.</summary>
internal enum DateStyle
{
    None,

    /// <summary><c>1/8/18, 6:14 PM</c>: LinkedIn until 2019.</summary>
    UsDateTime,

    /// <summary><c>14 Feb 2020</c>: LinkedIn since 2020.</summary>
    DayMonthYear,

    /// <summary><c>9-Sep-22</c>: a LinkedIn file re-saved by Excel.</summary>
    ExcelDayMonthYear,

    /// <summary><c>2023-05-21</c> or <c>5/21/2023</c>: enriched exports and other tools.</summary>
    Other,
}
