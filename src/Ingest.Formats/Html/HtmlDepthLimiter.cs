using System.Text;

namespace Ingest.Formats.Html;

/// <summary>
/// Drops the tags of elements nested deeper than a limit, keeping their text, before the page is
/// parsed. HtmlAgilityPack's parser slows down quadratically with nesting depth (100,000 nested
/// divs take minutes), and no real page nests more than a few dozen levels, so flattening the
/// excess loses nothing a reader would see. A linear scan with a light tag tokenizer: comments and
/// raw-text elements (script, style) are copied untouched, void and self-closing tags never nest,
/// and elements whose end tag is optional (p, li, td...) close the previous sibling of the same name.
/// </summary>
internal static class HtmlDepthLimiter
{
    private const int EndTagSearch = 64;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title",
    };

    private static readonly HashSet<string> OptionalEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option",
    };

    /// <summary>Returns <paramref name="html"/> with tags deeper than <paramref name="maxDepth"/> removed; <paramref name="flattened"/> says whether any were.</summary>
    public static string Flatten(string html, int maxDepth, out bool flattened)
    {
        flattened = false;
        var output = new StringBuilder(html.Length);
        var open = new List<(string Name, bool Kept)>();
        var position = 0;
        while (position < html.Length)
        {
            var lt = html.IndexOf('<', position);
            if (lt < 0)
            {
                output.Append(html, position, html.Length - position);
                break;
            }

            output.Append(html, position, lt - position);
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                var stop = endComment < 0 ? html.Length : endComment + 3;
                output.Append(html, lt, stop - lt);
                position = stop;
                continue;
            }

            var closing = lt + 1 < html.Length && html[lt + 1] == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<" that opens no tag ("a < b", "<!DOCTYPE", "<?xml"): copied as it is.
                output.Append('<');
                position = lt + 1;
                continue;
            }

            var tagEnd = TagEnd(html, nameEnd);
            var name = html[nameStart..nameEnd];
            var tag = html.AsSpan(lt, tagEnd - lt);
            position = tagEnd;
            if (closing)
            {
                // Only the innermost elements are searched: a stray end tag must not cost a scan of the whole stack.
                var searchFrom = Math.Max(0, open.Count - EndTagSearch);
                var index = open.FindLastIndex(open.Count - 1, open.Count - searchFrom, e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    output.Append(tag);
                    continue;
                }

                var kept = open[index].Kept;
                open.RemoveRange(index, open.Count - index);
                if (kept)
                {
                    output.Append(tag);
                }

                continue;
            }

            if (VoidElements.Contains(name) || tag.EndsWith("/>"))
            {
                output.Append(tag);
                continue;
            }

            if (RawTextElements.Contains(name))
            {
                var endRaw = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                var stop = endRaw < 0 ? html.Length : TagEnd(html, endRaw + 2 + name.Length);
                output.Append(html, lt, stop - lt);
                position = stop;
                continue;
            }

            if (OptionalEnd.Contains(name) && open.Count > 0 && open[^1].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                open.RemoveAt(open.Count - 1);
            }

            var keep = open.Count < maxDepth;
            flattened |= !keep;
            open.Add((name, keep));
            if (keep)
            {
                output.Append(tag);
            }
        }

        return output.ToString();
    }

    /// <summary>Index just past the '>' that ends a tag, skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }
}
