namespace Ingest.Formats.Pdf;

/// <summary>
/// A word placed on a page, in a coordinate system with y growing upwards (PDF user space; OCR
/// pixel boxes are flipped into it). Layout thresholds are multiples of <see cref="Size"/>, so the
/// same analysis serves points and pixels.
/// </summary>
/// <param name="Text">The word's text.</param>
/// <param name="Left">Left edge.</param>
/// <param name="Right">Right edge.</param>
/// <param name="Bottom">Lower edge.</param>
/// <param name="Top">Upper edge.</param>
/// <param name="Size">Font size, or the glyph height where no font size is known.</param>
/// <param name="Bold">Drawn in a bold font.</param>
/// <param name="Italic">Drawn in an italic font.</param>
/// <param name="NoteMark">A superscript note number was removed from the start of the word.</param>
internal readonly record struct PageWord(string Text, double Left, double Right, double Bottom, double Top, double Size, bool Bold, bool Italic, bool NoteMark = false)
{
    public double Middle => (Top + Bottom) / 2;
}

/// <summary>The words of one page, from its text layer or from OCR.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Width">Page width in the words' units.</param>
/// <param name="Height">Page height in the words' units.</param>
/// <param name="Words">The words, in any order.</param>
/// <param name="Recognized">True when the words come from OCR: their sizes are box heights, which vary from line to line.</param>
internal sealed record PageText(int Number, double Width, double Height, IReadOnlyList<PageWord> Words, bool Recognized = false);
