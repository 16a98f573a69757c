namespace Ingest.Vietnamese;

/// <summary>
/// Tells decodings apart by how much of the result is valid Vietnamese: each word holding a
/// non-ASCII character counts +1 when it is an attested syllable and -1 when it is not. ASCII words
/// read the same in every candidate, so they carry no evidence. Clean Unicode Vietnamese scores high
/// and every legacy re-reading of it scores low, which is why detection never fires on it.
/// </summary>
internal static class LegacyDetection
{
    /// <summary>The legacy encodings tried, in the order ties are broken.</summary>
    public static readonly SourceEncoding[] Candidates =
        [SourceEncoding.Tcvn3, SourceEncoding.Vni, SourceEncoding.Viscii, SourceEncoding.Windows1258];

    // Enough text to decide on; scoring a whole 50 MB file would add nothing but time.
    private const int SampleLength = 200_000;

    /// <summary>Valid minus invalid non-ASCII words in (a prefix of) <paramref name="text"/>.</summary>
    public static int Evidence(ReadOnlySpan<char> text)
    {
        var (valid, invalid) = Count(text);
        return valid - invalid;
    }

    /// <summary>
    /// True when at least a quarter of the non-ASCII words are not Vietnamese syllables: text worth
    /// trying other decodings for. Clean text with the odd foreign name ("Lênin") is not.
    /// </summary>
    public static bool IsSuspicious((int Valid, int Invalid) counts) =>
        counts.Invalid > 0 && counts.Invalid * 4 >= counts.Valid + counts.Invalid;

    /// <summary>Non-ASCII words of (a prefix of) <paramref name="text"/> that are, and are not, attested syllables.</summary>
    public static (int Valid, int Invalid) Count(ReadOnlySpan<char> text)
    {
        if (text.Length > SampleLength)
        {
            text = text[..SampleLength];
        }

        var lexicon = SyllableLexicon.Instance;
        int valid = 0, invalid = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var nonAscii = false;
            var hasMark = false;
            while (i < text.Length && IsWordChar(text[i]))
            {
                nonAscii |= text[i] >= 0x80;
                hasMark |= text[i] is >= '\u0300' and <= '\u036F';
                i++;
            }

            if (!nonAscii)
            {
                continue;
            }

            var word = text[start..i];
            var attested = hasMark
                ? lexicon.TryGetId(MarkComposer.Compose(word.ToString()), out _)
                : lexicon.TryGetId(word, out _);
            if (attested)
            {
                valid++;
            }
            else
            {
                invalid++;
            }
        }

        return (valid, invalid);
    }

    // Latin-1 symbols (© ¬ µ ¶ ...) are TCVN3 letters read as Windows-1252, so they belong to words;
    // Unicode punctuation (curly quotes, dashes) separates words.
    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || c is >= '\u0300' and <= '\u036F' || (c is >= '\u0080' and <= '\u00FF' && !char.IsWhiteSpace(c));
}
