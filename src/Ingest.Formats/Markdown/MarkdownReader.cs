using System.Globalization;
using System.Text;
using Ingest.Formats.PlainText;
using Ingest.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Block = Ingest.Model.Block;
using MarkdownBlock = Markdig.Syntax.Block;
using SourceSpan = Ingest.Model.SourceSpan;
using Markdig.Syntax.Inlines;

namespace Ingest.Formats.Markdown;

/// <summary>
/// Reads Markdown with Markdig into blocks: headings, paragraphs, list items (with their visible
/// marker put back into the text), tables and footnotes ("&lt;sup&gt;1&lt;/sup&gt; ..." paragraphs).
/// Emphasis markers are dropped; soft and hard line breaks become '\n'.
/// </summary>
public sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .Build();

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.Markdown;

    /// <inheritdoc />
    public ReadResult Read(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var decoded = FormatDetector.DecodeText(file.Content);
        var document = Markdig.Markdown.Parse(decoded.Text, Pipeline);
        var blocks = new List<Block>();
        foreach (var block in document)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Visit(block, blocks, listDepth: 0);
        }

        if (blocks.Count == 0)
        {
            // Markdig found nothing it recognises as content; fall back to paragraphs of lines.
            blocks = TextLines.ToParagraphs(decoded.Text);
        }

        if (blocks.Count == 0)
        {
            return ReadResult.Failed(Format, DiagnosticCodes.Empty, "The file holds no text.");
        }

        return new ReadResult(Format, blocks) { Reading = new ReadingInfo { Encoding = decoded.Encoding } };
    }

    private static void Visit(MarkdownBlock block, List<Block> output, int listDepth, string? itemMarker = null)
    {
        switch (block)
        {
            case HeadingBlock heading:
                AddLeaf(output, BlockKind.Heading, heading.Inline, heading, level: heading.Level);
                break;
            case ParagraphBlock paragraph:
                if (itemMarker is not null)
                {
                    AddLeaf(output, BlockKind.ListItem, paragraph.Inline, paragraph, level: listDepth - 1, prefix: itemMarker + " ");
                }
                else
                {
                    AddLeaf(output, BlockKind.Paragraph, paragraph.Inline, paragraph, level: 0);
                }

                break;
            case ListBlock list:
                VisitList(list, output, listDepth);
                break;
            case Table table:
                AddTable(table, output);
                break;
            case CodeBlock code:
                // Indented text is common in exported documents; it is text, not code.
                var lines = code.Lines.ToString().Trim('\n');
                if (lines.Length > 0)
                {
                    output.Add(new Block(BlockKind.Paragraph, lines, SpanOf(code)));
                }

                break;
            case HtmlBlock html:
                var text = StripTags(html.Lines.ToString()).Trim();
                if (text.Length > 0)
                {
                    output.Add(new Block(BlockKind.Paragraph, text, SpanOf(html)));
                }

                break;
            case ContainerBlock container:
                var first = true;
                foreach (var child in container)
                {
                    Visit(child, output, listDepth, first ? itemMarker : null);
                    first = false;
                }

                break;
            default:
                // Thematic breaks ("-----") and link definitions carry no text.
                break;
        }
    }

    private static void VisitList(ListBlock list, List<Block> output, int listDepth)
    {
        var number = 1;
        if (list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            number = start;
        }

        foreach (var item in list)
        {
            var marker = list.IsOrdered
                ? number.ToString(CultureInfo.InvariantCulture) + list.OrderedDelimiter
                : list.BulletType.ToString();
            number++;
            if (item is ListItemBlock listItem && listItem.Count == 0)
            {
                // An empty item ("*" alone on a line, a decoration in party headers) is kept as its marker.
                output.Add(new Block(BlockKind.Paragraph, marker, SpanOf(listItem)));
                continue;
            }

            if (item is ContainerBlock container)
            {
                var first = true;
                foreach (var child in container)
                {
                    Visit(child, output, listDepth + 1, first ? marker : null);
                    first = false;
                }
            }
        }
    }

    private static void AddLeaf(List<Block> output, BlockKind kind, ContainerInline? inline, MarkdownBlock source, int level, string prefix = "")
    {
        if (inline is null)
        {
            return;
        }

        var flattener = new InlineFlattener();
        flattener.Append(inline);
        var text = flattener.Text.Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (flattener.StartsWithSuperscript && kind == BlockKind.Paragraph)
        {
            kind = BlockKind.Footnote;
        }

        var style = flattener.IsAllBold ? BlockStyle.Bold : BlockStyle.None;
        style |= flattener.IsAllItalic ? BlockStyle.Italic : BlockStyle.None;
        output.Add(new Block(kind, prefix + text, SpanOf(source)) { Level = level, Style = style });
    }

    private static void AddTable(Table table, List<Block> output)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = new List<string>();
            foreach (var cell in row.OfType<TableCell>())
            {
                var cellText = new StringBuilder();
                foreach (var paragraph in cell.OfType<ParagraphBlock>())
                {
                    var flattener = new InlineFlattener();
                    if (paragraph.Inline is not null)
                    {
                        flattener.Append(paragraph.Inline);
                    }

                    cellText.Append(flattener.Text.Trim());
                }

                cells.Add(cellText.ToString());
            }

            rows.Add(cells);
        }

        var text = string.Join('\n', rows.Select(r => string.Join('\t', r)));
        output.Add(new Block(BlockKind.Table, text, SpanOf(table)) { Cells = rows });
    }

    private static SourceSpan SpanOf(MarkdownBlock block) =>
        new(block.Span.Start, Math.Max(0, block.Span.Length), block.Line + 1, 0);

    private static string StripTags(string html)
    {
        var builder = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Flattens an inline tree to text and measures how much of it is emphasised.</summary>
    private sealed class InlineFlattener
    {
        private readonly StringBuilder _text = new();
        private int _boldDepth;
        private int _italicDepth;
        private bool _inSuperscript;
        private bool _breakIfGlued;
        private int _letters;
        private int _boldLetters;
        private int _italicLetters;

        public string Text => _text.ToString();

        public bool StartsWithSuperscript { get; private set; }

        public bool IsAllBold => _letters > 0 && _boldLetters == _letters;

        public bool IsAllItalic => _letters > 0 && _italicLetters == _letters;

        public void Append(Inline inline)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    if (!_inSuperscript)
                    {
                        AppendText(literal.Content.ToString());
                    }

                    break;
                case LineBreakInline:
                    _text.Append('\n');
                    break;
                case CodeInline code:
                    AppendText(code.Content);
                    break;
                case HtmlEntityInline entity:
                    AppendText(entity.Transcoded.ToString());
                    break;
                case HtmlInline html:
                    HandleTag(html.Tag);
                    break;
                case AutolinkInline autolink:
                    AppendText(autolink.Url);
                    break;
                case EmphasisInline emphasis:
                    // Emphasis that starts or ends inside a run of letters ("VĂN PHÒNG**SAO LỤC**")
                    // marks lines that an export collapsed: Vietnamese never emphasises part of a
                    // syllable, so the boundary becomes a line break.
                    _breakIfGlued = true;
                    var bold = emphasis.DelimiterCount >= 2;
                    var italic = emphasis.DelimiterCount % 2 == 1;
                    _boldDepth += bold ? 1 : 0;
                    _italicDepth += italic ? 1 : 0;
                    AppendChildren(emphasis);
                    _boldDepth -= bold ? 1 : 0;
                    _italicDepth -= italic ? 1 : 0;
                    _breakIfGlued = true;
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline container:
                    AppendChildren(container);
                    break;
                default:
                    break;
            }
        }

        private void AppendChildren(ContainerInline container)
        {
            foreach (var child in container)
            {
                Append(child);
            }
        }

        private void HandleTag(string tag)
        {
            if (tag.StartsWith("<sup", StringComparison.OrdinalIgnoreCase))
            {
                // Footnote reference: the number is dropped from the running text. A paragraph
                // that starts with one is the footnote's body.
                StartsWithSuperscript |= _text.ToString().Trim().Length == 0;
                _inSuperscript = true;
            }
            else if (tag.StartsWith("</sup", StringComparison.OrdinalIgnoreCase))
            {
                _inSuperscript = false;
            }
            else if (tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase))
            {
                _text.Append('\n');
            }
        }

        private void AppendText(string text)
        {
            if (_breakIfGlued && text.Length > 0 && _text.Length > 0 &&
                char.IsLetterOrDigit(text[0]) && char.IsLetterOrDigit(_text[^1]))
            {
                _text.Append('\n');
            }

            _breakIfGlued = false;
            _text.Append(text);
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    _letters++;
                    _boldLetters += _boldDepth > 0 ? 1 : 0;
                    _italicLetters += _italicDepth > 0 ? 1 : 0;
                }
            }
        }
    }
}
