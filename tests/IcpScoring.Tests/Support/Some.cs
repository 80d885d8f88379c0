namespace IcpScoring.Tests.Support;

/// <summary>Small builders for export text.</summary>
public static class Some
{
    public const string NotesPreamble =
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n";

    public const string Header2018 = "First Name,Last Name,Email Address,Company,Position,Connected On";

    public const string Header2023 = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

    /// <summary>A 2023-era export: preamble, header with URL, the rows given, and no newline after the last row.</summary>
    public static string Export2023(params string[] rows) => NotesPreamble + Header2023 + "\n" + string.Join("\n", rows);

    public static string Row2023(string first = "Ana", string last = "Nair", string url = "https://www.linkedin.com/in/ana-nair-1a", string email = "",
        string company = "Northwind", string position = "Head of Marketing", string connectedOn = "21 May 2023") =>
        string.Join(",", first, last, url, email, company, position, connectedOn);
}
