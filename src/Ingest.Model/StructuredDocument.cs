namespace Ingest.Model;

/// <summary>
/// A paragraph of a document body after hard-wrapped lines were joined back together.
/// </summary>
/// <param name="Text">Normalised text of the paragraph, without its bullet marker.</param>
/// <param name="Span">Where it is in the source (covers all joined lines).</param>
public sealed record Paragraph(string Text, SourceSpan Span)
{
    /// <summary>
    /// The bullet that introduced the paragraph ("-", "+", "•", "*"), or null for running text.
    /// Numbered items ("1.", "2.1.", "a)") become <see cref="SectionNode"/>s instead.
    /// </summary>
    public string? Bullet { get; init; }
}

/// <summary>
/// A numbered part of a document: "I-", "1.", "2.1.", "a)". Ids join the printed labels of the
/// path with dots ("IV.5", "I.2.1"), Roman numerals upper-case, as in the gold format (GOLD.md).
/// </summary>
/// <param name="Id">Path id, unique inside the document, e.g. "I.2.1".</param>
/// <param name="Label">The label as printed, without punctuation ("2.1", "IV", "a").</param>
/// <param name="Heading">Text on the numbered line after the label ("Ban Tổ chức Trung ương",
/// or the whole item when the item is a sentence); null when the label stands alone.</param>
/// <param name="Span">Where the numbered line is in the source.</param>
public sealed record SectionNode(string Id, string Label, string? Heading, SourceSpan Span)
{
    /// <summary>Paragraphs directly under this section, before and between its children, in order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];

    /// <summary>Numbered sub-sections, in order.</summary>
    public IReadOnlyList<SectionNode> Children { get; init; } = [];

    /// <summary>This node and all its descendants, depth first, in document order.</summary>
    public IEnumerable<SectionNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.DescendantsAndSelf())
            {
                yield return node;
            }
        }
    }
}

/// <summary>
/// One document found in a file, as the structure stage reads it: header fields, body tree,
/// signature and recipients. Extraction turns it into a <see cref="DocumentRecord"/>.
/// </summary>
public sealed record StructuredDocument
{
    /// <summary>Document type word as printed, in title case ("Kế hoạch", "Sao lục", "Bài báo").</summary>
    public required string Kind { get; init; }

    /// <summary>Number and symbol, canonical ("03-KH/TW", "1847/QĐ-TTg"); null if none is printed.</summary>
    public string? Number { get; init; }

    /// <summary>Date from the header line "..., ngày DD tháng MM năm YYYY".</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>Place on the date line.</summary>
    public string? Place { get; init; }

    /// <summary>The issuing body (from the kind line "KẾ HOẠCH CỦA BỘ CHÍNH TRỊ", the T/M line, or the letterhead).</summary>
    public string? Issuer { get; init; }

    /// <summary>Names of the people who signed, as printed.</summary>
    public IReadOnlyList<string> Signers { get; init; } = [];

    /// <summary>Addressees: "Kính gửi" and "Nơi nhận" entries, as printed, without bullets.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Subject line (trích yếu), normalised to sentence case when printed in capitals.</summary>
    public string? Title { get; init; }

    /// <summary>For cover letters and copy notices: number of the document they forward, when known.</summary>
    public string? Forwards { get; init; }

    /// <summary>For attachments (a Quy trình attached to a Quyết định): number of the parent document.</summary>
    public string? AttachedTo { get; init; }

    /// <summary>Body text before the first numbered section.</summary>
    public IReadOnlyList<Paragraph> Preamble { get; init; } = [];

    /// <summary>Top-level numbered sections.</summary>
    public IReadOnlyList<SectionNode> Sections { get; init; } = [];

    /// <summary>Unnumbered body text after the last section and before the signature block.</summary>
    public IReadOnlyList<Paragraph> Closing { get; init; } = [];

    /// <summary>Footnote bodies, kept apart from the running text.</summary>
    public IReadOnlyList<Paragraph> Footnotes { get; init; } = [];

    /// <summary>
    /// Metadata printed around the document by a website or database ("Số hiệu", "Ngày ban hành",
    /// "Người ký", "Loại văn bản"), keyed by the printed label.
    /// </summary>
    public IReadOnlyDictionary<string, string> SiteMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the document is in the source.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>All sections, depth first.</summary>
    public IEnumerable<SectionNode> AllSections() => Sections.SelectMany(s => s.DescendantsAndSelf());
}
