using HtmlAgilityPack;

namespace Ingest.Formats.Html;

/// <summary>
/// Removes what a saved web page wraps around a document: scripts and styles, navigation, forms,
/// comments, hidden elements, and containers whose class or id names them as menus, ads, related
/// links, comment threads or share bars. Iterative, so any nesting depth is safe.
/// </summary>
internal static class HtmlPruner
{
    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
        "nav", "aside", "form", "button", "select", "input", "textarea", "dialog", "menu", "link", "meta",
    };

    /// <summary>
    /// Class/id words of page furniture on news and legal-document sites, Vietnamese ones included
    /// ("quangcao" advertising, "binhluan" comments, "lienquan" related, "chiase" share).
    /// </summary>
    private static readonly HashSet<string> JunkTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "sidebar", "footer",
        "advert", "advertisement", "ads", "ad", "banner", "quangcao", "qc", "comment", "comments", "binhluan",
        "share", "sharing", "social", "chiase", "related", "lienquan", "tinlienquan", "tags", "popup", "modal",
        "cookie", "cookies", "login", "search", "widget", "toolbar", "subscribe", "newsletter", "rating", "pagination", "pager",
    };

    /// <summary>Words that mark the document itself; a container that has one is never dropped for a junk word.</summary>
    internal static readonly HashSet<string> ContentTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "content", "article", "main", "post", "entry", "body", "detail", "details", "noidung", "vanban", "toanvan", "document", "doc",
    };

    /// <summary>Removes page furniture from the tree under <paramref name="root"/>.</summary>
    public static void Prune(HtmlNode root, CancellationToken cancellationToken)
    {
        var doomed = new List<HtmlNode>();
        var pending = new Stack<(HtmlNode Node, bool InArticle)>();
        pending.Push((root, false));
        var visited = 0;
        while (pending.Count > 0)
        {
            var (node, inArticle) = pending.Pop();
            if ((++visited & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (node.NodeType == HtmlNodeType.Comment)
            {
                doomed.Add(node);
                continue;
            }

            if (node.NodeType == HtmlNodeType.Element && IsJunk(node, inArticle))
            {
                doomed.Add(node);
                continue;
            }

            var childInArticle = inArticle || node.Name is "article" or "main";
            foreach (var child in node.ChildNodes)
            {
                pending.Push((child, childInArticle));
            }
        }

        foreach (var node in doomed)
        {
            node.Remove();
        }
    }

    /// <summary>Splits class and id values into lower-case words ("box-tin-lienquan" gives box, tin, lienquan).</summary>
    public static IEnumerable<string> Tokens(HtmlNode node)
    {
        // Most elements have neither attribute: answer that without building strings.
        if (!node.HasAttributes)
        {
            yield break;
        }

        var value = node.GetAttributeValue("class", string.Empty) + " " + node.GetAttributeValue("id", string.Empty);
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var letter = i < value.Length && char.IsAsciiLetterOrDigit(value[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return value[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static bool IsJunk(HtmlNode node, bool inArticle)
    {
        if (node.Name is "html" or "body")
        {
            return false;
        }

        if (DroppedElements.Contains(node.Name))
        {
            return true;
        }

        // The site's banner and footer; inside an article they hold its title and byline instead.
        if (!inArticle && node.Name is "header" or "footer")
        {
            return true;
        }

        if (node.Attributes.Contains("hidden") ||
            node.GetAttributeValue("aria-hidden", string.Empty).Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = node.GetAttributeValue("style", string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) ||
            style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var role = node.GetAttributeValue("role", string.Empty);
        if (role is "navigation" or "banner" or "complementary" or "search" or "contentinfo")
        {
            return true;
        }

        if (!node.HasAttributes)
        {
            return false;
        }

        var tokens = Tokens(node).ToList();
        return tokens.Any(JunkTokens.Contains) && !tokens.Any(ContentTokens.Contains);
    }
}
