using Ingest.Model;
using Ingest.Structure.Header;
using Ingest.Structure.Lines;

namespace Ingest.Structure.Segmentation;

/// <summary>
/// What the segmenter collected for one document, before it is turned into a
/// <see cref="StructuredDocument"/>. Mutable; owned by one segmentation run.
/// </summary>
internal sealed class DocumentDraft
{
    /// <summary>True when any header fact (letterhead, number, date, kind ...) was found.</summary>
    public bool HasHeader { get; set; }

    /// <summary>Letterhead lines in capitals, top to bottom, party name removed.</summary>
    public List<string> Letterhead { get; } = [];

    public string? Number { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Place { get; set; }

    public DocumentKind? Kind { get; set; }

    /// <summary>The body named on or under the kind line: "KẾ HOẠCH CỦA BỘ CHÍNH TRỊ" → "BỘ CHÍNH TRỊ".</summary>
    public string? KindLineIssuer { get; set; }

    /// <summary>A body name in capitals between the kind line and the subject ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XIII").</summary>
    public string? QualifierIssuer { get; set; }

    /// <summary>Subject lines under the kind line, each with whether it was printed in capitals.</summary>
    public List<(string Text, bool Capitals)> TitleLines { get; } = [];

    /// <summary>True once the subject ended (a separator after it, or body text).</summary>
    public bool TitleClosed { get; set; }

    /// <summary>Block of the last subject line; the next line of the same block continues it.</summary>
    public int TitleBlock { get; set; } = -1;

    /// <summary>The subject of a letter ("V/v ...", "Về việc ..."), lines in order.</summary>
    public List<string> LetterSubject { get; } = [];

    public int LetterSubjectBlock { get; set; } = -1;

    /// <summary>Parent number from an attachment note ("Kèm theo Quyết định số 331-QĐ/TW ...").</summary>
    public string? AttachedTo { get; set; }

    /// <summary>Parent's issuer from an attachment note ("... của Ban Bí thư").</summary>
    public string? AttachmentIssuer { get; set; }

    /// <summary>Text of an attachment note whose closing bracket has not been seen yet; null when none is open.</summary>
    public string? OpenAttachmentNote { get; set; }

    public List<string> Recipients { get; } = [];

    /// <summary>How the last recipient entry ended: whether the next line continues it, starts another, or ends the list.</summary>
    public RecipientEnd RecipientEnd { get; set; }

    /// <summary>Block of the recipients intro or of the last entry: unbulleted entries continue within it.</summary>
    public int RecipientBlock { get; set; } = -1;

    /// <summary>True when the "Kính gửi" block was seen: addressed letters are công văn when no kind is printed.</summary>
    public bool HasSalutation { get; set; }

    public List<SourceLine> BodyLines { get; } = [];

    /// <summary>Bodies named by "T/M", "T/L", "TUQ" lines, in order.</summary>
    public List<string> AuthorityBodies { get; } = [];

    /// <summary>The body of an operative formula in capitals ("BAN BÍ THƯ QUYẾT ĐỊNH:").</summary>
    public string? FormulaIssuer { get; set; }

    public List<string> Signers { get; } = [];

    /// <summary>True once a signature authority, position or "Đã ký" line was read.</summary>
    public bool HasSignatureBlock { get; set; }

    public SortedDictionary<string, string> SiteMetadata { get; } = new(StringComparer.Ordinal);

    public List<Paragraph> Footnotes { get; } = [];

    public SourceSpan Span { get; set; }

    public void Cover(SourceSpan span) => Span = Span.Cover(span);
}

/// <summary>How an entry of a recipients list ended.</summary>
internal enum RecipientEnd
{
    /// <summary>No entry yet.</summary>
    None,

    /// <summary>Without punctuation: the entry was wrapped and the next line continues it.</summary>
    Open,

    /// <summary>With ',' or ';': another entry may follow.</summary>
    Separator,

    /// <summary>With '.': the list is complete.</summary>
    Final,
}
