using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ingest.Model;

namespace Ingest.Formats.Pdf;

/// <summary>
/// Rebuilds blocks from positioned words: words to lines, lines split into segments at wide gaps,
/// page numbers and running headers/footers removed, runs of lines laid out in columns (the
/// two-column letterhead, the signature block) turned into tables, column lines that form no
/// table split into their columns, the remaining lines joined into paragraphs in reading order
/// (top to bottom, across pages) with hard wraps and hyphenation undone but hand-made breaks
/// between centred lines kept, and small-type notes at the foot of a page kept apart as footnotes.
/// All thresholds are multiples of the font size so that PDF points and OCR pixels both work.
/// </summary>
internal static partial class PdfLayout
{
    /// <summary>A horizontal gap wider than this many font sizes separates columns, not words.</summary>
    private const double ColumnGap = 2.5;

    /// <summary>Words or lines handled between two looks at the cancellation token: a few milliseconds of work.</summary>
    private const int CancellationStride = 4096;

    /// <summary>Lines with more words than this are sorted by a general stable sort instead of insertion sort.</summary>
    private const int InsertionSortLimit = 64;

    /// <summary>Lines in this top or bottom share of the page may be running headers, footers or page numbers.</summary>
    private const double FurnitureZone = 0.12;

    /// <summary>Type this much smaller than the body is footnote type.</summary>
    private const double FootnoteSizeRatio = 0.85;

    /// <summary>Builds the blocks of a document from its pages.</summary>
    public static List<Block> Build(IReadOnlyList<PageText> pages, CancellationToken cancellationToken)
    {
        var lines = new List<List<Line>>();
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lines.Add(BuildLines(page, cancellationToken));
        }

        RemovePageFurniture(pages, lines);
        var bodySize = Median(lines.SelectMany(p => p).Select(l => l.Size), fallback: 12);
        var blocks = new List<Block>();
        var footnotes = new List<Block>();
        var paragraph = new ParagraphBuilder();
        for (var p = 0; p < pages.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pageLines = lines[p];
            var notesStart = FootnoteStart(pageLines, bodySize);
            var body = pageLines.Take(notesStart).ToList();
            var pageMetrics = PageMetrics.Of(body);
            var columnMetrics = ColumnMetrics(body);
            var runs = TableRuns(body, pageMetrics);
            for (var i = 0; i < body.Count;)
            {
                if (i % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (runs.TryGetValue(i, out var run))
                {
                    paragraph.Flush(blocks);
                    blocks.Add(TableBlock(body.GetRange(i, run.Count), run.Columns));
                    i += run.Count;
                    continue;
                }

                var line = body[i];
                var metrics = line.Column == 0 ? pageMetrics : columnMetrics[line.Column];
                if (IsColumnLine(line, metrics))
                {
                    // Columns that formed no table (the right one holds only the date line): each
                    // column's text is a block of its own, left before right, never one line of text.
                    paragraph.Flush(blocks);
                    foreach (var part in ColumnParts(line))
                    {
                        paragraph.Add(part, metrics);
                        paragraph.Flush(blocks);
                    }

                    i++;
                    continue;
                }

                var previous = paragraph.Last;
                if (previous is not null && StartsNewParagraph(previous, line, paragraph.LastMetrics!, metrics))
                {
                    paragraph.Flush(blocks);
                }

                paragraph.Add(line, metrics);
                i++;
            }

            AddFootnotes(pageLines.Skip(notesStart).ToList(), footnotes);
        }

        paragraph.Flush(blocks);
        blocks.AddRange(footnotes);
        return blocks;
    }

    private static List<Line> BuildLines(PageText page, CancellationToken cancellationToken)
    {
        // Top to bottom, then left to right; the input position breaks ties so the order is stable.
        var sorted = new List<(PageWord Word, int Index)>(page.Words.Count);
        for (var i = 0; i < page.Words.Count; i++)
        {
            if (page.Words[i].Text.Length > 0)
            {
                sorted.Add((page.Words[i], i));
            }
        }

        sorted.Sort(static (a, b) =>
            a.Word.Top != b.Word.Top ? b.Word.Top.CompareTo(a.Word.Top)
            : a.Word.Left != b.Word.Left ? a.Word.Left.CompareTo(b.Word.Left)
            : a.Index.CompareTo(b.Index));

        // A word joins one of the last few lines when it overlaps that line vertically by half the
        // smaller height; the lines' extents are kept as they grow, not recomputed per word.
        var groups = new List<WordGroup>();
        for (var w = 0; w < sorted.Count; w++)
        {
            if (w % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var word = sorted[w].Word;
            WordGroup? home = null;
            for (var g = groups.Count - 1; g >= 0 && g >= groups.Count - 4; g--)
            {
                var group = groups[g];
                var overlap = Math.Min(group.Top, word.Top) - Math.Max(group.Bottom, word.Bottom);
                if (overlap >= 0.5 * Math.Min(group.Top - group.Bottom, word.Top - word.Bottom))
                {
                    home = group;
                    break;
                }
            }

            if (home is null)
            {
                groups.Add(new WordGroup(word));
            }
            else
            {
                home.Add(word);
            }
        }

        // Stable, like the ordering it replaces: groups at the same height keep their order.
        var orderedGroups = groups.Select((g, i) => (Group: g, Index: i)).ToArray();
        Array.Sort(orderedGroups, static (a, b) =>
            a.Group.MeanMiddle != b.Group.MeanMiddle ? b.Group.MeanMiddle.CompareTo(a.Group.MeanMiddle) : a.Index.CompareTo(b.Index));

        var lines = new List<Line>();
        var offset = 0;
        foreach (var (groupWords, column) in ColumnBodies.ReadingOrder(orderedGroups.Select(g => g.Group.Words).ToList()))
        {
            var size = MedianSize(groupWords);

            // A note number set as its own small word is a reference mark: dropped, remembered at a line start.
            var ordered = groupWords;
            SortByLeft(ordered);
            var startsWithMark = ordered[0].NoteMark || (ordered.Count > 1 && IsSmallNumber(ordered[0], size));
            var words = ordered.FindAll(w => !IsSmallNumber(w, size));
            if (words.Count == 0)
            {
                continue;
            }

            var segments = new List<Segment>();
            var current = new List<PageWord> { words[0] };
            for (var i = 1; i < words.Count; i++)
            {
                if (words[i].Left - words[i - 1].Right > ColumnGap * size)
                {
                    segments.Add(Segment.Of(current));
                    current = [];
                }

                current.Add(words[i]);
            }

            segments.Add(Segment.Of(current));

            // In a scan, a mark standing apart from the text of its line (the page border read as "|",
            // a speck beside the margin) is noise; in a text layer such marks ("*", "-----") are printed.
            if (page.Recognized && segments.Count > 1 && segments.Any(s => s.Text.Any(char.IsLetterOrDigit)))
            {
                segments.RemoveAll(s => !s.Text.Any(char.IsLetterOrDigit));
            }

            var line = new Line(page.Number, lines.Count + 1, offset, segments, size, words[0].Right - words[0].Left)
            {
                StartsWithNoteMark = startsWithMark,
                BoldAfterLabel = IsBoldAfterLabel(words),
                Column = column,
                Recognized = page.Recognized,
            };
            lines.Add(line);
            offset += line.Text.Length + 1;
        }

        return lines;
    }

    /// <summary>Margins and line spacing of each column of a two-column body, measured on that column's lines alone.</summary>
    private static Dictionary<int, PageMetrics> ColumnMetrics(List<Line> body)
    {
        // One pass over the lines: a page may hold many column runs, and filtering the body once per
        // column would be quadratic in them.
        var byColumn = new Dictionary<int, List<Line>>();
        foreach (var line in body)
        {
            if (line.Column == 0)
            {
                continue;
            }

            if (!byColumn.TryGetValue(line.Column, out var columnLines))
            {
                columnLines = [];
                byColumn[line.Column] = columnLines;
            }

            columnLines.Add(line);
        }

        var metrics = new Dictionary<int, PageMetrics>(byColumn.Count);
        foreach (var (column, columnLines) in byColumn)
        {
            metrics[column] = PageMetrics.Of(columnLines);
        }

        return metrics;
    }

    /// <summary>
    /// Drops page numbers ("2", "- 2 -", "Trang 2", "2/5") and lines repeated in the top or bottom
    /// zone of two or more pages (running headers such as a file name, footers), comparing texts
    /// with digits masked so "Trang 2" and "Trang 3" count as the same line.
    /// </summary>
    private static void RemovePageFurniture(IReadOnlyList<PageText> pages, List<List<Line>> lines)
    {
        var candidates = new List<(int Page, Line Line, string Key)>();
        for (var p = 0; p < pages.Count; p++)
        {
            var pageLines = lines[p];
            var height = pages[p].Height;
            for (var i = 0; i < pageLines.Count; i++)
            {
                var line = pageLines[i];
                var edge = i < 2 || i >= pageLines.Count - 2;
                var inZone = line.Top > height * (1 - FurnitureZone) || line.Bottom < height * FurnitureZone;
                if (edge && inZone)
                {
                    candidates.Add((p, line, MaskDigits(line.Text)));
                }
            }
        }

        var repeated = candidates.GroupBy(c => c.Key, StringComparer.Ordinal)
            .Where(g => g.Select(c => c.Page).Distinct().Count() >= 2)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (page, line, key) in candidates)
        {
            if (PageNumber().IsMatch(line.Text) || repeated.Contains(key))
            {
                lines[page].Remove(line);
            }
        }
    }

    /// <summary>
    /// The words after a leading list label ("3.", "a)", "II-") are all bold. Word sets a numbered
    /// heading's generated label in regular type ("3. <b>Ban cán sự đảng ...</b>"), so the whole line
    /// is not bold although its text is.
    /// </summary>
    private static bool IsBoldAfterLabel(List<PageWord> words)
    {
        var skip = words.Count > 1 && LabelWord().IsMatch(words[0].Text) ? 1 : 0;
        return words.Count > skip && words.Skip(skip).All(w => w.Bold);
    }

    private static bool IsSmallNumber(PageWord word, double lineSize) =>
        word.Size < 0.75 * lineSize && word.Text.All(c => char.IsAsciiDigit(c) || c == '*');

    /// <summary>
    /// A footnote starts with its number. In a scan an asterisk is as likely a speck of a seal as a
    /// note mark, so recognised lines need a digit.
    /// </summary>
    private static bool IsNoteStart(Line line) =>
        line.StartsWithNoteMark || (NoteMark().IsMatch(line.Text) && (!line.Recognized || char.IsAsciiDigit(line.Text.TrimStart().FirstOrDefault())));

    private static string MaskDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsDigit(c))
            {
                if (builder.Length == 0 || builder[^1] != '#')
                {
                    builder.Append('#');
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Index of the first footnote line: the page ends with lines in smaller type, the first of
    /// which starts with a note mark (a number or an asterisk). Returns the line count when none.
    /// </summary>
    private static int FootnoteStart(List<Line> lines, double bodySize)
    {
        var start = lines.Count;
        while (start > 0 && lines[start - 1].Size < bodySize * FootnoteSizeRatio)
        {
            start--;
        }

        while (start < lines.Count && !IsNoteStart(lines[start]))
        {
            start++;
        }

        // The whole page in small type is a page, not a footnote area.
        return start == 0 ? lines.Count : start;
    }

    private static void AddFootnotes(List<Line> lines, List<Block> footnotes)
    {
        Line? first = null;
        var text = string.Empty;
        foreach (var line in lines)
        {
            if (first is not null && IsNoteStart(line))
            {
                AddFootnote(footnotes, first, text);
                first = null;
            }

            text = first is null ? line.Text : Join(text, line.Text);
            first ??= line;
        }

        if (first is not null)
        {
            AddFootnote(footnotes, first, text);
        }
    }

    /// <summary>The note's number is dropped, as DOCX and Markdown readers drop it: the note is kept apart, not numbered.</summary>
    private static void AddFootnote(List<Block> footnotes, Line first, string text)
    {
        var body = NoteMark().Replace(text, string.Empty, 1);
        if (body.Length > 0)
        {
            footnotes.Add(new Block(BlockKind.Footnote, body, first.Span(text.Length)));
        }
    }

    /// <summary>
    /// Finds the runs of lines laid out in columns, keyed by their first line. A run is anchored
    /// by a line split into two to six segments and takes in the lines around it whose segments
    /// stay inside the same columns (the letterhead: issuer left, party name right). Where no line
    /// is split, lines that all stay on one side of the text's centre, some left and some right,
    /// form a two-column run (the signature block: "Nơi nhận" left, "T/M ..." and the signer right).
    /// </summary>
    private static Dictionary<int, (int Count, ColumnSet Columns)> TableRuns(List<Line> lines, PageMetrics metrics)
    {
        var runs = new Dictionary<int, (int Count, ColumnSet Columns)>();
        // Lines of a two-column body are running text in their column, never table cells.
        var taken = lines.Select(l => l.Column != 0).ToArray();
        var centre = (metrics.Left + metrics.Right) / 2;
        for (var i = 0; i < lines.Count; i++)
        {
            if (taken[i] || !IsAnchor(lines[i], centre))
            {
                continue;
            }

            var columns = new ColumnSet(lines[i].Segments) { Centre = centre };
            var end = i + 1;
            while (end < lines.Count && !taken[end] && Close(lines[end - 1], lines[end]) && columns.TryAdd(lines[end].Segments, lines[end].Size * 0.5))
            {
                end++;
            }

            var start = i;
            while (start > 0 && !taken[start - 1] && !EndsParagraphAbove(lines, start - 1, taken, metrics) &&
                   Close(lines[start - 1], lines[start]) && columns.TryAdd(lines[start - 1].Segments, lines[start - 1].Size * 0.5))
            {
                start--;
            }

            Take(runs, taken, start, end, columns);
            i = end - 1;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (taken[i] || Side(lines[i], centre) == 0)
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Count && !taken[end] && Close(lines[end - 1], lines[end]) && Side(lines[end], centre) != 0)
            {
                end++;
            }

            var start = EndsParagraphAbove(lines, i, taken, metrics) ? i + 1 : i;

            var sides = Enumerable.Range(start, end - start).Select(k => Side(lines[k], centre)).ToHashSet();
            if (sides.Count == 2)
            {
                Take(runs, taken, start, end, new ColumnSet(centre));
            }

            i = end - 1;
        }

        return runs;
    }

    /// <summary>
    /// True when the line at <paramref name="index"/> is the short last line of the paragraph above
    /// (that line runs to the right margin without ending a sentence): it sits on one side of the
    /// centre like a table cell, but it belongs to its paragraph.
    /// </summary>
    private static bool EndsParagraphAbove(List<Line> lines, int index, bool[] taken, PageMetrics metrics)
    {
        if (index == 0 || taken[index - 1])
        {
            return false;
        }

        var above = lines[index - 1];
        return above.Segments.Count == 1 && above.Right >= metrics.Right - above.Size && !EndsSentence(above.Text);
    }

    private static void Take(Dictionary<int, (int Count, ColumnSet Columns)> runs, bool[] taken, int start, int end, ColumnSet columns)
    {
        runs[start] = (end - start, columns);
        for (var k = start; k < end; k++)
        {
            taken[k] = true;
        }
    }

    /// <summary>
    /// A line that opens a column run: two to six segments that all hold text (a stray mark such as
    /// "|" or a speck makes no column). Two segments must also lie on either side of the text's
    /// centre, as letterhead columns do: a gap inside a justified line (a word lost under a stamp
    /// in a scan) leaves a long left part that runs past the centre.
    /// </summary>
    private static bool IsAnchor(Line line, double centre)
    {
        var segments = line.Segments;
        if (segments.Count is < 2 or > 6 || !segments.All(HasText))
        {
            return false;
        }

        return segments.Count > 2 || (segments[0].Right < centre && segments[1].Left > centre);
    }

    /// <summary>
    /// A line split at a column gap into parts that all hold text, the first of which stays in the
    /// left half of the text: letterhead columns, not a justified line with a hole in it (whose
    /// left part runs past the centre).
    /// </summary>
    private static bool IsColumnLine(Line line, PageMetrics metrics) =>
        line.Segments.Count >= 2 && line.Segments.All(HasText) && line.Segments[0].Right < (metrics.Left + metrics.Right) / 2;

    /// <summary>The segments of a line as lines of their own, with offsets inside the line's text.</summary>
    private static IEnumerable<Line> ColumnParts(Line line)
    {
        var offset = line.Offset;
        for (var k = 0; k < line.Segments.Count; k++)
        {
            var segment = line.Segments[k];
            yield return new Line(line.Page, line.Index, offset, [segment], line.Size, segment.FirstWordWidth)
            {
                Recognized = line.Recognized,
                StartsWithNoteMark = k == 0 && line.StartsWithNoteMark,
                BoldAfterLabel = segment.BoldAfterLabel,
            };
            offset += segment.Text.Length + 1;
        }
    }

    private static bool HasText(Segment segment) => segment.HasText;

    private static bool Close(Line above, Line below) => above.Bottom - below.Top <= 2.5 * Math.Max(above.Size, below.Size);

    /// <summary>-1 when a one-segment line lies left of <paramref name="centre"/>, 1 when right of it, 0 when it crosses it or is split.</summary>
    private static int Side(Line line, double centre)
    {
        if (line.Segments.Count != 1)
        {
            return 0;
        }

        var margin = 0.25 * line.Size;
        if (!HasText(line.Segments[0]))
        {
            return 0;
        }

        return line.Right < centre - margin ? -1 : line.Left > centre + margin ? 1 : 0;
    }

    private static Block TableBlock(List<Line> lines, ColumnSet columns)
    {
        var columnCount = columns.Count;
        var rows = new List<List<List<string>>>();
        Line? previous = null;
        foreach (var line in lines)
        {
            // A new row starts after a gap wider than half a line, or at every line of a data table.
            var newRow = previous is null || columnCount > 2 && line.Segments.Count == columnCount ||
                         previous.Bottom - line.Top > 0.5 * Math.Max(previous.Size, line.Size);
            if (newRow)
            {
                rows.Add(Enumerable.Range(0, columnCount).Select(_ => new List<string>()).ToList());
            }

            foreach (var segment in line.Segments)
            {
                rows[^1][columns.ColumnOf(segment)].Add(segment.Text);
            }

            previous = line;
        }

        var cells = rows.Select(r => (IReadOnlyList<string>)r.Select(c => string.Join('\n', c)).ToList()).ToList();
        var text = string.Join('\n', cells.Select(r => string.Join('\t', r)));
        var last = lines[^1];
        var span = lines[0].Page == last.Page
            ? new SourceSpan(lines[0].Offset, last.Offset + last.Text.Length - lines[0].Offset, lines[0].Index, lines[0].Page)
            : lines[0].Span(lines[0].Text.Length);
        return new Block(BlockKind.Table, text, span) { Cells = cells };
    }

    private static bool StartsNewParagraph(Line previous, Line line, PageMetrics previousMetrics, PageMetrics metrics)
    {
        // A change of type size ends a paragraph; OCR sizes are box heights and vary more by themselves.
        var size = Math.Max(previous.Size, line.Size);
        var sizeTolerance = previous.Recognized || line.Recognized ? 0.35 : 0.1;
        var endsSentence = EndsSentence(previous.Text);
        var marker = ListMarker().IsMatch(line.Text);

        // A bold heading with a regular label ("3. Ban cán sự đảng ... Viện") wraps onto a line
        // that is all bold ("Kiểm sát nhân dân tối cao"): the type is the same, the paragraph goes on.
        var headingContinues = previous.BoldAfterLabel && line.Bold && !marker && !endsSentence;
        if (Math.Abs(previous.Size - line.Size) > sizeTolerance * size || (previous.Bold != line.Bold && !headingContinues))
        {
            return true;
        }

        var previousCentered = previousMetrics.IsCentered(previous);
        var centered = metrics.IsCentered(line);

        // A centred title's first line may run almost from margin to margin: it is still symmetric.
        if (previousCentered != centered && !(previousMetrics.IsSymmetric(previous) && metrics.IsSymmetric(line) && !endsSentence))
        {
            return true;
        }

        // The next line's first word would have fitted after this line: the line was broken on purpose.
        var endedEarly = !previousCentered && previous.Right + (0.3 * size) + line.FirstWordWidth < previousMetrics.Right - (0.3 * size);
        var indented = !centered && line.Left > metrics.Left + (0.8 * size);
        if (previous.Page != line.Page)
        {
            return endedEarly || endsSentence || indented || marker;
        }

        var gap = previous.Bottom - line.Top;
        if (gap > Math.Max(1.6 * metrics.LineGap, metrics.LineGap + (0.35 * size)))
        {
            return true;
        }

        return !centered && (endedEarly || indented || (marker && endsSentence));
    }

    /// <summary>
    /// A centred line followed by another centred one was broken by hand, not wrapped, when the next
    /// line's first word would have fitted on it within the next line's own width: a wrapping
    /// paragraph fills each line as far as the wrap width, and the next line proves that width was
    /// there. Titles set this way separate their parts ("CỦA BỘ CHÍNH TRỊ" above the subject
    /// "THỰC HIỆN ..."), so the break is kept as '\n'. The space is over-estimated, so a wrapped
    /// line never passes.
    /// </summary>
    private static bool BreaksOnPurpose(Line previous, PageMetrics previousMetrics, Line line, PageMetrics metrics)
    {
        if (!previousMetrics.IsCentered(previous) || !metrics.IsSymmetric(line))
        {
            return false;
        }

        var size = Math.Max(previous.Size, line.Size);
        var widened = previous.Right - previous.Left + (0.3 * size) + line.FirstWordWidth;
        return widened < line.Right - line.Left - (0.1 * size);
    }

    /// <summary>Joins a wrapped line to the text before it, undoing hyphenation where a word was split.</summary>
    private static string Join(string before, string after)
    {
        var text = new StringBuilder(before, before.Length + after.Length + 1);
        AppendWrapped(text, after);
        return text.ToString();
    }

    /// <summary>Appends a wrapped line to the paragraph text, undoing hyphenation where a word was split.</summary>
    private static void AppendWrapped(StringBuilder text, string after)
    {
        var length = text.Length;
        if (length >= 2 && text[length - 1] == '-' && !char.IsWhiteSpace(text[length - 2]))
        {
            // "tổ chức-\nđảng" is rare in Vietnamese, but Latin words and foreign names are hyphenated
            // by Word; symbols such as "24-\nQĐ/TW" keep their hyphen and lose the break.
            if (char.IsLower(text[length - 2]) && after.Length > 0 && char.IsLower(after[0]))
            {
                text.Length = length - 1;
            }

            text.Append(after);
            return;
        }

        text.Append(' ').Append(after);
    }

    /// <summary>
    /// The first of the ascending <paramref name="sorted"/> edges that at least
    /// <paramref name="shared"/> edges lie closer to than <paramref name="reach"/> (itself
    /// included), or the first edge when none does. The window of near edges slides along the
    /// sorted list, so a page of many lines costs a sort, not a comparison of every pair.
    /// </summary>
    internal static double FirstShared(List<double> sorted, double reach, int shared)
    {
        var low = 0;
        var high = 0;
        foreach (var x in sorted)
        {
            while (low < sorted.Count && !(sorted[low] > x - reach))
            {
                low++;
            }

            while (high < sorted.Count && sorted[high] < x + reach)
            {
                high++;
            }

            if (high - low >= shared)
            {
                return x;
            }
        }

        return sorted[0];
    }

    /// <summary>
    /// Stable sort by left edge: equal edges keep their order. A line usually holds few words, which
    /// insertion sort orders fastest; a line of thousands of words (text drawn over and over at one
    /// place) would make it quadratic, so long lines are sorted by edge and original position.
    /// </summary>
    internal static void SortByLeft(List<PageWord> words)
    {
        if (words.Count > InsertionSortLimit)
        {
            var keyed = new (PageWord Word, int Index)[words.Count];
            for (var i = 0; i < keyed.Length; i++)
            {
                keyed[i] = (words[i], i);
            }

            Array.Sort(keyed, static (a, b) => a.Word.Left != b.Word.Left ? a.Word.Left.CompareTo(b.Word.Left) : a.Index.CompareTo(b.Index));
            for (var i = 0; i < keyed.Length; i++)
            {
                words[i] = keyed[i].Word;
            }

            return;
        }

        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            var j = i - 1;
            while (j >= 0 && words[j].Left > word.Left)
            {
                words[j + 1] = words[j];
                j--;
            }

            words[j + 1] = word;
        }
    }

    /// <summary>The middle font size of a line's words (a stable sort key: the same words give the same size in any order).</summary>
    private static double MedianSize(List<PageWord> words)
    {
        Span<double> sizes = words.Count <= 128 ? stackalloc double[words.Count] : new double[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            sizes[i] = words[i].Size;
        }

        sizes.Sort();
        return sizes[words.Count / 2];
    }

    private static double Median(IEnumerable<double> values, double fallback)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? fallback : sorted[sorted.Count / 2];
    }

    [GeneratedRegex(@"^[\s\-–—]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    /// <summary>A footnote's number at the start of its text: "1 ", "1.", "1)", "(1)", "*", or "1" glued to a capital ("1Theo").</summary>
    [GeneratedRegex(@"^\s*(?:\d{1,3}(?:[\s.)]|(?=\p{Lu}))|\*|\(\d{1,3}\))\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NoteMark();

    /// <summary>
    /// The text ends a sentence: a full stop, semicolon, colon, question or exclamation mark or an
    /// ellipsis, possibly inside closing quotes or a bracket. Checked from the end, as it is asked of
    /// every line.
    /// </summary>
    internal static bool EndsSentence(string text)
    {
        var i = text.Length - 1;
        while (i >= 0 && text[i] is '\'' or '"' or '”' or '’' or ')')
        {
            i--;
        }

        return i >= 0 && text[i] is '.' or ';' or ':' or '!' or '?' or '…';
    }

    /// <summary>Visible labels of party documents: "- ", "+ ", "•", "1.", "1.2.", "a)", "IV.", "II-", "Điều 3".</summary>
    [GeneratedRegex(@"^\s*(?:[-+•–*]\s|\d{1,3}(?:\.\d{1,3})*[.)]\s|[a-zđ]\)\s|[IVXLC]{1,6}[.\-]\s|Điều\s+\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    /// <summary>A word that is only a list label: "3.", "1.2.", "a)", "IV.", "II-", "-", "+", "•".</summary>
    [GeneratedRegex(@"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|[IVXLC]{1,6}[.\-]|[-+•–*])$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelWord();

    /// <summary>A run of words on one line with no column gap inside.</summary>
    internal sealed record Segment(string Text, double Left, double Right, double Top, double Bottom, bool Bold, bool Italic)
    {
        /// <summary>Width of the segment's first word, for a segment that becomes a line of its own.</summary>
        public double FirstWordWidth { get; init; }

        /// <summary>Every word after a leading list label is bold (see <see cref="IsBoldAfterLabel"/>).</summary>
        public bool BoldAfterLabel { get; init; }

        /// <summary>Letters and digits in the text: two or more make a column cell rather than a stray mark.</summary>
        public bool HasText { get; } = CountLettersOrDigits(Text) >= 2;

        public static Segment Of(List<PageWord> words)
        {
            var texts = new string[words.Count];
            double left = double.MaxValue, right = double.MinValue, top = double.MinValue, bottom = double.MaxValue;
            bool bold = true, italic = true;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                texts[i] = word.Text;
                left = Math.Min(left, word.Left);
                right = Math.Max(right, word.Right);
                top = Math.Max(top, word.Top);
                bottom = Math.Min(bottom, word.Bottom);
                bold &= word.Bold;
                italic &= word.Italic;
            }

            return new Segment(string.Join(' ', texts), left, right, top, bottom, bold, italic)
            {
                FirstWordWidth = words[0].Right - words[0].Left,
                BoldAfterLabel = IsBoldAfterLabel(words),
            };
        }

        private static int CountLettersOrDigits(string text)
        {
            var count = 0;
            foreach (var c in text)
            {
                count += char.IsLetterOrDigit(c) ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>The words gathered into one line so far, with their vertical extent.</summary>
    private sealed class WordGroup
    {
        private double _middleSum;

        public WordGroup(PageWord first)
        {
            Top = first.Top;
            Bottom = first.Bottom;
            Add(first);
        }

        public List<PageWord> Words { get; } = [];

        public double Top { get; private set; }

        public double Bottom { get; private set; }

        public double MeanMiddle => _middleSum / Words.Count;

        public void Add(PageWord word)
        {
            Words.Add(word);
            Top = Math.Max(Top, word.Top);
            Bottom = Math.Min(Bottom, word.Bottom);
            _middleSum += word.Middle;
        }
    }

    /// <summary>One line of a page: its segments left to right.</summary>
    internal sealed class Line(int page, int index, int offset, List<Segment> segments, double size, double firstWordWidth)
    {
        /// <summary>Width of the line's first word: whether it would have fitted on the line above tells a wrap from a break.</summary>
        public double FirstWordWidth { get; } = firstWordWidth;

        /// <summary>The line comes from OCR.</summary>
        public bool Recognized { get; init; }

        /// <summary>0, or the column of a two-column body the line belongs to (see <see cref="ColumnBodies"/>).</summary>
        public int Column { get; init; }

        /// <summary>Every word after the line's leading list label, if any, is bold.</summary>
        public bool BoldAfterLabel { get; init; }

        /// <summary>The line began with a superscript note number (removed from its text).</summary>
        public bool StartsWithNoteMark { get; init; }

        public int Page { get; } = page;

        /// <summary>1-based line number on the page.</summary>
        public int Index { get; } = index;

        /// <summary>Offset in the page text (lines joined by '\n').</summary>
        public int Offset { get; } = offset;

        public List<Segment> Segments { get; } = segments;

        public double Size { get; } = size;

        public string Text { get; } = segments.Count == 1 ? segments[0].Text : string.Join(' ', segments.Select(s => s.Text));

        public double Left => Segments[0].Left;

        public double Right => Segments[^1].Right;

        public double Top { get; } = segments.Max(s => s.Top);

        public double Bottom { get; } = segments.Min(s => s.Bottom);

        public bool Bold { get; } = segments.TrueForAll(s => s.Bold);

        public bool Italic { get; } = segments.TrueForAll(s => s.Italic);

        public SourceSpan Span(int length) => new(Offset, length, Index, Page);
    }

    /// <summary>Margins and usual line spacing of a page's body text.</summary>
    private sealed class PageMetrics
    {
        private const int MarginLineLetters = 10;

        public double Left { get; private init; }

        public double Right { get; private init; }

        public double LineGap { get; private init; }

        /// <summary>
        /// Margins are the outermost edges shared by at least two lines and an eighth of the text
        /// lines: a few stray lines (a stamp, a wide table, noise at a scan's edge) do not move
        /// them, and centred or indented lines do not define them.
        /// </summary>
        public static PageMetrics Of(List<Line> lines)
        {
            if (lines.Count == 0)
            {
                return new PageMetrics();
            }

            var size = Median(lines.Select(l => l.Size), fallback: 12);

            // Lines of real text define the margins; specks and stamp fragments in a scan do not.
            var textLines = lines.Where(l => l.Text.Count(char.IsLetterOrDigit) >= MarginLineLetters).ToList();
            if (textLines.Count < 2)
            {
                textLines = lines;
            }

            var lefts = textLines.Select(l => l.Left).Order().ToList();
            var rights = textLines.Select(l => -l.Right).Order().ToList();
            var shared = Math.Max(2, textLines.Count / 8);
            var left = FirstShared(lefts, size / 2, shared);
            var right = -FirstShared(rights, size / 2, shared);
            var gaps = lines.Zip(lines.Skip(1), (a, b) => a.Bottom - b.Top).Where(g => g > -size).ToList();
            return new PageMetrics { Left = left, Right = right, LineGap = Median(gaps, fallback: size * 0.3) };
        }

        /// <summary>Centred: clearly away from both margins, by about the same amount.</summary>
        public bool IsCentered(Line line) =>
            line.Left - Left > 1.5 * line.Size && Right - line.Right > 1.5 * line.Size && IsSymmetric(line);

        /// <summary>About as far from the left margin as from the right one.</summary>
        public bool IsSymmetric(Line line) => Math.Abs((line.Left - Left) - (Right - line.Right)) < 2.5 * line.Size;
    }

    /// <summary>Accumulates the lines of the paragraph being built.</summary>
    private sealed class ParagraphBuilder
    {
        private readonly List<Line> _lines = [];
        private readonly List<PageMetrics> _metrics = [];

        public Line? Last => _lines.Count == 0 ? null : _lines[^1];

        public PageMetrics? LastMetrics => _metrics.Count == 0 ? null : _metrics[^1];

        public void Add(Line line, PageMetrics metrics)
        {
            _lines.Add(line);
            _metrics.Add(metrics);
        }

        public void Flush(List<Block> blocks)
        {
            if (_lines.Count == 0)
            {
                return;
            }

            var text = new StringBuilder(_lines[0].Text);
            for (var i = 1; i < _lines.Count; i++)
            {
                if (BreaksOnPurpose(_lines[i - 1], _metrics[i - 1], _lines[i], _metrics[i]))
                {
                    text.Append('\n').Append(_lines[i].Text);
                }
                else
                {
                    AppendWrapped(text, _lines[i].Text);
                }
            }

            var first = _lines[0];
            var lastOnPage = _lines.Last(l => l.Page == first.Page);
            var span = new SourceSpan(first.Offset, lastOnPage.Offset + lastOnPage.Text.Length - first.Offset, first.Index, first.Page);
            var style = BlockStyle.None;
            style |= _lines.All(l => l.Bold) ? BlockStyle.Bold : BlockStyle.None;
            style |= _lines.All(l => l.Italic) ? BlockStyle.Italic : BlockStyle.None;
            style |= _lines.Select((l, i) => _metrics[i].IsCentered(l)).All(c => c) ? BlockStyle.Centered : BlockStyle.None;
            blocks.Add(new Block(BlockKind.Paragraph, text.ToString(), span) { Style = style });
            _lines.Clear();
            _metrics.Clear();
        }
    }

    /// <summary>
    /// The columns of a table run. For every boundary between two columns it keeps the widest
    /// left-column edge and the narrowest right-column edge seen; a line fits when its segments
    /// can be placed without those edges crossing.
    /// </summary>
    private sealed class ColumnSet
    {
        private readonly double[] _leftEdges;
        private readonly double[] _rightEdges;

        public ColumnSet(List<Segment> first)
        {
            var boundaries = first.Count - 1;
            _leftEdges = new double[boundaries];
            _rightEdges = new double[boundaries];
            for (var b = 0; b < boundaries; b++)
            {
                _leftEdges[b] = first[b].Right;
                _rightEdges[b] = first[b + 1].Left;
            }
        }

        /// <summary>Two columns split at <paramref name="boundary"/>.</summary>
        public ColumnSet(double boundary)
        {
            _leftEdges = [boundary];
            _rightEdges = [boundary];
        }

        public int Count => _leftEdges.Length + 1;

        public int ColumnOf(Segment segment)
        {
            var middle = (segment.Left + segment.Right) / 2;
            var column = 0;
            while (column < _leftEdges.Length && middle > (_leftEdges[column] + _rightEdges[column]) / 2)
            {
                column++;
            }

            return column;
        }

        /// <summary>Centre of the text block; a lone segment straddling it is a centred line (the kind line), not a cell.</summary>
        public double? Centre { get; init; }

        public bool TryAdd(List<Segment> segments, double tolerance)
        {
            if (Centre is double centre && segments.Count == 1 && segments[0].Left < centre - tolerance && segments[0].Right > centre + tolerance)
            {
                return false;
            }

            var placed = segments.Select(ColumnOf).ToList();
            if (placed.Distinct().Count() != placed.Count)
            {
                return false;
            }

            for (var i = 0; i < segments.Count; i++)
            {
                var column = placed[i];
                if (column > 0 && segments[i].Left < _leftEdges[column - 1] - tolerance)
                {
                    return false;
                }

                if (column < _rightEdges.Length && segments[i].Right > _rightEdges[column] + tolerance)
                {
                    return false;
                }
            }

            for (var i = 0; i < segments.Count; i++)
            {
                var column = placed[i];
                if (column > 0)
                {
                    _rightEdges[column - 1] = Math.Min(_rightEdges[column - 1], segments[i].Left);
                }

                if (column < _leftEdges.Length)
                {
                    _leftEdges[column] = Math.Max(_leftEdges[column], segments[i].Right);
                }
            }

            return true;
        }
    }
}
