using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ingest.Model;
using Ingest.Vietnamese;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace Ingest.Formats.Docx;

/// <summary>
/// Walks one document's body in reading order and produces blocks. Holds the per-document state
/// (numbering counters, footnote references, offsets), so a new walker serves each read.
/// </summary>
internal sealed class DocxBodyWalker
{
    /// <summary>
    /// Containers (content controls, custom XML, text boxes, nested tables) deeper than this are
    /// not followed. PackageGuard already bounds XML depth; this bounds the walker's own recursion.
    /// </summary>
    private const int MaxContainerDepth = 48;

    private readonly MainDocumentPart _main;
    private readonly DocxStyles _styles;
    private readonly DocxNumbering _numbering;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Block> _blocks = [];
    private readonly List<string> _footnoteOrder = [];
    private readonly List<string> _endnoteOrder = [];
    private int _paragraphIndex;
    private int _offset;

    public DocxBodyWalker(MainDocumentPart main, CancellationToken cancellationToken)
    {
        _main = main;
        _cancellationToken = cancellationToken;
        _styles = new DocxStyles(main.StyleDefinitionsPart?.Styles);
        _numbering = new DocxNumbering(main.NumberingDefinitionsPart?.Numbering, _styles);
    }

    /// <summary>Number of runs whose legacy-font text was converted to Unicode.</summary>
    public int LegacyRunsConverted { get; private set; }

    /// <summary>Legacy font names met, in order of first appearance.</summary>
    public List<string> LegacyFontsSeen { get; } = [];

    public List<Block> Walk(Body body)
    {
        EmitContainer(body, depth: 0);
        EmitNotes();
        return _blocks;
    }

    private void EmitContainer(OpenXmlElement container, int depth)
    {
        if (depth > MaxContainerDepth)
        {
            return;
        }

        foreach (var child in container.ChildElements)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (child)
            {
                case Paragraph paragraph:
                    EmitParagraph(paragraph, depth);
                    break;
                case Table table:
                    EmitTable(table, depth);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    EmitContainer(content, depth + 1);
                    break;
                case CustomXmlBlock customXml:
                    EmitContainer(customXml, depth + 1);
                    break;
                default:
                    // Section properties, bookmarks, permission marks: no text.
                    break;
            }
        }
    }

    private void EmitParagraph(Paragraph paragraph, int depth)
    {
        var textBoxes = new List<TextBoxContent>();
        var content = ReadParagraph(paragraph, textBoxes);
        if (content.Text.Length > 0)
        {
            Add(content.Kind, content.Text, content.Level, content.Style, cells: null, _paragraphIndex);
        }

        foreach (var textBox in textBoxes)
        {
            EmitContainer(textBox, depth + 1);
        }
    }

    private void EmitTable(Table table, int depth)
    {
        var firstParagraph = _paragraphIndex + 1;
        var rows = ReadTable(table, depth, out var singleCell);
        if (singleCell is not null)
        {
            // A 1x1 table is a frame around ordinary paragraphs (boxed notes, framed titles).
            EmitContainer(singleCell, depth + 1);
            return;
        }

        if (rows.Count == 0 || rows.All(r => r.All(c => c.Length == 0)))
        {
            return;
        }

        var text = string.Join('\n', rows.Select(r => string.Join('\t', r)));
        Add(BlockKind.Table, text, 0, BlockStyle.None, rows, firstParagraph);
    }

    private List<IReadOnlyList<string>> ReadTable(Table table, int depth, out TableCell? singleCell)
    {
        singleCell = null;
        var rows = new List<IReadOnlyList<string>>();
        var tableRows = Rows(table).ToList();
        if (tableRows.Count == 1)
        {
            var onlyCells = Cells(tableRows[0]).ToList();
            if (onlyCells.Count == 1)
            {
                singleCell = onlyCells[0];
                return rows;
            }
        }

        foreach (var row in tableRows)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var cells = new List<string>();
            foreach (var cell in Cells(row))
            {
                var merge = cell.TableCellProperties?.VerticalMerge;
                var continuesMerge = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                cells.Add(continuesMerge ? string.Empty : CellText(cell, depth + 1));
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static IEnumerable<TableRow> Rows(Table table)
    {
        foreach (var child in table.ChildElements)
        {
            if (child is TableRow row)
            {
                yield return row;
            }
            else if (child is SdtRow sdtRow && sdtRow.SdtContentRow is { } content)
            {
                foreach (var inner in content.Elements<TableRow>())
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<TableCell> Cells(TableRow row)
    {
        foreach (var child in row.ChildElements)
        {
            if (child is TableCell cell)
            {
                yield return cell;
            }
            else if (child is SdtCell sdtCell && sdtCell.SdtContentCell is { } content)
            {
                foreach (var inner in content.Elements<TableCell>())
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Text of a cell: its paragraphs one per line; a nested table's cells joined by spaces.</summary>
    private string CellText(OpenXmlElement cell, int depth)
    {
        if (depth > MaxContainerDepth)
        {
            return string.Empty;
        }

        var lines = new List<string>();
        foreach (var child in cell.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    var textBoxes = new List<TextBoxContent>();
                    var content = ReadParagraph(paragraph, textBoxes);
                    if (content.Text.Length > 0)
                    {
                        lines.Add(content.Text);
                    }

                    lines.AddRange(textBoxes.Select(t => CellText(t, depth + 1)).Where(t => t.Length > 0));
                    break;
                case Table nested:
                    var nestedRows = ReadTable(nested, depth + 1, out var nestedSingle);
                    if (nestedSingle is not null)
                    {
                        lines.Add(CellText(nestedSingle, depth + 1));
                    }
                    else
                    {
                        lines.AddRange(nestedRows.Select(r => string.Join(' ', r.Where(c => c.Length > 0))).Where(l => l.Length > 0));
                    }

                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                    lines.Add(CellText(sdtContent, depth + 1));
                    break;
                case CustomXmlBlock customXml:
                    lines.Add(CellText(customXml, depth + 1));
                    break;
                default:
                    break;
            }
        }

        return string.Join('\n', lines.Where(l => l.Length > 0));
    }

    private ParagraphContent ReadParagraph(Paragraph paragraph, List<TextBoxContent> textBoxes)
    {
        _paragraphIndex++;
        var properties = paragraph.ParagraphProperties;
        var chain = _styles.ParagraphChain(properties);
        var text = new ParagraphTextBuilder();
        CollectRuns(paragraph, chain, text, textBoxes);
        var body = CleanLines(text.ToString());

        // The label is computed even for an empty paragraph: Word advances the counter for it too.
        var label = string.Empty;
        var numbering = DocxStyles.NumberingOf(properties, chain);
        if (numbering is { } reference)
        {
            label = _numbering.NextLabel(reference.NumId, reference.Level);
        }

        if (body.Length == 0)
        {
            return new ParagraphContent(BlockKind.Paragraph, string.Empty, 0, BlockStyle.None);
        }

        var headingLevel = DocxStyles.HeadingLevel(properties, chain);
        var kind = headingLevel > 0 ? BlockKind.Heading
            : numbering is not null && label.Length > 0 ? BlockKind.ListItem
            : BlockKind.Paragraph;
        var level = kind switch
        {
            BlockKind.Heading => headingLevel,
            BlockKind.ListItem => numbering!.Value.Level,
            _ => 0,
        };
        var style = BlockStyle.None;
        style |= text.IsAllBold ? BlockStyle.Bold : BlockStyle.None;
        style |= text.IsAllItalic ? BlockStyle.Italic : BlockStyle.None;
        style |= DocxStyles.IsCentered(properties, chain) ? BlockStyle.Centered : BlockStyle.None;
        return new ParagraphContent(kind, label + body, level, style);
    }

    /// <summary>
    /// Collects the visible text of a paragraph in document order. Iterative (explicit stack), so
    /// deeply nested hyperlinks or content controls cannot exhaust the call stack. Field codes are
    /// skipped and field results kept; deleted and hidden text is skipped.
    /// </summary>
    private void CollectRuns(OpenXmlElement paragraph, List<Style> chain, ParagraphTextBuilder text, List<TextBoxContent> textBoxes)
    {
        // Each open complex field is true while its code (before "separate") is being read.
        var fields = new Stack<bool>();
        var pending = new Stack<IEnumerator<OpenXmlElement>>();
        pending.Push(paragraph.ChildElements.GetEnumerator());
        while (pending.Count > 0)
        {
            var enumerator = pending.Peek();
            if (!enumerator.MoveNext())
            {
                enumerator.Dispose();
                pending.Pop();
                continue;
            }

            switch (enumerator.Current)
            {
                case Run run:
                    ReadRun(run, chain, text, textBoxes, fields);
                    break;
                case ParagraphProperties or DeletedRun or MoveFromRun:
                    break;
                case OpenXmlElement container when container.HasChildren:
                    // Hyperlinks, simple fields (their runs are the result), content controls,
                    // insertions, smart tags, custom XML runs.
                    pending.Push(container.ChildElements.GetEnumerator());
                    break;
                default:
                    break;
            }
        }
    }

    private void ReadRun(Run run, List<Style> chain, ParagraphTextBuilder text, List<TextBoxContent> textBoxes, Stack<bool> fields)
    {
        var format = _styles.RunFormatOf(run.RunProperties, chain);
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case FieldChar fieldChar:
                    var type = fieldChar.FieldCharType;
                    if (type is null)
                    {
                        break;
                    }

                    if (type.Value == FieldCharValues.Begin)
                    {
                        fields.Push(true);
                    }
                    else if (type.Value == FieldCharValues.Separate && fields.Count > 0)
                    {
                        fields.Pop();
                        fields.Push(false);
                    }
                    else if (type.Value == FieldCharValues.End && fields.Count > 0)
                    {
                        fields.Pop();
                    }

                    break;
                case AlternateContent or Drawing or DocumentFormat.OpenXml.Wordprocessing.Picture or EmbeddedObject:
                    CollectTextBoxes(child, textBoxes);
                    break;
                default:
                    if (format.Hidden || fields.Any(inCode => inCode))
                    {
                        break;
                    }

                    AppendRunChild(child, format, text);
                    break;
            }
        }
    }

    private void AppendRunChild(OpenXmlElement child, RunFormat format, ParagraphTextBuilder text)
    {
        switch (child)
        {
            case Text t:
                text.Append(ConvertLegacy(t.Text, format.Font), format);
                break;
            case TabChar or PositionalTab:
                text.Append(" ", format);
                break;
            case Break or CarriageReturn:
                text.Append("\n", format);
                break;
            case NoBreakHyphen:
                text.Append("-", format);
                break;
            case SymbolChar symbol:
                var symbolText = SymbolText(symbol.Char?.Value);
                if (symbolText.Length > 0)
                {
                    text.Append(symbolText, format);
                }

                break;
            case FootnoteReference footnote when footnote.Id?.Value is long footnoteId:
                // The reference mark is dropped from running text, as the Markdown reader drops <sup>n</sup>.
                _footnoteOrder.Add(footnoteId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case EndnoteReference endnote when endnote.Id?.Value is long endnoteId:
                _endnoteOrder.Add(endnoteId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                // Field codes (instrText), deleted text, soft hyphens, page-break markers: invisible.
                break;
        }
    }

    /// <summary>
    /// w:sym holds a code point of a symbol font, usually in the private-use area F000-F0FF that
    /// maps to the font's 8-bit table. Only printable ASCII survives that mapping meaningfully.
    /// </summary>
    private static string SymbolText(string? hex)
    {
        if (hex is null || !int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return string.Empty;
        }

        if (code is >= 0xF000 and <= 0xF0FF)
        {
            code -= 0xF000;
        }

        return code is > 0x20 and < 0x7F ? ((char)code).ToString() : string.Empty;
    }

    /// <summary>
    /// Finds text boxes inside a drawing. An mc:AlternateContent holds the same box twice (DrawingML
    /// in the Choice, VML in the Fallback); only the first branch that has one is taken.
    /// </summary>
    private static void CollectTextBoxes(OpenXmlElement element, List<TextBoxContent> textBoxes)
    {
        if (element is AlternateContent alternate)
        {
            foreach (var branch in alternate.ChildElements)
            {
                var found = TopLevelTextBoxes(branch).ToList();
                if (found.Count > 0)
                {
                    textBoxes.AddRange(found);
                    return;
                }
            }

            return;
        }

        textBoxes.AddRange(TopLevelTextBoxes(element));
    }

    /// <summary>Text boxes directly in <paramref name="element"/>; boxes inside those boxes are found when those are walked.</summary>
    private static IEnumerable<TextBoxContent> TopLevelTextBoxes(OpenXmlElement element)
    {
        var enclosing = element.Ancestors<TextBoxContent>().FirstOrDefault();
        return element.Descendants<TextBoxContent>().Where(t => t.Ancestors<TextBoxContent>().FirstOrDefault() == enclosing);
    }

    private string ConvertLegacy(string text, string? font)
    {
        if (font is null || text.Length == 0)
        {
            return text;
        }

        if (LegacyFonts.TryConvertRun(text, font, out var converted))
        {
            LegacyRunsConverted++;
            if (!LegacyFontsSeen.Contains(font, StringComparer.Ordinal))
            {
                LegacyFontsSeen.Add(font);
            }

            return converted;
        }

        return text;
    }

    private void EmitNotes()
    {
        EmitNotes(_footnoteOrder, _main.FootnotesPart?.Footnotes?.Elements<Footnote>().Where(n => n.Type is null)
            .Select(n => (n.Id?.Value, (OpenXmlElement)n)));
        EmitNotes(_endnoteOrder, _main.EndnotesPart?.Endnotes?.Elements<Endnote>().Where(n => n.Type is null)
            .Select(n => (n.Id?.Value, (OpenXmlElement)n)));
    }

    /// <summary>Footnotes go after the body, in the order they are first referenced.</summary>
    private void EmitNotes(List<string> order, IEnumerable<(long? Id, OpenXmlElement Note)>? notes)
    {
        if (notes is null || order.Count == 0)
        {
            return;
        }

        var byId = new Dictionary<string, OpenXmlElement>(StringComparer.Ordinal);
        foreach (var (id, note) in notes)
        {
            if (id is not null)
            {
                byId.TryAdd(id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), note);
            }
        }

        foreach (var id in order.Distinct(StringComparer.Ordinal))
        {
            if (byId.TryGetValue(id, out var note))
            {
                var firstParagraph = _paragraphIndex + 1;
                var text = CellText(note, depth: 1);
                if (text.Length > 0)
                {
                    Add(BlockKind.Footnote, text, 0, BlockStyle.None, cells: null, firstParagraph);
                }
            }
        }
    }

    /// <summary>Adds a block; its span's line is the 1-based index of its first paragraph, counted over body, tables and notes.</summary>
    private void Add(BlockKind kind, string text, int level, BlockStyle style, IReadOnlyList<IReadOnlyList<string>>? cells, int paragraph)
    {
        _blocks.Add(new Block(kind, text, new SourceSpan(_offset, text.Length, paragraph, 0))
        {
            Level = level,
            Style = style,
            Cells = cells,
        });

        // Offsets index the reader's own rendering: block texts separated by a blank line.
        _offset += text.Length + 2;
    }

    /// <summary>
    /// Trims every line and drops blank ones: blank lines made with repeated breaks are spacing
    /// (the room left for a signature), and a PDF or HTML rendition of the same page has none.
    /// </summary>
    private static string CleanLines(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private sealed record ParagraphContent(BlockKind Kind, string Text, int Level, BlockStyle Style);

    /// <summary>Accumulates a paragraph's text and how many of its letters are bold or italic.</summary>
    private sealed class ParagraphTextBuilder
    {
        private readonly StringBuilder _text = new();
        private int _letters;
        private int _bold;
        private int _italic;

        public bool IsAllBold => _letters > 0 && _bold == _letters;

        public bool IsAllItalic => _letters > 0 && _italic == _letters;

        public void Append(string value, RunFormat format)
        {
            _text.Append(value);
            foreach (var c in value)
            {
                if (char.IsLetterOrDigit(c))
                {
                    _letters++;
                    _bold += format.Bold ? 1 : 0;
                    _italic += format.Italic ? 1 : 0;
                }
            }
        }

        public override string ToString() => _text.ToString();
    }
}
