using UglyToad.PdfPig.Content;

namespace Ingest.Formats.Pdf;

/// <summary>
/// Groups a page's letters into words in one pass over the content stream. Word processors and
/// LibreOffice draw each line's text left to right, so a word is a run of consecutive letters on
/// one baseline with no space letter and no gap wider than a fifth of a letter between them (the
/// limit PdfPig's nearest-neighbour extractor uses). That extractor compares every letter with its
/// neighbours in a tree and cost half the time of reading a page; the stream order gives the same
/// words for a fraction of it. Letters drawn out of order only split a word, never merge two, and
/// the layout sorts words by position afterwards.
/// </summary>
internal static class LetterWords
{
    /// <summary>Largest gap inside a word, as a share of the wider of the two letters.</summary>
    private const double MaxGapShare = 0.2;

    /// <summary>
    /// Adds to <paramref name="words"/> the start index and length of every word in
    /// <paramref name="letters"/>, in stream order; whitespace letters belong to no word.
    /// </summary>
    public static void Split(IReadOnlyList<Letter> letters, List<(int Start, int Count)> words)
    {
        var start = -1;
        var wordLeft = 0.0;
        for (var i = 0; i < letters.Count; i++)
        {
            var letter = letters[i];
            if (letter.Value.Length == 0 || string.IsNullOrWhiteSpace(letter.Value))
            {
                if (start >= 0)
                {
                    words.Add((start, i - start));
                    start = -1;
                }

                continue;
            }

            if (start >= 0 && !Continues(letters[i - 1], letter, wordLeft))
            {
                words.Add((start, i - start));
                start = -1;
            }

            if (start < 0)
            {
                start = i;
                wordLeft = letter.StartBaseLine.X;
            }
        }

        if (start >= 0)
        {
            words.Add((start, letters.Count - start));
        }
    }

    /// <summary>
    /// The letter goes on the word its predecessor ends: same baseline, no wide gap, and not drawn
    /// back before the word's start (a new run of text placed elsewhere on the line). A small step
    /// back is kerning or an accent drawn over its base letter.
    /// </summary>
    private static bool Continues(Letter previous, Letter letter, double wordLeft)
    {
        var limit = MaxGapShare * Math.Max(
            Math.Max(Math.Abs(previous.Width), Math.Abs(letter.Width)),
            Math.Max(Math.Abs(previous.BoundingBox.Width), Math.Abs(letter.BoundingBox.Width)));
        var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
        var rise = Math.Abs(letter.StartBaseLine.Y - previous.EndBaseLine.Y);
        return rise <= limit && gap <= limit && letter.StartBaseLine.X >= wordLeft - limit;
    }
}
