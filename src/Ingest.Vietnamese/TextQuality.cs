namespace Ingest.Vietnamese;

/// <summary>How much of a text is made of attested Vietnamese syllables.</summary>
/// <param name="Words">Words counted: letter runs of two or more letters, leaving out upper-case ASCII acronyms ("TW", "XIII") that are not syllables.</param>
/// <param name="ValidSyllables">Of those, the words that are attested Vietnamese syllables (in any case and tone style).</param>
public readonly record struct TextQualityScore(int Words, int ValidSyllables)
{
    /// <summary>Fewer words than this say too little to judge a page by.</summary>
    public const int MinimumWords = 20;

    /// <summary>A page below this share of valid syllables is "mostly invalid": bad OCR, a wrong encoding, or a font without a Unicode map.</summary>
    public const double MostlyInvalidBelow = 0.5;

    /// <summary>Share of valid syllables, 1 for a text without words.</summary>
    public double ValidRatio => Words == 0 ? 1 : (double)ValidSyllables / Words;

    /// <summary>True when there are enough words and fewer than half are valid syllables.</summary>
    public bool IsMostlyInvalid => Words >= MinimumWords && ValidRatio < MostlyInvalidBelow;

    /// <summary>Adds two scores (e.g. the blocks of one page).</summary>
    public static TextQualityScore operator +(TextQualityScore left, TextQualityScore right) =>
        new(left.Words + right.Words, left.ValidSyllables + right.ValidSyllables);
}

/// <summary>
/// Measures text by syllable validity, to flag pages whose text layer is garbage (and, for PDFs,
/// to decide that a page needs OCR). Thread-safe; allocates nothing per word.
/// </summary>
public static class TextQuality
{
    /// <summary>Scores <paramref name="text"/> (any normalisation form; decomposed words are composed first).</summary>
    public static TextQualityScore Measure(ReadOnlySpan<char> text)
    {
        var lexicon = SyllableLexicon.Instance;
        var score = default(TextQualityScore);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hasMark = false;
            while (i < text.Length && IsWordChar(text[i]))
            {
                hasMark |= !char.IsLetter(text[i]);
                i++;
            }

            var word = text[start..i];
            if (word.Length >= 2)
            {
                score += Score(word, IsAttested(lexicon, word, hasMark));
            }
        }

        return score;
    }

    /// <summary>
    /// What one word adds to a score: words of one letter count for nothing, and upper-case ASCII
    /// acronyms ("TW", "XIII") count only when they are syllables ("HOA").
    /// </summary>
    internal static TextQualityScore Score(ReadOnlySpan<char> word, bool attested)
    {
        if (word.Length < 2)
        {
            return default;
        }

        if (IsAsciiUpper(word))
        {
            return attested ? new TextQualityScore(1, 1) : default;
        }

        return new TextQualityScore(1, attested ? 1 : 0);
    }

    private static bool IsAttested(SyllableLexicon lexicon, ReadOnlySpan<char> word, bool hasMark)
    {
        return hasMark
            ? lexicon.TryGetId(MarkComposer.Compose(word.ToString()), out _)
            : lexicon.TryGetId(word, out _);
    }

    private static bool IsAsciiUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is >= '\u0300' and <= '\u036F';
}
