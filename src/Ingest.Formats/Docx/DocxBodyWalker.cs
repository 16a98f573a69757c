using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Ingest.Model;
using Ingest.Vietnamese;

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

    /// <summary>
    /// A left indent from which a paragraph sits in the right part of the page: 3,600 twips (6.35 cm)
    /// is over a third of the 16 cm a party document's A4 text block is wide (margins 30/20 mm).
    /// </summary>
    private const int RightColumnIndent = 3600;

    private readonly DocxPackage _package;
    private readonly WordNames _w;
    private readonly DocxStyles _styles;
    private readonly DocxNumbering _numbering;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Block> _blocks = [];
    private readonly List<long> _footnoteOrder = [];
    private readonly List<long> _endnoteOrder = [];
    private readonly ParagraphTextBuilder _text = new();
    private int _paragraphIndex;
    private int _offset;

    public DocxBodyWalker(DocxPackage package, CancellationToken cancellationToken)
    {
        _package = package;
        _w = package.Names;
        _cancellationToken = cancellationToken;
        _styles = new DocxStyles(package.Styles, _w);
        _numbering = new DocxNumbering(package.Numbering, _styles, _w);
    }

    /// <summary>Number of runs whose legacy-font text was converted to Unicode.</summary>
    public int LegacyRunsConverted { get; private set; }

    /// <summary>Legacy font names met, in order of first appearance.</summary>
    public List<string> LegacyFontsSeen { get; } = [];

    public List<Block> Walk(XElement body)
    {
        EmitContainer(body, depth: 0);
        EmitNotes();
        return _blocks;
    }

    private void EmitContainer(XElement container, int depth)
    {
        if (depth > MaxContainerDepth)
        {
            return;
        }

        foreach (var child in container.Elements())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var name = child.Name;
            if (name == _w.P)
            {
                EmitParagraph(child, depth);
            }
            else if (name == _w.Tbl)
            {
                EmitTable(child, depth);
            }
            else if (name == _w.Sdt)
            {
                if (child.Element(_w.SdtContent) is { } content)
                {
                    EmitContainer(content, depth + 1);
                }
            }
            else if (name == _w.CustomXml)
            {
                EmitContainer(child, depth + 1);
            }

            // Section properties, bookmarks, permission marks: no text.
        }
    }

    private void EmitParagraph(XElement paragraph, int depth)
    {
        var textBoxes = new List<XElement>();
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

    private void EmitTable(XElement table, int depth)
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

    private List<IReadOnlyList<string>> ReadTable(XElement table, int depth, out XElement? singleCell)
    {
        singleCell = null;
        var rows = new List<IReadOnlyList<string>>();
        var tableRows = Rows(table);
        if (tableRows.Count == 1)
        {
            var onlyCells = Cells(tableRows[0]);
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
                var merge = cell.Element(_w.TcPr)?.Element(_w.VMerge);
                var continuesMerge = merge is not null && (merge.Attribute(_w.Val)?.Value is null or "continue");
                cells.Add(continuesMerge ? string.Empty : CellText(cell, depth + 1));
            }

            rows.Add(cells);
        }

        return rows;
    }

    /// <summary>Rows of a table, including rows wrapped in row-level content controls.</summary>
    private List<XElement> Rows(XElement table) => ChildrenThroughContentControls(table, _w.Tr);

    /// <summary>Cells of a row, including cells wrapped in cell-level content controls.</summary>
    private List<XElement> Cells(XElement row) => ChildrenThroughContentControls(row, _w.Tc);

    private List<XElement> ChildrenThroughContentControls(XElement parent, XName name)
    {
        var found = new List<XElement>();
        foreach (var child in parent.Elements())
        {
            if (child.Name == name)
            {
                found.Add(child);
            }
            else if (child.Name == _w.Sdt && child.Element(_w.SdtContent) is { } content)
            {
                found.AddRange(content.Elements(name));
            }
        }

        return found;
    }

    /// <summary>Text of a cell: its paragraphs one per line; a nested table's cells joined by spaces.</summary>
    private string CellText(XElement cell, int depth)
    {
        if (depth > MaxContainerDepth)
        {
            return string.Empty;
        }

        var lines = new List<string>();
        foreach (var child in cell.Elements())
        {
            var name = child.Name;
            if (name == _w.P)
            {
                var textBoxes = new List<XElement>();
                var content = ReadParagraph(child, textBoxes);
                if (content.Text.Length > 0)
                {
                    lines.Add(content.Text);
                }

                foreach (var textBox in textBoxes)
                {
                    lines.Add(CellText(textBox, depth + 1));
                }
            }
            else if (name == _w.Tbl)
            {
                var nestedRows = ReadTable(child, depth + 1, out var nestedSingle);
                if (nestedSingle is not null)
                {
                    lines.Add(CellText(nestedSingle, depth + 1));
                }
                else
                {
                    lines.AddRange(nestedRows.Select(r => string.Join(' ', r.Where(c => c.Length > 0))));
                }
            }
            else if (name == _w.Sdt)
            {
                if (child.Element(_w.SdtContent) is { } sdtContent)
                {
                    lines.Add(CellText(sdtContent, depth + 1));
                }
            }
            else if (name == _w.CustomXml)
            {
                lines.Add(CellText(child, depth + 1));
            }
        }

        lines.RemoveAll(l => l.Length == 0);
        return string.Join('\n', lines);
    }

    private ParagraphContent ReadParagraph(XElement paragraph, List<XElement> textBoxes)
    {
        _paragraphIndex++;
        var properties = paragraph.Element(_w.PPr);
        var chain = _styles.ParagraphChain(properties);
        _text.Clear();
        CollectRuns(paragraph, chain, textBoxes);
        var body = _text.CleanText();

        // The label is computed even for an empty paragraph: Word advances the counter for it too.
        var label = string.Empty;
        var numbering = _styles.NumberingOf(properties, chain);
        if (numbering is { } reference)
        {
            label = _numbering.NextLabel(reference.NumId, reference.Level);
        }

        if (body.Length == 0)
        {
            return new ParagraphContent(BlockKind.Paragraph, string.Empty, 0, BlockStyle.None);
        }

        var justification = _styles.Justification(properties, chain);
        var centered = justification == "center";
        var numbered = numbering is not null && label.Length > 0;
        var headingLevel = _styles.HeadingLevel(properties, chain);
        if (headingLevel == 0 && !numbered)
        {
            headingLevel = FormattedHeadingLevel(body, justification, _styles.LeftIndent(properties, chain));
        }

        var kind = headingLevel > 0 ? BlockKind.Heading
            : numbered ? BlockKind.ListItem
            : BlockKind.Paragraph;
        var level = kind switch
        {
            BlockKind.Heading => headingLevel,
            BlockKind.ListItem => numbering!.Value.Level,
            _ => 0,
        };
        var style = BlockStyle.None;
        style |= _text.IsAllBold ? BlockStyle.Bold : BlockStyle.None;
        style |= _text.IsAllItalic ? BlockStyle.Italic : BlockStyle.None;
        style |= centered ? BlockStyle.Centered : BlockStyle.None;
        return new ParagraphContent(kind, label + body, level, style);
    }

    /// <summary>
    /// Heading level of an unstyled paragraph from how it is formatted (<see cref="FormattedHeading"/>),
    /// 0 for body text. A paragraph right-aligned, or indented past <see cref="RightColumnIndent"/>
    /// (a signature block centred in the right half of the page), is placed to the right.
    /// </summary>
    private int FormattedHeadingLevel(string text, string? justification, int leftIndent) =>
        FormattedHeading.Level(
            text,
            _text.IsAllBold,
            _text.IsAllCapitals,
            centered: justification == "center",
            placedRight: justification is "right" or "end" || leftIndent >= RightColumnIndent);

    /// <summary>
    /// Collects the visible text of a paragraph in document order. Iterative (a stack of where to
    /// go on), so deeply nested hyperlinks or content controls cannot exhaust the call stack. Field
    /// codes are skipped and field results kept; deleted and hidden text is skipped.
    /// </summary>
    private void CollectRuns(XElement paragraph, StyleChain chain, List<XElement> textBoxes)
    {
        var fields = new FieldState();
        var resume = new Stack<XNode?>();
        var node = paragraph.FirstNode;
        while (true)
        {
            if (node is null)
            {
                if (resume.Count == 0)
                {
                    break;
                }

                node = resume.Pop();
                continue;
            }

            var next = node.NextNode;
            if (node is XElement element)
            {
                var name = element.Name;
                if (name == _w.R)
                {
                    ReadRun(element, chain, textBoxes, fields);
                }
                else if (name == _w.AlternateContent)
                {
                    // The same content twice (Choice, Fallback): the first branch only.
                    if (element.Elements().FirstOrDefault() is { FirstNode: { } branchContent })
                    {
                        resume.Push(next);
                        next = branchContent;
                    }
                }
                else if (name != _w.PPr && name != _w.Del && name != _w.MoveFrom && element.FirstNode is { } firstChild)
                {
                    // Hyperlinks, simple fields (their runs are the result), content controls,
                    // insertions, smart tags, custom XML runs.
                    resume.Push(next);
                    next = firstChild;
                }
            }

            node = next;
        }
    }

    private void ReadRun(XElement run, StyleChain chain, List<XElement> textBoxes, FieldState fields)
    {
        var format = _styles.RunFormatOf(run.Element(_w.RPr), chain);
        foreach (var child in run.Elements())
        {
            var name = child.Name;
            if (name == _w.FldChar)
            {
                switch (child.Attribute(_w.FldCharType)?.Value)
                {
                    case "begin":
                        fields.Begin();
                        break;
                    case "separate":
                        fields.Separate();
                        break;
                    case "end":
                        fields.End();
                        break;
                    default:
                        break;
                }
            }
            else if (name == _w.AlternateContent || name == _w.Drawing || name == _w.Pict || name == _w.Object)
            {
                CollectTextBoxes(child, textBoxes);
            }
            else if (!format.Hidden && !fields.InCode)
            {
                AppendRunChild(child, format);
            }
        }
    }

    private void AppendRunChild(XElement child, RunFormat format)
    {
        var name = child.Name;
        if (name == _w.T)
        {
            _text.Append(ConvertLegacy(child.Value, format.Font), format);
        }
        else if (name == _w.Tab || name == _w.PTab)
        {
            _text.Append(" ", format);
        }
        else if (name == _w.Br || name == _w.Cr)
        {
            _text.Append("\n", format);
        }
        else if (name == _w.NoBreakHyphen)
        {
            _text.Append("-", format);
        }
        else if (name == _w.Sym)
        {
            var symbolText = SymbolText(child.Attribute(_w.Char)?.Value);
            if (symbolText.Length > 0)
            {
                _text.Append(symbolText, format);
            }
        }
        else if (name == _w.FootnoteReference || name == _w.EndnoteReference)
        {
            // The reference mark is dropped from running text, as the Markdown reader drops <sup>n</sup>.
            if (long.TryParse(child.Attribute(_w.Id)?.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                (name == _w.FootnoteReference ? _footnoteOrder : _endnoteOrder).Add(id);
            }
        }

        // Field codes (instrText), deleted text, soft hyphens, page-break markers: invisible.
    }

    /// <summary>
    /// w:sym holds a code point of a symbol font, usually in the private-use area F000-F0FF that
    /// maps to the font's 8-bit table. Only printable ASCII survives that mapping meaningfully.
    /// </summary>
    private static string SymbolText(string? hex)
    {
        if (hex is null || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
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
    private void CollectTextBoxes(XElement element, List<XElement> textBoxes)
    {
        if (element.Name == _w.AlternateContent)
        {
            foreach (var branch in element.Elements())
            {
                var before = textBoxes.Count;
                AddTopLevelTextBoxes(branch, textBoxes);
                if (textBoxes.Count > before)
                {
                    return;
                }
            }

            return;
        }

        AddTopLevelTextBoxes(element, textBoxes);
    }

    /// <summary>Text boxes inside <paramref name="element"/> but not inside another box there; inner boxes are found when their box is walked.</summary>
    private void AddTopLevelTextBoxes(XElement element, List<XElement> textBoxes)
    {
        var pending = new Stack<XElement>();
        pending.Push(element);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current != element && current.Name == _w.TxbxContent)
            {
                textBoxes.Add(current);
                continue;
            }

            // Pushed in reverse so boxes come out in document order.
            for (var child = current.LastNode; child is not null; child = child.PreviousNode)
            {
                if (child is XElement childElement)
                {
                    pending.Push(childElement);
                }
            }
        }
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
        EmitNotes(_footnoteOrder, _package.Footnotes, _w.Footnote);
        EmitNotes(_endnoteOrder, _package.Endnotes, _w.Endnote);
    }

    /// <summary>Notes go after the body, in the order they are first referenced; separator notes (w:type set) are not content.</summary>
    private void EmitNotes(List<long> order, XElement? notesPart, XName noteName)
    {
        if (notesPart is null || order.Count == 0)
        {
            return;
        }

        var byId = new Dictionary<long, XElement>();
        foreach (var note in notesPart.Elements(noteName))
        {
            if (note.Attribute(_w.Type) is null &&
                long.TryParse(note.Attribute(_w.Id)?.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                byId.TryAdd(id, note);
            }
        }

        foreach (var id in order.Distinct())
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

    private sealed record ParagraphContent(BlockKind Kind, string Text, int Level, BlockStyle Style);

    /// <summary>Open complex fields (w:fldChar begin/separate/end): whether the reader is inside a field's code.</summary>
    private sealed class FieldState
    {
        // One entry per open field: true while its code (before "separate") is being read.
        private readonly List<bool> _open = [];
        private int _inCode;

        public bool InCode => _inCode > 0;

        public void Begin()
        {
            _open.Add(true);
            _inCode++;
        }

        public void Separate()
        {
            if (_open.Count > 0 && _open[^1])
            {
                _open[^1] = false;
                _inCode--;
            }
        }

        public void End()
        {
            if (_open.Count > 0)
            {
                _inCode -= _open[^1] ? 1 : 0;
                _open.RemoveAt(_open.Count - 1);
            }
        }
    }

    /// <summary>
    /// Accumulates a paragraph's text and how many of its letters are bold or italic. Reused for
    /// every paragraph of a document; <see cref="Clear"/> starts the next one.
    /// </summary>
    private sealed class ParagraphTextBuilder
    {
        private readonly StringBuilder _text = new();
        private int _letters;
        private int _bold;
        private int _italic;
        private int _alphabetic;
        private int _capitals;

        public bool IsAllBold => _letters > 0 && _bold == _letters;

        public bool IsAllItalic => _letters > 0 && _italic == _letters;

        /// <summary>True when the paragraph has letters and every one shows as a capital (typed so, or in an all-caps run).</summary>
        public bool IsAllCapitals => _alphabetic > 0 && _capitals == _alphabetic;

        public void Clear()
        {
            _text.Clear();
            _letters = _bold = _italic = _alphabetic = _capitals = 0;
        }

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

                if (char.IsLetter(c))
                {
                    _alphabetic++;
                    _capitals += format.Caps || char.IsUpper(c) ? 1 : 0;
                }
            }
        }

        /// <summary>
        /// The text with every line trimmed and blank lines dropped: blank lines made with repeated
        /// breaks are spacing (the room left for a signature), and a PDF or HTML rendition of the
        /// same page has none.
        /// </summary>
        public string CleanText()
        {
            var text = _text.ToString();
            if (!text.Contains('\n', StringComparison.Ordinal))
            {
                return text.Trim();
            }

            var lines = text.Split('\n');
            var kept = new List<string>(lines.Length);
            foreach (var line in lines)
            {
                var trimmed = line.Trim();
                if (trimmed.Length > 0)
                {
                    kept.Add(trimmed);
                }
            }

            return string.Join('\n', kept);
        }
    }
}
