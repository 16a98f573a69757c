using System.Text;
using System.Text.RegularExpressions;
using Ingest.Model;
using Ingest.Structure.Lines;
using Ingest.Structure.Sections;
using Ingest.Structure.Text;

namespace Ingest.Structure.Body;

/// <summary>
/// Joins body lines back into paragraphs. A line continues the previous one when the previous line
/// did not end a clause, when it starts with a lower-case letter, or when the previous line filled the
/// wrap width; labelled lines, bullets, headings and lines in capitals stay apart. Across a blank line
/// (a page break in exports: "... cán bộ lãnh đạo,\n\nquản lý nhận thức ...") a paragraph continues only
/// when it clearly did not end. One pass, linear in the number of lines. Pure and thread-safe.
/// </summary>
internal static partial class ParagraphAssembler
{
    /// <summary>A line at least this share of the wrap width was wrapped, not ended.</summary>
    private const double FullLineShare = 0.8;

    /// <summary>Blocks wrapped at a width above this are not hard-wrapped text but one line per paragraph.</summary>
    private const int MaxWrapWidth = 150;

    /// <summary>Without a known wrap width, a line this long that stops mid-sentence was wrapped (typed pages wrap at 60-100).</summary>
    private const int MinWrappedLine = 50;

    /// <summary>A paragraph this long that stops mid-word at a page break continues on the next page.</summary>
    private const int LongParagraphLine = 120;

    /// <summary>
    /// The wrap width of hard-wrapped text in a whole file (PDF text, one block per line), or null when
    /// lines are not wrapped: the 90th percentile of line lengths, when that is a plausible width.
    /// </summary>
    public static int? EstimateFileWrapWidth(IReadOnlyList<SourceLine> lines)
    {
        var lengths = lines.Where(l => l.Text.Length >= 20).Select(l => l.Text.Length).OrderBy(l => l).ToArray();
        if (lengths.Length < 20)
        {
            return null;
        }

        var p90 = lengths[(int)(lengths.Length * 0.9)];
        return p90 <= MaxWrapWidth ? p90 : null;
    }

    public static List<BodyParagraph> Assemble(IReadOnlyList<SourceLine> lines, int? fileWrapWidth)
    {
        var blockWidths = BlockWrapWidths(lines);
        var paragraphs = new List<BodyParagraph>();
        var text = new StringBuilder();
        SourceLine? first = null;
        SourceLine? previous = null;
        var span = SourceSpan.None;
        var mayContinue = false;

        void Flush()
        {
            if (first is not null && text.Length > 0)
            {
                var joined = text.ToString();
                paragraphs.Add(new BodyParagraph(joined, span, first)
                {
                    MayContinuePrevious = mayContinue,
                    LooksLikeHeading = first.InHeading || first.IsStyled || TextShape.IsCapitals(joined),
                });
            }

            text.Clear();
            first = null;
            span = SourceSpan.None;
        }

        foreach (var line in lines)
        {
            if (PageNumberPattern().IsMatch(line.Text))
            {
                // A page number between two halves of a paragraph must not stop them joining.
                continue;
            }

            if (TextShape.HasNoWords(line.Text))
            {
                Flush();
                previous = null;
                continue;
            }

            if (first is not null && previous is not null && ShouldJoin(previous, line, first, blockWidths, fileWrapWidth))
            {
                text.Append(' ').Append(line.Text);
                span = span.Cover(line.Span);
                previous = line;
                continue;
            }

            // Only a wrapped line can run on into a label: "... Kết luận số\n01-KL/TW" is wrapped, a short
            // heading "1. Về nội dung văn kiện\na) ..." is not.
            var continuesBlock = previous is not null && previous.BlockIndex == line.BlockIndex && !TextShape.EndsClause(previous.Text)
                && IsWrapped(previous, blockWidths, fileWrapWidth);
            Flush();
            first = line;
            mayContinue = continuesBlock;
            text.Append(line.Text);
            span = line.Span;
            previous = line;
        }

        Flush();
        return paragraphs;
    }

    private static bool ShouldJoin(SourceLine previous, SourceLine next, SourceLine paragraphStart, Dictionary<int, int> blockWidths, int? fileWrapWidth)
    {
        var sameBlock = previous.BlockIndex == next.BlockIndex;
        if (previous.InTable || next.InTable)
        {
            return false;
        }

        if (previous.InHeading || next.InHeading)
        {
            // The lines of one heading block are one heading; a heading never absorbs body text.
            return sameBlock;
        }

        if (BulletMarker.TryParse(next.Text, out var marker, out var afterBullet))
        {
            // "... kinh tế\n- xã hội": a hyphen of running text that a wrap put at the line start.
            // Bulleted items start with a capital, so a lower-case start after "-" continues the line.
            return sameBlock && marker == "-" && !TextShape.EndsClause(previous.Text) && TextShape.StartsLowerCase(afterBullet);
        }

        var paragraphHasLabel = SectionLabel.Parse(paragraphStart.Text).Count > 0;
        if (SectionLabel.Parse(next.Text).Count > 0)
        {
            return false;
        }

        var previousCapitals = TextShape.IsCapitals(previous.Text);
        var nextCapitals = TextShape.IsCapitals(next.Text);
        if (previousCapitals || nextCapitals)
        {
            // A long heading in capitals wrapped over lines: "IV- NHIỆM VỤ CỦA ...\nTRỰC THUỘC ...".
            return previousCapitals && nextCapitals && paragraphHasLabel && TextShape.IsCapitals(paragraphStart.Text)
                && !TextShape.EndsClause(previous.Text);
        }

        if (sameBlock)
        {
            if (TextShape.StartsLowerCase(next.Text))
            {
                return true;
            }

            // A capital after a line that did not end a clause continues it only if that line was wrapped;
            // a short unpunctuated line is a heading ("2. Về công tác nhân sự\nBảo đảm ...").
            if (!TextShape.EndsClause(previous.Text))
            {
                return IsWrapped(previous, blockWidths, fileWrapWidth);
            }

            return blockWidths.TryGetValue(previous.BlockIndex, out var width) && IsFull(previous, width);
        }

        if (TextShape.EndsClause(previous.Text))
        {
            return false;
        }

        var paragraphIsHeading = paragraphStart.InHeading || paragraphStart.IsStyled || TextShape.IsCapitals(paragraphStart.Text);
        if (paragraphIsHeading)
        {
            return false;
        }

        if (TextShape.StartsLowerCase(next.Text))
        {
            return true;
        }

        // A page break before a proper noun: "... bảo vệ nền tảng tư tưởng của\n\nĐảng, đấu tranh ...".
        // Only for running text that stops mid-sentence; a numbered heading followed by text does not join.
        var stopsMidSentence = TextShape.EndsInWord(previous.Text) || previous.Text.EndsWith(',');
        var isLong = previous.Text.Length >= LongParagraphLine || (fileWrapWidth is { } w && IsFull(previous, w));
        return stopsMidSentence && isLong && !paragraphHasLabel;
    }

    private static bool IsFull(SourceLine line, int width) => line.Text.Length >= width * FullLineShare;

    /// <summary>
    /// True when the line reached the wrap width of its block (or of the file); with no width known,
    /// when it is at least <see cref="MinWrappedLine"/> long.
    /// </summary>
    private static bool IsWrapped(SourceLine line, Dictionary<int, int> blockWidths, int? fileWrapWidth)
    {
        if (blockWidths.TryGetValue(line.BlockIndex, out var width))
        {
            return IsFull(line, width);
        }

        return fileWrapWidth is { } fileWidth ? IsFull(line, fileWidth) : line.Text.Length >= MinWrappedLine;
    }

    /// <summary>
    /// The wrap width of each hard-wrapped block (three or more lines, none longer than
    /// <see cref="MaxWrapWidth"/>): its longest line other than the last.
    /// </summary>
    private static Dictionary<int, int> BlockWrapWidths(IReadOnlyList<SourceLine> lines)
    {
        var widths = new Dictionary<int, int>();
        var i = 0;
        while (i < lines.Count)
        {
            var block = lines[i].BlockIndex;
            var j = i;
            var max = 0;
            var maxBeforeLast = 0;
            while (j < lines.Count && lines[j].BlockIndex == block)
            {
                maxBeforeLast = max;
                max = Math.Max(max, lines[j].Text.Length);
                j++;
            }

            if (j - i >= 3 && max <= MaxWrapWidth)
            {
                widths[block] = Math.Max(maxBeforeLast, 1);
            }

            i = j;
        }

        return widths;
    }

    // "12", "- 3 -", "Trang 4": page furniture of PDF and Word exports.
    [GeneratedRegex(@"^(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*[-–])?$")]
    private static partial Regex PageNumberPattern();
}
