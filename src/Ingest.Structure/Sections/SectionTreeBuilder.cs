using System.Globalization;
using System.Text.RegularExpressions;
using Ingest.Model;
using Ingest.Structure.Text;

namespace Ingest.Structure.Sections;

/// <summary>The body of a document split into preamble, numbered sections and closing.</summary>
internal sealed record SectionTree(IReadOnlyList<Paragraph> Preamble, IReadOnlyList<SectionNode> Sections, IReadOnlyList<Paragraph> Closing);

/// <summary>Where a label opens its section: the reading chosen and the depth of the open path it replaces.</summary>
/// <param name="Label">The reading of the label that fits.</param>
/// <param name="Depth">Sections at this depth and deeper are closed; the new one opens here.</param>
/// <param name="Gap">True when the label skips numbers (reported as <see cref="DiagnosticCodes.SectionNumberingGap"/>).</param>
/// <param name="RepairedFrom">The damaged label as printed when <paramref name="Label"/> is an OCR repair
/// (reported as <see cref="DiagnosticCodes.SectionLabelRepaired"/>); null otherwise.</param>
internal sealed record Placement(SectionLabel Label, int Depth, bool Gap, string? RepairedFrom = null);

/// <summary>
/// Builds the numbered section tree from labelled paragraphs. Nesting comes from the label systems,
/// not from Markdown heading levels (gold 003: "2.2" as "##", "2.3" as "###"): a label either
/// continues an open sequence (the next number at some level: "II" after "I", "3" after "2") or starts
/// a new inner sequence at its first value ("1" under "I", "a" under "2", "2.1" under "2"). A label
/// that does neither is running text ("2. " at the start of a wrapped line). A label styled as a
/// heading may skip up to <see cref="MaxGap"/> numbers, reported as a numbering gap. A label that OCR
/// damaged where a sequence expects its next number is read as that number when the labels after it
/// confirm it (<see cref="OcrLabelRepair"/>), reported as a repair. Ids join the path
/// labels with dots ("I.2.1"). Not thread-safe: one builder per document.
/// </summary>
internal sealed partial class SectionTreeBuilder
{
    /// <summary>How many numbers a heading-styled label may skip and still be taken as the next section.</summary>
    private const int MaxGap = 3;

    private readonly List<Node> _roots = [];
    private readonly List<Node> _open = [];
    private readonly List<Paragraph> _preamble = [];
    private readonly List<Diagnostic> _diagnostics;
    private readonly int _documentIndex;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _lastArticle;

    public SectionTreeBuilder(List<Diagnostic> diagnostics, int documentIndex)
    {
        _diagnostics = diagnostics;
        _documentIndex = documentIndex;
    }

    /// <summary>
    /// Where a labelled paragraph would open its section, or null when no reading of the label fits the
    /// numbering (the paragraph is then running text). Does not change the tree.
    /// </summary>
    /// <param name="readings">The label's readings, from <see cref="SectionLabel.Parse"/>.</param>
    /// <param name="looksLikeHeading">True for heading-styled paragraphs, which may skip numbers.</param>
    /// <param name="continuationOnly">True when the paragraph may be a wrapped line of running text:
    /// only the next number of an open sequence is accepted then, never the start of a new one.</param>
    /// <param name="lookahead">The paragraph's text and the labels after it, to read an OCR-damaged label as
    /// the next of an open sequence (<see cref="OcrLabelRepair"/>); null to take labels as parsed.</param>
    public Placement? Find(IReadOnlyList<SectionLabel> readings, bool looksLikeHeading, bool continuationOnly, LabelLookahead? lookahead = null)
    {
        // 1. The next number of an open sequence, innermost first.
        for (var depth = _open.Count - 1; depth >= 0; depth--)
        {
            foreach (var reading in readings)
            {
                if (ContinuesSequence(_open[depth], reading))
                {
                    return new Placement(reading, depth, Gap: false);
                }
            }
        }

        if (!continuationOnly)
        {
            // 2. The first number of a new inner sequence ("1." under "I-" is never a damaged "II-").
            foreach (var reading in readings)
            {
                if (FindSequenceStart(reading, allowGap: false) is { } start)
                {
                    return start;
                }
            }
        }

        // 2b. A damaged label where an open sequence expects its next number; before a gap is
        // considered, since "8." misread for "6." would otherwise be taken as a skip to 8.
        if (lookahead is not null)
        {
            for (var depth = _open.Count - 1; depth >= 0; depth--)
            {
                if (OcrLabelRepair.TryRepair(lookahead.Text, _open[depth].Label, lookahead.NextByStyle, continuationOnly, out var printed) is { } repaired)
                {
                    return new Placement(repaired, depth, Gap: false, printed);
                }
            }
        }

        if (continuationOnly)
        {
            return null;
        }

        if (!looksLikeHeading)
        {
            return null;
        }

        // 3. A heading that skips a few numbers: accepted, and reported.
        for (var depth = _open.Count - 1; depth >= 0; depth--)
        {
            foreach (var reading in readings)
            {
                var open = _open[depth].Label;
                if (SameSequence(open, reading) && reading.Ordinal > open.Ordinal + 1 && reading.Ordinal <= open.Ordinal + 1 + MaxGap)
                {
                    return new Placement(reading, depth, Gap: true);
                }
            }
        }

        foreach (var reading in readings)
        {
            if (FindSequenceStart(reading, allowGap: true) is { } start)
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>Closes sections from the placement's depth inwards and opens the new one there.</summary>
    public void Open(Placement placement, SourceSpan span)
    {
        var id = Place(placement.Label, placement.Depth, span, placement.Gap);
        if (placement.RepairedFrom is { } printed)
        {
            _diagnostics.Add(new Diagnostic(
                DiagnosticCodes.SectionLabelRepaired,
                DiagnosticSeverity.Info,
                $"Section label \"{printed}\" read as \"{placement.Label.Printed}\", the next number of its sequence (OCR misread).")
            {
                DocumentIndex = _documentIndex,
                SectionId = id,
                Span = span,
            });
        }
    }

    /// <summary>Adds a paragraph to the innermost open section, or to the preamble before the first section.</summary>
    public void AddParagraph(Paragraph paragraph)
    {
        if (_open.Count == 0)
        {
            _preamble.Add(paragraph);
            return;
        }

        _open[^1].Paragraphs.Add(paragraph);
    }

    /// <summary>
    /// Finishes the tree. Unnumbered text after the last section moves to the closing when it is a
    /// closing formula ("Kết luận này được phổ biến đến chi bộ.") or when the last section is a
    /// one-sentence item that the text cannot belong to.
    /// </summary>
    public SectionTree Build()
    {
        var closing = new List<Paragraph>();
        if (_open.Count > 0)
        {
            var last = _open[^1];
            // Paragraphs only ever go to the innermost open section, so all of the last one's are trailing text.
            var trailing = last.Paragraphs.ToList();
            var formulaAt = trailing.FindIndex(p => p.Bullet is null && ClosingFormulaPattern().IsMatch(p.Text));
            var sentenceItem = last.Heading is not null && TextShape.EndsSentence(last.Heading) && trailing.All(p => p.Bullet is null);
            var moveFrom = formulaAt >= 0 ? formulaAt : sentenceItem && trailing.Count > 0 ? 0 : -1;
            if (moveFrom >= 0)
            {
                closing.AddRange(trailing.Skip(moveFrom));
                last.Paragraphs.RemoveRange(moveFrom, trailing.Count - moveFrom);
            }
        }

        return new SectionTree(_preamble, _roots.Select(n => n.ToSection()).ToArray(), closing);
    }

    private static bool SameSequence(SectionLabel open, SectionLabel next)
    {
        if (open.Style != next.Style)
        {
            return false;
        }

        if (open.Style != LabelStyle.Dotted)
        {
            return true;
        }

        return open.Components.Count == next.Components.Count && open.Components.Take(open.Components.Count - 1).SequenceEqual(next.Components.Take(next.Components.Count - 1));
    }

    private static bool ContinuesSequence(Node open, SectionLabel next) =>
        SameSequence(open.Label, next) && open.Label.IsFollowedBy(next);

    private Placement? FindSequenceStart(SectionLabel reading, bool allowGap)
    {
        // Articles are numbered through the whole document, across chapters: "Điều 3" may open chapter II.
        var continuesArticles = reading.Style == LabelStyle.Article && reading.Ordinal == _lastArticle + 1;
        var firstOk = reading.IsFirst || continuesArticles || (allowGap && reading.Ordinal <= 1 + MaxGap);
        if (!firstOk)
        {
            return null;
        }

        if (reading.Style == LabelStyle.Dotted)
        {
            // "2.1" opens under the section numbered "2" (Arabic "2" or dotted "x.2" one level up).
            var prefix = reading.Components.Take(reading.Components.Count - 1).ToArray();
            for (var depth = _open.Count - 1; depth >= 0; depth--)
            {
                var open = _open[depth].Label;
                var numbers = open.Style == LabelStyle.Dotted ? open.Components : open.Style == LabelStyle.Arabic ? [open.Ordinal] : null;
                if (numbers is not null && numbers.SequenceEqual(prefix))
                {
                    return new Placement(reading, depth + 1, Gap: !reading.IsFirst);
                }
            }

            return null;
        }

        if (_open.Any(n => n.Label.Style == reading.Style))
        {
            return null;
        }

        // A new sequence nests under the innermost open section of an outer system; an outer system
        // (a Roman label after Arabic items) closes the inner sections first. Articles may sit under
        // Roman parts as well as under chapters.
        var at = _open.Count;
        while (at > 0 && _open[at - 1].Label.Style >= reading.Style)
        {
            at--;
        }

        return new Placement(reading, at, Gap: !reading.IsFirst && !continuesArticles);
    }

    /// <summary>Closes sections from <paramref name="depth"/> inwards and opens the new one there.</summary>
    private string Place(SectionLabel label, int depth, SourceSpan span, bool gap)
    {
        _open.RemoveRange(depth, _open.Count - depth);
        var parent = depth > 0 ? _open[depth - 1] : null;
        var id = parent is null ? label.IdComponent : parent.Id + "." + label.IdComponent;
        if (!_ids.Add(id))
        {
            // Cannot happen with sequence checks (numbers only grow within a parent); kept unique regardless.
            var n = 2;
            while (!_ids.Add(id + "~" + n.ToString(CultureInfo.InvariantCulture)))
            {
                n++;
            }

            id = id + "~" + n.ToString(CultureInfo.InvariantCulture);
        }

        if (label.Style == LabelStyle.Article)
        {
            _lastArticle = label.Ordinal;
        }

        var node = new Node(label, id, span);
        (parent?.Children ?? _roots).Add(node);
        _open.Add(node);
        if (gap)
        {
            _diagnostics.Add(new Diagnostic(
                DiagnosticCodes.SectionNumberingGap,
                DiagnosticSeverity.Warning,
                $"Section \"{label.Printed}\" does not follow the previous number in its sequence.")
            {
                DocumentIndex = _documentIndex,
                SectionId = id,
                Span = span,
            });
        }

        return id;
    }

    private sealed class Node(SectionLabel label, string id, SourceSpan span)
    {
        public SectionLabel Label { get; } = label;

        public string Id { get; } = id;

        public string? Heading => Label.Heading;

        public List<Paragraph> Paragraphs { get; } = [];

        public List<Node> Children { get; } = [];

        public SectionNode ToSection() => new(Id, Label.Printed, Heading, span)
        {
            Paragraphs = Paragraphs.ToArray(),
            Children = Children.Select(c => c.ToSection()).ToArray(),
        };
    }

    // "Kết luận này được phổ biến đến chi bộ.", "Quyết định này có hiệu lực ...": the document speaking of itself.
    [GeneratedRegex(@"^(?:Kết luận|Nghị quyết|Chỉ thị|Quy định|Quyết định|Kế hoạch|Thông báo|Hướng dẫn|Quy chế|Quy trình|Chương trình|Văn bản|Công văn|Thông tri|Báo cáo)\s+này\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingFormulaPattern();
}
