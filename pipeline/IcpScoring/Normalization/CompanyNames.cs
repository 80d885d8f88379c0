namespace IcpScoring.Normalization;

// The key two spellings of one company share: "ACME, Inc.", "Acme Inc" and "acme" all give "acme";
// "Müller & Söhne GmbH & Co. KG" gives "muller and sohne". Case, accents and punctuation go, & is
// "and", and legal-form suffixes are removed from the end, repeatedly ("Acme Co., Ltd." → "acme").
// The first word is never removed, so a name that is only a legal form ("AG") keeps it.
internal static class CompanyNames
{
    // Periods are already gone ("S.A." is "sa", "L.L.C." is "llc"); slashes separate ("A/S" is "a s").
    private static readonly HashSet<string> _legalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "ltd", "limited", "llc", "gmbh", "mbh", "ag", "sa", "s a", "sas", "s a s", "sarl", "bv",
        "nv", "pvt", "pvt ltd", "private limited", "plc", "co", "corp", "corporation", "oy", "oyj", "ab", "publ",
        "as", "a s", "asa", "aps", "spa", "s p a", "srl", "s r l", "kg", "kgaa", "ohg", "ug", "se", "pty", "pty ltd",
        "llp", "lp", "sl", "slu", "sau", "ltda", "pte", "pte ltd", "sdn bhd", "bhd", "sro", "kft", "bvba", "sprl",
        "lda", "ltee", "cv", "sa de cv", "sab de cv",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _legalFormsSpan =
        _legalForms.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Key(string? companyName)
    {
        if (string.IsNullOrWhiteSpace(companyName))
        {
            return string.Empty;
        }

        Span<char> buffer = companyName.Length <= TextKey.StackInputLimit
            ? stackalloc char[TextKey.MaxKeyLength(TextKey.StackInputLimit)]
            : new char[TextKey.MaxKeyLength(companyName.Length)];
        var key = buffer[..TextKey.Write(companyName, buffer, dropAnd: false)];
        while (TryStripLast(ref key))
        {
        }

        return new string(key);
    }

    // Removes one trailing legal form (up to three words, the longest first), or an "and" left
    // dangling by one ("GmbH & Co. KG"). Never removes the first word.
    private static bool TryStripLast(ref Span<char> key)
    {
        var cut = key.Length;
        for (var words = 1; words <= 3; words++)
        {
            var space = key[..cut].LastIndexOf(' ');
            if (space < 0)
            {
                break;
            }

            cut = space;
        }

        // Candidate starts after each of the last three spaces, farthest first: "sa de cv" before "cv".
        for (var start = cut; start < key.Length; start = NextWordStart(key, start))
        {
            var tail = key[(start + 1)..];
            if (_legalFormsSpan.Contains(tail) || tail.SequenceEqual("and"))
            {
                key = key[..start];
                return true;
            }
        }

        return false;
    }

    private static int NextWordStart(ReadOnlySpan<char> key, int start)
    {
        var next = key[(start + 1)..].IndexOf(' ');
        return next < 0 ? key.Length : start + 1 + next;
    }
}
