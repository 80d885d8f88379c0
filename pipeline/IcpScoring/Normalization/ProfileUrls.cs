namespace IcpScoring.Normalization;

/// <summary>LinkedIn profile URLs in one form, so the same person is recognised however the URL was written.</summary>
internal static class ProfileUrls
{
    /// <summary>
    /// <c>https://www.linkedin.com/in/slug</c> for a LinkedIn profile (scheme, host, query, fragment,
    /// trailing slash and the case of /in/ slugs normalized); other values trimmed as they are; "" for none.
    /// </summary>
    public static string Canonical(string? url)
    {
        var s = url?.Trim() ?? "";
        if (s.Length == 0)
        {
            return "";
        }

        var cut = s.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            s = s[..cut];
        }

        s = s.TrimEnd('/');
        var at = s.IndexOf("linkedin.com/", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return s;
        }

        // Vanity slugs (/in/...) ignore case; Sales Navigator ids (/sales/lead/ACwAA...) do not.
        var path = Uri.UnescapeDataString(s[(at + "linkedin.com/".Length)..]);
        return "https://www.linkedin.com/" + (path.StartsWith("in/", StringComparison.OrdinalIgnoreCase) ? path.ToLowerInvariant() : path);
    }
}
