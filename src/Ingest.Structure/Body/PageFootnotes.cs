using System.Text.RegularExpressions;
using Ingest.Model;
using Ingest.Structure.Lines;
using Ingest.Structure.Text;

namespace Ingest.Structure.Body;

/// <summary>
/// Takes footnotes that OCR left in the running text out of a paragraph that runs across a page break.
/// A scanned page ends with its footnote ("+ Nguy cơ tụt hậu ..." under a rule the OCR does not see), so
/// the footnote arrives between the two halves of a paragraph: "... yêu cầu các cấp uỷ, tổ chức" / footnote /
/// "đảng ... tập trung ...". The paragraph then breaks in two and the sentence split across the page is lost.
/// A footnote is recognised only by its place: a line that opens with a capital (after a footnote mark or a
/// number, which OCR often drops), after running text on the same page that did not end a clause, filling
/// the rest of that page and ending a sentence there, with the next page going on in lower case. Only paged
/// sources (PDF) have pages, so text, DOCX and HTML are never touched. Pure and thread-safe.
/// </summary>
internal static partial class PageFootnotes
{
    /// <summary>A page's footnotes seldom take more lines than this; a longer run is body text.</summary>
    private const int MaxFootnoteLines = 6;

    /// <summary>
    /// The line a footnote interrupts is running text at least this long: a short line without final
    /// punctuation is a heading, which the paragraph under it may follow on the next page.
    /// </summary>
    private const int MinRunningLine = 40;

    /// <summary>
    /// The body lines without the footnotes found inside paragraphs; each footnote found is added to
    /// <paramref name="footnotes"/>, its mark removed.
    /// </summary>
    public static IReadOnlyList<SourceLine> Extract(IReadOnlyList<SourceLine> lines, List<Paragraph> footnotes)
    {
        List<SourceLine>? kept = null;
        var i = 0;
        while (i < lines.Count)
        {
            var end = FootnoteEnd(lines, i);
            if (end < 0)
            {
                kept?.Add(lines[i]);
                i++;
                continue;
            }

            kept ??= lines.Take(i).ToList();
            var body = FootnoteStartPattern().Replace(lines[i].Text, string.Empty);
            var text = string.Join(' ', lines.Skip(i + 1).Take(end - i).Select(l => l.Text).Prepend(body));
            var span = lines[i].Span;
            for (var j = i + 1; j <= end; j++)
            {
                span = span.Cover(lines[j].Span);
            }

            footnotes.Add(new Paragraph(text, span));
            i = end + 1;
        }

        return kept ?? lines;
    }

    /// <summary>Index of the last line of a footnote that starts at <paramref name="start"/>, or -1.</summary>
    private static int FootnoteEnd(IReadOnlyList<SourceLine> lines, int start)
    {
        var line = lines[start];
        var page = line.Span.Page;
        if (start == 0 || page == 0 || line.InTable || !FootnoteStartPattern().IsMatch(line.Text))
        {
            return -1;
        }

        var before = lines[start - 1];
        if (before.Span.Page != page || before.InTable || before.Text.Length < MinRunningLine || TextShape.IsCapitals(before.Text) || TextShape.EndsClause(before.Text))
        {
            return -1;
        }

        // The footnote runs to the last line of its page that has letters (a page number may follow it).
        var end = start;
        var next = start + 1;
        while (next < lines.Count && lines[next].Span.Page == page)
        {
            if (HasLetter(lines[next].Text))
            {
                end = next;
            }

            next++;
        }

        // A footnote ends its sentence where the page ends; a bullet ("+ Ban ...") wrapped onto the next
        // page does not, which is what tells the two apart.
        if (end - start + 1 > MaxFootnoteLines || next >= lines.Count || !TextShape.EndsSentence(lines[end].Text))
        {
            return -1;
        }

        var continuation = lines.Skip(next).FirstOrDefault(l => HasLetter(l.Text));
        return continuation is not null && TextShape.StartsLowerCase(continuation.Text) ? end : -1;
    }

    private static bool HasLetter(string text) => text.Any(char.IsLetter);

    // An optional footnote mark as OCR reads a superscript ("+", "!", "*", a superscript digit) or a plain
    // number of one or two digits, then the capital that opens the note (OCR may drop the mark altogether).
    // "1. Mục" has a dot and is a label instead.
    [GeneratedRegex(@"^(?:(?:[+!*†‡¹²³⁴⁵⁶⁷⁸⁹]|\(?\d{1,2}\)?)\s*)?(?=\p{Lu})")]
    private static partial Regex FootnoteStartPattern();
}
