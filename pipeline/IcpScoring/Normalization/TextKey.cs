namespace IcpScoring.Normalization;

// Turns free text into a matching key: lower-case, accent-free words separated by single spaces.
// Periods and apostrophes join their neighbours ("S.A." → "sa", "McDonald's" → "mcdonalds") so that
// abbreviations match their unpunctuated spelling; every other non-letter separates words.
internal static class TextKey
{
    // Inputs up to this length build their key on the stack.
    public const int StackInputLimit = 128;

    // Room a key of text this long may need: & can become "and " (4 chars), ß becomes "ss".
    public static int MaxKeyLength(int textLength) => (textLength * 4) + 4;

    public static int Write(ReadOnlySpan<char> text, Span<char> destination, bool dropAnd)
    {
        var length = 0;
        var wordStart = 0;
        Span<char> folded = stackalloc char[2];
        foreach (var c in text)
        {
            if (c is '.' or '\'' or '’')
            {
                continue;
            }

            if (c == '&')
            {
                EndWord(destination, ref length, ref wordStart, dropAnd);
                if (!dropAnd)
                {
                    if (length > 0)
                    {
                        destination[length++] = ' ';
                        wordStart = length;
                    }

                    "and".CopyTo(destination[length..]);
                    length += 3;
                    EndWord(destination, ref length, ref wordStart, dropAnd);
                }

                continue;
            }

            var n = TextFolding.Fold(c, folded);
            if (n == 0)
            {
                EndWord(destination, ref length, ref wordStart, dropAnd);
                continue;
            }

            if (length == wordStart && length > 0)
            {
                destination[length++] = ' ';
                wordStart = length;
            }

            folded[..n].CopyTo(destination[length..]);
            length += n;
        }

        EndWord(destination, ref length, ref wordStart, dropAnd);
        return length;
    }

    public static string Build(string text, bool dropAnd)
    {
        Span<char> buffer = text.Length <= StackInputLimit
            ? stackalloc char[MaxKeyLength(StackInputLimit)]
            : new char[MaxKeyLength(text.Length)];
        return new string(buffer[..Write(text, buffer, dropAnd)]);
    }

    // Called at every separator: the word just written (if any) is complete. Each word after the
    // first is preceded by one space, written lazily so no trailing space is ever left behind.
    private static void EndWord(Span<char> destination, ref int length, ref int wordStart, bool dropAnd)
    {
        if (length == wordStart)
        {
            return;
        }

        if (dropAnd && destination[wordStart..length].SequenceEqual("and"))
        {
            length = wordStart == 0 ? 0 : wordStart - 1;
        }

        wordStart = length;
    }
}
