namespace IcpScoring;

/// <summary>How an exception's message is shown on one line (stderr, a ledger reason, a log field).</summary>
internal static class ErrorText
{
    public static string FirstLine(string message)
    {
        var i = message.IndexOfAny(['\r', '\n']);
        return i < 0 ? message : message[..i];
    }
}
