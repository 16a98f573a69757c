using System.Text.RegularExpressions;
using Ingest.Model;
using Ingest.Structure.Header;
using Ingest.Structure.Text;
using Ingest.Vietnamese;

namespace Ingest.Structure.Lines;

/// <summary>A file's blocks as lines, with footnote bodies set aside at the line where they occurred.</summary>
/// <param name="Lines">Every non-empty line, in order.</param>
/// <param name="Footnotes">Footnote blocks, each with the index of the first line after it.</param>
internal sealed record FlatText(IReadOnlyList<SourceLine> Lines, IReadOnlyList<(int LineIndex, Paragraph Footnote)> Footnotes);

/// <summary>
/// Splits blocks into lines. Footnote blocks are kept apart; table cells become lines, row by row,
/// left cell first (a party letterhead is often a two-column table: body name left, party name and
/// date right). Linear in the size of the text. Pure and thread-safe.
/// </summary>
internal static partial class LineFlattener
{
    /// <summary>Columns printed side by side in text exports are split where a tab or a run of spaces separates them.</summary>
    private const int MaxColumnSegmentLength = 80;

    public static FlatText Flatten(IReadOnlyList<Block> blocks)
    {
        var lines = new List<SourceLine>();
        var footnotes = new List<(int, Paragraph)>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Text.Contains("<sup", StringComparison.OrdinalIgnoreCase))
            {
                // Footnote marks written as HTML in a text file ("bốn nguy cơ<sup>1</sup>"): a block that
                // opens with one is the footnote's body, marks inside running text are dropped.
                var opensWithMark = SuperscriptPattern().Match(block.Text.TrimStart()) is { Success: true, Index: 0 };
                block = block with
                {
                    Kind = opensWithMark && block.Kind == BlockKind.Paragraph ? BlockKind.Footnote : block.Kind,
                    Text = SuperscriptPattern().Replace(block.Text, string.Empty),
                };
            }

            if (block.Kind == BlockKind.Footnote)
            {
                var text = TextShape.CollapseSpaces(VietnameseText.Nfc(block.Text));
                if (text.Length > 0)
                {
                    footnotes.Add((lines.Count, new Paragraph(text, block.Span)));
                }

                continue;
            }

            var raw = block.Kind == BlockKind.Table && block.Cells is not null
                ? TableLines(block.Cells)
                : block.Text.Split('\n');
            AddBlockLines(lines, raw, b, block);
        }

        return new FlatText(lines, footnotes);
    }

    /// <summary>
    /// The lines of a table, cell by cell. A website's property table prints a label and its value
    /// in two cells ("Người ký:" | "Võ Văn Thưởng"); such a pair becomes the one metadata line a
    /// text export of the same page prints.
    /// </summary>
    private static IEnumerable<string> TableLines(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i].Trim();
                if (i + 1 < row.Count && !cell.Contains('\n', StringComparison.Ordinal) &&
                    !HeaderLine.TryParseSiteMetadata(cell, out _, out _) &&
                    HeaderLine.TryParseSiteMetadata(cell + " " + row[i + 1].Trim(), out _, out _))
                {
                    yield return cell + " " + row[i + 1].Trim();
                    i++;
                    continue;
                }

                foreach (var line in row[i].Split('\n'))
                {
                    yield return line;
                }
            }
        }
    }

    private static void AddBlockLines(List<SourceLine> output, IEnumerable<string> rawLines, int blockIndex, Block block)
    {
        var exact = block.PrintedText is null && block.Kind != BlockKind.Table && block.Span.Length == block.Text.Length;
        var pieces = new List<(string Text, int Offset, int LineInBlock)>();
        var offset = 0;
        var lineInBlock = 0;
        foreach (var rawLine in rawLines)
        {
            foreach (var segment in SplitColumns(rawLine))
            {
                var text = TextShape.CollapseSpaces(VietnameseText.Nfc(segment));
                if (text.Length > 0 && !IsOcrSpeck(text))
                {
                    var at = exact ? Math.Max(0, block.Text.IndexOf(segment.Trim(), offset, StringComparison.Ordinal)) : 0;
                    pieces.Add((text, at, lineInBlock));
                }
            }

            offset += rawLine.Length + 1;
            lineInBlock++;
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            var (text, at, lineInBlock2) = pieces[i];
            var span = exact
                ? new SourceSpan(block.Span.Offset + at, Math.Min(text.Length, block.Span.Length - at), block.Span.Line + lineInBlock2, block.Span.Page)
                : block.Span with { Line = block.Span.Line == 0 ? 0 : block.Span.Line + (block.Kind == BlockKind.Table ? 0 : lineInBlock2) };
            output.Add(new SourceLine(text, span, blockIndex, i, block));
        }
    }

    /// <summary>
    /// A line with a single letter or digit and nothing that makes it a label or decoration ("ị", "À",
    /// "Ö"): a speck of a seal or stain read by OCR. Dropped so it cannot interrupt a header.
    /// </summary>
    private static bool IsOcrSpeck(string text)
    {
        var alphanumeric = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                alphanumeric++;
            }
            else if (!char.IsWhiteSpace(c) && c is not ('|' or '\'' or '`' or '‘' or '’' or ',' or '.'))
            {
                return false;
            }
        }

        return alphanumeric == 1;
    }

    /// <summary>
    /// "BAN CHẤP HÀNH TRUNG ƯƠNG      ĐẢNG CỘNG SẢN VIỆT NAM" is two columns of a header printed on one
    /// line. Split at tabs or runs of three or more spaces when every piece is short; a numbered label
    /// followed by a tab ("1.\tMở đợt ...") is one line.
    /// </summary>
    private static IEnumerable<string> SplitColumns(string line)
    {
        if (!line.Contains('\t', StringComparison.Ordinal) && !line.Contains("   ", StringComparison.Ordinal))
        {
            return [line];
        }

        var segments = ColumnGapPattern().Split(line.Trim()).Where(s => s.Length > 0).ToArray();
        if (segments.Length < 2 || segments.Any(s => s.Length > MaxColumnSegmentLength) || LeadingLabelPattern().IsMatch(segments[0]))
        {
            return [line];
        }

        return segments;
    }

    [GeneratedRegex(@"<sup>\s*[\d*]{1,4}\s*</sup>", RegexOptions.IgnoreCase)]
    private static partial Regex SuperscriptPattern();

    [GeneratedRegex(@"\t+| {3,}")]
    private static partial Regex ColumnGapPattern();

    [GeneratedRegex(@"^(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[a-zđ]|[-+•*])[.)\-:]?$")]
    private static partial Regex LeadingLabelPattern();
}
