using HtmlAgilityPack;

namespace Ingest.Formats.Html;

/// <summary>
/// Picks the element that holds a page's main text, after pruning. Every paragraph-like element
/// with some text gives its (non-link) length to its parent and half to its grandparent; the best
/// scored element wins, then widens to its parent while the parent adds little text (a letterhead
/// or title kept in a sibling block), and to an enclosing article or main element. A winner whose
/// class or id names it as the document text widens only into containers named so too: around it
/// a legal-document site keeps its own page title, properties box and "Cập nhật" line, which are
/// not the document.
/// </summary>
internal static class MainContent
{
    /// <summary>Shorter paragraphs (captions, buttons, dates) say little about where the text is.</summary>
    private const int MinParagraphLength = 20;

    /// <summary>A parent whose text is at most this much larger than the winner's holds no other content.</summary>
    private const double WidenRatio = 1.3;

    /// <summary>
    /// Class/id words that name an element as the document text ("noidung" content, "toanvan" full
    /// text, "vanban" document). Narrower than <see cref="HtmlPruner.ContentTokens"/>: layout words
    /// such as "main" ("col-main") and "body" name page columns, not the document.
    /// </summary>
    private static readonly HashSet<string> DocumentTextTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "content", "article", "noidung", "vanban", "toanvan", "fulltext", "document",
    };

    private static readonly HashSet<string> ParagraphLike = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "pre", "td", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd",
    };

    public static HtmlNode Select(HtmlNode document, TextMeasure measure)
    {
        // Not Descendants(): HtmlAgilityPack walks it with nested iterators, quadratic on deep trees.
        var body = measure.Elements.FirstOrDefault(e => e.Name == "body") ?? document;
        var scores = new Dictionary<HtmlNode, double>();
        foreach (var node in measure.Elements)
        {
            if (!IsParagraphLike(node))
            {
                continue;
            }

            var length = measure.TextLength(node) - measure.LinkTextLength(node);
            if (length < MinParagraphLength || node.ParentNode is null)
            {
                continue;
            }

            Add(scores, node.ParentNode, length);
            if (node.ParentNode.ParentNode is { } grandparent)
            {
                Add(scores, grandparent, length / 2.0);
            }
        }

        if (scores.Count == 0)
        {
            return body;
        }

        var best = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key.StreamPosition).First().Key;
        for (var parent = best.ParentNode; parent is not null && parent != body.ParentNode; parent = best.ParentNode)
        {
            if (NamesDocumentText(best) && !NamesDocumentText(parent))
            {
                break;
            }

            var enclosingArticle = parent.Name is "article" or "main" || parent.GetAttributeValue("role", string.Empty) == "main";
            if (!enclosingArticle && measure.TextLength(parent) > measure.TextLength(best) * WidenRatio)
            {
                break;
            }

            best = parent;
        }

        return best;
    }

    private static bool NamesDocumentText(HtmlNode node) => HtmlPruner.Tokens(node).Any(DocumentTextTokens.Contains);

    private static bool IsParagraphLike(HtmlNode node)
    {
        if (ParagraphLike.Contains(node.Name))
        {
            return true;
        }

        // A div that holds only inline content is a paragraph on sites that never use <p>.
        return node.Name == "div" && !node.ChildNodes.Any(c => c.NodeType == HtmlNodeType.Element && HtmlBlockWriter.IsBlockLevel(c.Name));
    }

    private static void Add(Dictionary<HtmlNode, double> scores, HtmlNode node, double value) =>
        scores[node] = scores.GetValueOrDefault(node) + value;
}

/// <summary>
/// Text length and link-text length of every element, computed once bottom-up without recursion.
/// </summary>
internal sealed class TextMeasure
{
    private readonly Dictionary<HtmlNode, int> _text = [];
    private readonly Dictionary<HtmlNode, int> _linkText = [];

    public TextMeasure(HtmlNode root)
    {
        // Post-order by reversing a pre-order: every child is finished before its parent.
        var order = new List<HtmlNode>();
        var pending = new Stack<HtmlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            order.Add(node);
            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }

        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node.NodeType == HtmlNodeType.Text)
            {
                _text[node] = CountVisible(((HtmlTextNode)node).Text);
                continue;
            }

            if (node.NodeType is not (HtmlNodeType.Element or HtmlNodeType.Document))
            {
                continue;
            }

            int text = 0, link = 0;
            foreach (var child in node.ChildNodes)
            {
                text += _text.GetValueOrDefault(child);
                link += _linkText.GetValueOrDefault(child);
            }

            _text[node] = text;
            _linkText[node] = node.Name == "a" ? text : link;
            Elements.Add(node);
        }
    }

    /// <summary>Every element, children before parents.</summary>
    public List<HtmlNode> Elements { get; } = [];

    public int TextLength(HtmlNode node) => _text.GetValueOrDefault(node);

    public int LinkTextLength(HtmlNode node) => _linkText.GetValueOrDefault(node);

    private static int CountVisible(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }
}
