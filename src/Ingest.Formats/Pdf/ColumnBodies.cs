namespace Ingest.Formats.Pdf;

/// <summary>
/// Puts the lines of a body set in two columns into reading order: the whole left column, then
/// the whole right column, instead of each printed line read across the gutter. A body is in two
/// columns when a run of consecutive lines leaves the same vertical strip in the middle of the
/// text empty (the gutter) and both sides are filled as running text fills a column, most lines
/// reaching across their column. The letterhead and the signature block also leave the middle
/// empty, but they are short or their right column holds short centred lines, so they keep
/// their order and are laid out as tables later.
/// </summary>
internal static class ColumnBodies
{
    /// <summary>Fewest consecutive lines that make a two-column body (a letterhead has up to five).</summary>
    private const int MinRunLines = 6;

    /// <summary>Narrowest gutter, in font sizes: word spaces in a justified line stay below it on most lines.</summary>
    private const double MinGutter = 0.8;

    /// <summary>A column line is full when it reaches this share of its column's width.</summary>
    private const double FullLineShare = 0.7;

    /// <summary>Share of a run's lines that must be full on each side.</summary>
    private const double FullLinesShare = 0.5;

    /// <summary>Most bins the middle third of the text is measured in; an A4 page of 12-point type needs about fifty, an A3 page of 8-point type under two hundred.</summary>
    private const int MaxBins = 1024;

    /// <summary>
    /// Returns the lines (word groups, top to bottom) in reading order, each with its column: runs of
    /// lines that form a two-column body come back as their left parts (column 2k + 1), then their
    /// right parts (column 2k + 2); all other lines are unchanged, with column 0.
    /// </summary>
    public static List<(List<PageWord> Words, int Column)> ReadingOrder(List<List<PageWord>> lines)
    {
        var ordered = new List<(List<PageWord> Words, int Column)>(lines.Count + MinRunLines);
        if (lines.Count < MinRunLines || !TryFindGutter(lines, out var gutterLeft, out var gutterRight, out var textLeft, out var textRight))
        {
            foreach (var line in lines)
            {
                ordered.Add((line, 0));
            }

            return ordered;
        }

        var runs = 0;
        var start = 0;
        while (start < lines.Count)
        {
            var end = start;
            while (end < lines.Count && Respects(lines[end], gutterLeft, gutterRight))
            {
                end++;
            }

            if (end == start)
            {
                ordered.Add((lines[start], 0));
                start++;
                continue;
            }

            if (end - start >= MinRunLines && IsColumnBody(lines, start, end, gutterLeft, gutterRight, textLeft, textRight))
            {
                var middle = (gutterLeft + gutterRight) / 2;
                AddSide(lines, start, end, ordered, w => w.Right <= middle, (2 * runs) + 1);
                AddSide(lines, start, end, ordered, w => w.Left >= middle, (2 * runs) + 2);
                runs++;
            }
            else
            {
                for (var i = start; i < end; i++)
                {
                    ordered.Add((lines[i], 0));
                }
            }

            start = end;
        }

        return ordered;
    }

    /// <summary>
    /// The gutter: the widest vertical strip in the middle third of the text that (almost) no line
    /// puts ink in, measured in bins of a quarter font size, if it is wide enough.
    /// </summary>
    private static bool TryFindGutter(List<List<PageWord>> lines, out double gutterLeft, out double gutterRight, out double textLeft, out double textRight)
    {
        gutterLeft = gutterRight = 0;
        textLeft = double.MaxValue;
        textRight = double.MinValue;
        var sizes = new List<double>();
        foreach (var line in lines)
        {
            foreach (var word in line)
            {
                textLeft = Math.Min(textLeft, word.Left);
                textRight = Math.Max(textRight, word.Right);
                sizes.Add(word.Size);
            }
        }

        sizes.Sort();
        var size = sizes.Count == 0 ? 0 : sizes[sizes.Count / 2];
        var width = textRight - textLeft;
        if (size <= 0 || !double.IsFinite(width) || width < 10 * size)
        {
            return false;
        }

        // Bins of a quarter font size, but never more than MaxBins of them: a word placed far off the
        // page would otherwise ask for an array as wide as its coordinate.
        var bin = Math.Max(size / 4, width / 3 / MaxBins);
        var from = textLeft + (width / 3);
        var count = (int)Math.Ceiling(width / 3 / bin);
        var coverage = new int[count];
        foreach (var line in lines)
        {
            var last = -1;
            foreach (var word in line)
            {
                var first = Math.Max(0, (int)Math.Floor((word.Left - from) / bin));
                var stop = Math.Min(count - 1, (int)Math.Floor((word.Right - from) / bin));
                for (var k = Math.Max(first, last + 1); k <= stop; k++)
                {
                    coverage[k]++;
                }

                last = Math.Max(last, stop);
            }
        }

        // The widest strip that at most a tenth of the lines cross (a title, a centred heading): a
        // single empty column of bins is often just word spaces that happen to line up.
        var allowed = Math.Max(1, lines.Count / 10);
        int low = 0, high = -1;
        for (var k = 0; k < count;)
        {
            if (coverage[k] > allowed)
            {
                k++;
                continue;
            }

            var end = k;
            while (end + 1 < count && coverage[end + 1] <= allowed)
            {
                end++;
            }

            if (end - k > high - low)
            {
                (low, high) = (k, end);
            }

            k = end + 1;
        }

        if (high < low)
        {
            return false;
        }

        gutterLeft = from + (low * bin);
        gutterRight = from + ((high + 1) * bin);
        return gutterRight - gutterLeft >= MinGutter * size;
    }

    /// <summary>No word of the line reaches into the gutter.</summary>
    private static bool Respects(List<PageWord> line, double gutterLeft, double gutterRight)
    {
        foreach (var word in line)
        {
            if (word.Right > gutterLeft && word.Left < gutterRight)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Both sides of the run are filled as running text fills a column.</summary>
    private static bool IsColumnBody(List<List<PageWord>> lines, int start, int end, double gutterLeft, double gutterRight, double textLeft, double textRight)
    {
        var leftFull = 0;
        var rightFull = 0;
        for (var i = start; i < end; i++)
        {
            double leftEdge = double.MaxValue, leftEnd = double.MinValue, rightEdge = double.MaxValue, rightEnd = double.MinValue;
            foreach (var word in lines[i])
            {
                if (word.Right <= gutterLeft)
                {
                    leftEdge = Math.Min(leftEdge, word.Left);
                    leftEnd = Math.Max(leftEnd, word.Right);
                }
                else
                {
                    rightEdge = Math.Min(rightEdge, word.Left);
                    rightEnd = Math.Max(rightEnd, word.Right);
                }
            }

            leftFull += leftEnd - leftEdge >= FullLineShare * (gutterLeft - textLeft) ? 1 : 0;
            rightFull += rightEnd - rightEdge >= FullLineShare * (textRight - gutterRight) ? 1 : 0;
        }

        var needed = FullLinesShare * (end - start);
        return leftFull >= needed && rightFull >= needed;
    }

    private static void AddSide(
        List<List<PageWord>> lines, int start, int end, List<(List<PageWord> Words, int Column)> ordered, Predicate<PageWord> onSide, int column)
    {
        for (var i = start; i < end; i++)
        {
            var part = lines[i].FindAll(onSide);
            if (part.Count > 0)
            {
                ordered.Add((part, column));
            }
        }
    }
}
