using System.Globalization;
using System.Text;
using HtmlAgilityPack;
using Ingest.Formats.Docx;
using Ingest.Model;

namespace Ingest.Formats.Html;

/// <summary>
/// Turns an HTML subtree into blocks the way a browser lays it out: block elements start new
/// blocks, &lt;br&gt; breaks a line, white space collapses outside &lt;pre&gt;, headings and list
/// items keep their kind (list items get their visible marker back), tables become table blocks.
/// The walk uses an explicit stack, so nesting depth cannot overflow the call stack.
/// </summary>
internal sealed class HtmlBlockWriter
{
    /// <summary>Tables inside table cells are read as tables this deep; deeper ones as plain blocks.</summary>
    private const int MaxTableNesting = 8;

    /// <summary>A cell with this much text is a page-layout cell, not data: its content is read as blocks.</summary>
    private const int LayoutCellLength = 3000;

    /// <summary>Above this share of link text, a list or box inside the content is a link list (related articles).</summary>
    private const double LinkListDensity = 0.6;

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "body", "p", "div", "section", "article", "main", "header", "footer", "blockquote", "center", "address",
        "figure", "figcaption", "dl", "dd", "dt", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "fieldset", "legend", "details", "summary",
    };

    private static readonly HashSet<string> FootnoteTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "footnote", "footnotes", "endnotes", "chuthich",
    };

    private readonly List<Block> _blocks = [];
    private readonly TextMeasure? _measure;
    private readonly int _tableDepth;
    private readonly CancellationToken _cancellationToken;
    private readonly Stack<ListState> _lists = new();
    private readonly StringBuilder _text = new();
    private int _letters;
    private int _boldLetters;
    private int _italicLetters;
    private int _spanStart = -1;
    private int _spanEnd;
    private int _spanLine;
    private BlockKind? _pendingKind;
    private int _pendingLevel;
    private string _pendingMarker = string.Empty;
    private int _bold;
    private int _italic;
    private int _pre;
    private int _centered;
    private int _footnote;
    private int _steps;

    private HtmlBlockWriter(TextMeasure? measure, int tableDepth, CancellationToken cancellationToken)
    {
        _measure = measure;
        _tableDepth = tableDepth;
        _cancellationToken = cancellationToken;
    }

    [Flags]
    private enum Entered
    {
        None = 0,
        Block = 1,
        Bold = 2,
        Italic = 4,
        Pre = 8,
        Centered = 16,
        Footnote = 32,
        List = 64,
        Pending = 128,
    }

    public static bool IsBlockLevel(string name) => BlockElements.Contains(name);

    /// <summary>Blocks of the subtree under <paramref name="root"/>.</summary>
    public static List<Block> Write(HtmlNode root, TextMeasure? measure, CancellationToken cancellationToken)
    {
        var writer = new HtmlBlockWriter(measure, 0, cancellationToken);
        writer.Walk(root);
        return writer._blocks;
    }

    /// <summary>A table as a table block; null when every cell is empty.</summary>
    public static Block? TableBlock(HtmlNode table, CancellationToken cancellationToken) =>
        new HtmlBlockWriter(null, 0, cancellationToken).ReadTable(table);

    private void Walk(HtmlNode root)
    {
        var pending = new Stack<(HtmlNode Node, Entered Entered, bool IsExit)>();
        pending.Push((root, Entered.None, false));
        while (pending.Count > 0)
        {
            var (node, entered, isExit) = pending.Pop();
            if ((++_steps & 0xFFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            if (isExit)
            {
                Leave(entered);
                continue;
            }

            if (node.NodeType == HtmlNodeType.Text)
            {
                AppendText((HtmlTextNode)node);
                continue;
            }

            if (node.NodeType is not (HtmlNodeType.Element or HtmlNodeType.Document))
            {
                continue;
            }

            var state = Enter(node, out var descend);
            if (!descend)
            {
                continue;
            }

            pending.Push((node, state, true));
            for (var i = node.ChildNodes.Count - 1; i >= 0; i--)
            {
                pending.Push((node.ChildNodes[i], Entered.None, false));
            }
        }

        Flush();
    }

    private Entered Enter(HtmlNode node, out bool descend)
    {
        descend = true;
        var name = node.Name;
        switch (name)
        {
            case "br":
                _text.Append('\n');
                descend = false;
                return Entered.None;
            case "sup" when IsNoteMark(node):
                // A footnote reference ("1", "[2]", "*") is dropped from running text, as in the Markdown reader.
                descend = false;
                return Entered.None;
            case "img" or "hr":
                descend = false;
                return Entered.None;
            case "table" when _tableDepth < MaxTableNesting && !IsLayoutTable(node):
                Flush();
                var table = ReadTable(node);
                if (table is not null)
                {
                    _blocks.Add(_footnote > 0 ? table with { Kind = BlockKind.Footnote, Cells = null } : table);
                }

                descend = false;
                return Entered.None;
            default:
                break;
        }

        if (name is "ul" or "ol" or "div" or "section" && IsLinkList(node))
        {
            descend = false;
            return Entered.None;
        }

        var entered = Entered.None;
        if (IsBlockLevel(name))
        {
            Flush();
            entered |= Entered.Block;
        }

        if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
        {
            SetPending(BlockKind.Heading, name[1] - '0', string.Empty);
            entered |= Entered.Pending;
        }
        else if (name == "li")
        {
            var list = _lists.Count > 0 ? _lists.Peek() : null;
            var marker = list is null ? "-" : list.NextMarker(node);
            SetPending(BlockKind.ListItem, Math.Max(0, _lists.Count - 1), marker + " ");
            entered |= Entered.Pending;
        }
        else if (name is "ul" or "ol")
        {
            _lists.Push(new ListState(node));
            entered |= Entered.List;
        }

        if (name is "b" or "strong")
        {
            _bold++;
            entered |= Entered.Bold;
        }

        if (name is "i" or "em")
        {
            _italic++;
            entered |= Entered.Italic;
        }

        if (name is "pre" or "textarea")
        {
            _pre++;
            entered |= Entered.Pre;
        }

        if (IsCentered(node))
        {
            _centered++;
            entered |= Entered.Centered;
        }

        if (HtmlPruner.Tokens(node).Any(FootnoteTokens.Contains))
        {
            _footnote++;
            entered |= Entered.Footnote;
        }

        return entered;
    }

    private void Leave(Entered entered)
    {
        if (entered.HasFlag(Entered.Block))
        {
            Flush();
        }

        if (entered.HasFlag(Entered.Pending))
        {
            _pendingKind = null;
        }

        _bold -= entered.HasFlag(Entered.Bold) ? 1 : 0;
        _italic -= entered.HasFlag(Entered.Italic) ? 1 : 0;
        _pre -= entered.HasFlag(Entered.Pre) ? 1 : 0;
        _centered -= entered.HasFlag(Entered.Centered) ? 1 : 0;
        _footnote -= entered.HasFlag(Entered.Footnote) ? 1 : 0;
        if (entered.HasFlag(Entered.List) && _lists.Count > 0)
        {
            _lists.Pop();
        }
    }

    private void SetPending(BlockKind kind, int level, string marker)
    {
        _pendingKind = kind;
        _pendingLevel = level;
        _pendingMarker = marker;
    }

    private void AppendText(HtmlTextNode node)
    {
        var decoded = HtmlEntity.DeEntitize(node.Text) ?? string.Empty;
        if (decoded.Length == 0)
        {
            return;
        }

        var lettersOrDigits = 0;
        if (_pre > 0)
        {
            var preformatted = decoded.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\u00A0', ' ');
            _text.Append(preformatted);
            lettersOrDigits = CountLettersOrDigits(preformatted);
        }
        else
        {
            // White space collapses to one space, and none at the start of the block or after a
            // line break; the runs between are appended whole, not character by character.
            var remaining = decoded.AsSpan();
            var hasLast = _text.Length > 0;
            var last = hasLast ? _text[^1] : '\0';
            while (!remaining.IsEmpty)
            {
                var run = remaining.Length;
                for (var i = 0; i < remaining.Length; i++)
                {
                    if (char.IsWhiteSpace(remaining[i]))
                    {
                        run = i;
                        break;
                    }
                }

                if (run == 0)
                {
                    if (hasLast && last is not (' ' or '\n'))
                    {
                        _text.Append(' ');
                        last = ' ';
                    }

                    remaining = remaining[1..];
                    continue;
                }

                _text.Append(remaining[..run]);
                lettersOrDigits += CountLettersOrDigits(remaining[..run]);
                last = remaining[run - 1];
                hasLast = true;
                remaining = remaining[run..];
            }
        }

        _letters += lettersOrDigits;
        _boldLetters += _bold > 0 ? lettersOrDigits : 0;
        _italicLetters += _italic > 0 ? lettersOrDigits : 0;

        if (_spanStart < 0)
        {
            _spanStart = node.StreamPosition;
            _spanLine = node.Line;
        }

        _spanEnd = node.StreamPosition + node.Text.Length;
    }

    private static int CountLettersOrDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return count;
    }

    private void Flush()
    {
        var text = CleanLines(_text.ToString(), keepBlankLines: _pre > 0);
        if (text.Length > 0)
        {
            var kind = _footnote > 0 ? BlockKind.Footnote : _pendingKind ?? BlockKind.Paragraph;
            var level = _pendingKind is null || _footnote > 0 ? 0 : _pendingLevel;
            if (kind == BlockKind.ListItem)
            {
                text = _pendingMarker + text;
            }

            var style = BlockStyle.None;
            style |= _letters > 0 && _boldLetters == _letters ? BlockStyle.Bold : BlockStyle.None;
            style |= _letters > 0 && _italicLetters == _letters ? BlockStyle.Italic : BlockStyle.None;
            style |= _centered > 0 ? BlockStyle.Centered : BlockStyle.None;
            var start = Math.Max(0, _spanStart);
            _blocks.Add(new Block(kind, text, new SourceSpan(start, Math.Max(0, _spanEnd - start), _spanLine, 0)) { Level = level, Style = style });

            // The marker and kind belong to the first block of the item; continuation paragraphs are plain.
            _pendingKind = null;
        }

        _text.Clear();
        _letters = _boldLetters = _italicLetters = 0;
        _spanStart = -1;
    }

    private Block? ReadTable(HtmlNode table)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in RowsOf(table))
        {
            var cells = new List<string>();
            foreach (var cell in row.ChildNodes.Where(c => c.Name is "td" or "th"))
            {
                var writer = new HtmlBlockWriter(_measure, _tableDepth + 1, _cancellationToken);
                writer.Walk(cell);
                cells.Add(string.Join('\n', writer._blocks.Select(b => b.Text)));
            }

            if (cells.Count > 0)
            {
                rows.Add(cells);
            }
        }

        if (rows.All(r => r.All(c => c.Length == 0)))
        {
            return null;
        }

        var text = string.Join('\n', rows.Select(r => string.Join('\t', r)));
        return new Block(BlockKind.Table, text, new SourceSpan(table.StreamPosition, Math.Max(0, table.OuterStartIndex + table.OuterLength - table.StreamPosition), table.Line, 0))
        {
            Cells = rows,
        };
    }

    private static IEnumerable<HtmlNode> RowsOf(HtmlNode table)
    {
        foreach (var child in table.ChildNodes)
        {
            if (child.Name == "tr")
            {
                yield return child;
            }
            else if (child.Name is "thead" or "tbody" or "tfoot")
            {
                foreach (var row in child.ChildNodes.Where(r => r.Name == "tr"))
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>A table used to lay out the page (one cell, or a cell holding a whole text) is read as blocks.</summary>
    private bool IsLayoutTable(HtmlNode table)
    {
        var cells = RowsOf(table).SelectMany(r => r.ChildNodes.Where(c => c.Name is "td" or "th")).Take(2).ToList();
        if (cells.Count <= 1)
        {
            return true;
        }

        return _measure is not null && RowsOf(table).SelectMany(r => r.ChildNodes).Any(c => _measure.TextLength(c) > LayoutCellLength);
    }

    private bool IsLinkList(HtmlNode node)
    {
        if (_measure is null)
        {
            return false;
        }

        var text = _measure.TextLength(node);
        return text > 0 && _measure.LinkTextLength(node) > text * LinkListDensity;
    }

    private static bool IsNoteMark(HtmlNode sup)
    {
        var text = HtmlEntity.DeEntitize(ShortText(sup, 16))?.Trim() ?? string.Empty;
        return text.Length is > 0 and <= 4 && text.All(c => char.IsAsciiDigit(c) || c is '[' or ']' or '(' or ')' or '*');
    }

    private static bool IsCentered(HtmlNode node)
    {
        if (node.Name == "center" || node.GetAttributeValue("align", string.Empty).Equals("center", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = node.GetAttributeValue("style", string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        return style.Contains("text-align:center", StringComparison.OrdinalIgnoreCase);
    }

    private static string CleanLines(string text, bool keepBlankLines)
    {
        var lines = text.Replace('\u00A0', ' ').Split('\n').Select(l => l.Trim());
        if (!keepBlankLines)
        {
            lines = lines.Where(l => l.Length > 0);
        }

        return string.Join('\n', lines).Trim('\n');
    }

    /// <summary>Numbering state of one ul/ol, following the start, type and value attributes.</summary>
    private sealed class ListState
    {
        private readonly bool _ordered;
        private readonly string _type;
        private int _next;

        public ListState(HtmlNode list)
        {
            _ordered = list.Name == "ol";
            _type = list.GetAttributeValue("type", "1");
            _next = int.TryParse(list.GetAttributeValue("start", "1"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
        }

        public string NextMarker(HtmlNode item)
        {
            if (!_ordered)
            {
                return "-";
            }

            if (int.TryParse(item.GetAttributeValue("value", string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                _next = value;
            }

            var number = _next++;
            var label = _type switch
            {
                "a" when number >= 1 => ((char)('a' + ((number - 1) % 26))).ToString(),
                "A" when number >= 1 => ((char)('A' + ((number - 1) % 26))).ToString(),
                "i" when number >= 1 => ListLabels.Roman(number).ToLowerInvariant(),
                "I" when number >= 1 => ListLabels.Roman(number),
                _ => number.ToString(CultureInfo.InvariantCulture),
            };
            return label + ".";
        }
    }

    /// <summary>Text of a small subtree, iteratively; stops once <paramref name="limit"/> characters are collected.</summary>
    private static string ShortText(HtmlNode node, int limit)
    {
        var builder = new StringBuilder();
        var pending = new Stack<HtmlNode>();
        pending.Push(node);
        while (pending.Count > 0 && builder.Length <= limit)
        {
            var current = pending.Pop();
            if (current is HtmlTextNode text)
            {
                builder.Append(text.Text);
                continue;
            }

            for (var i = current.ChildNodes.Count - 1; i >= 0; i--)
            {
                pending.Push(current.ChildNodes[i]);
            }
        }

        return builder.ToString();
    }
}
