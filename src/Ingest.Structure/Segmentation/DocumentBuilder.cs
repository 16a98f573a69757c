using System.Globalization;
using Ingest.Model;
using Ingest.Structure.Body;
using Ingest.Structure.Header;
using Ingest.Structure.Sections;
using Ingest.Structure.Text;
using Ingest.Vietnamese;

namespace Ingest.Structure.Segmentation;

/// <summary>
/// Turns a <see cref="DocumentDraft"/> into a <see cref="StructuredDocument"/>: resolves kind, number,
/// date, issuer, subject and signers (with the website metadata as a fallback, gold 001), and builds
/// the body's section tree. Pure apart from the diagnostics list it appends to.
/// </summary>
internal static class DocumentBuilder
{
    private const string MetadataNumber = "Số hiệu";
    private const string MetadataDate = "Ngày ban hành";
    private const string MetadataKind = "Loại văn bản";
    private const string MetadataIssuer = "Cơ quan ban hành";
    private const string MetadataSigner = "Người ký";

    /// <summary>Builds the document, or returns null when the draft holds no text at all.</summary>
    public static StructuredDocument? Build(DocumentDraft draft, int index, int? fileWrapWidth, List<Diagnostic> diagnostics)
    {
        var tree = BuildBody(draft, index, fileWrapWidth, diagnostics);
        var hasText = tree.Preamble.Count > 0 || tree.Sections.Count > 0 || tree.Closing.Count > 0;
        if (!draft.HasHeader && !hasText && draft.Signers.Count == 0 && draft.Recipients.Count == 0)
        {
            return null;
        }

        var number = draft.Number ?? MetadataValue(draft, MetadataNumber, DocumentNumber.Canonicalize);
        var kind = ResolveKind(draft, number);
        return new StructuredDocument
        {
            Kind = kind,
            Number = number,
            IssuedOn = draft.IssuedOn ?? MetadataValue(draft, MetadataDate, ParseMetadataDate),
            Place = draft.Place,
            Issuer = ResolveIssuer(draft, kind),
            Signers = ResolveSigners(draft),
            Recipients = draft.Recipients.ToArray(),
            Title = ResolveTitle(draft),
            AttachedTo = draft.AttachedTo,
            Preamble = tree.Preamble,
            Sections = tree.Sections,
            Closing = tree.Closing,
            Footnotes = draft.Footnotes.ToArray(),
            SiteMetadata = new SortedDictionary<string, string>(draft.SiteMetadata, StringComparer.Ordinal),
            Span = draft.Span,
        };
    }

    private static SectionTree BuildBody(DocumentDraft draft, int index, int? fileWrapWidth, List<Diagnostic> diagnostics)
    {
        var lines = PageFootnotes.Extract(draft.BodyLines, draft.Footnotes);
        var paragraphs = ParagraphAssembler.Assemble(lines, fileWrapWidth);
        var builder = new SectionTreeBuilder(diagnostics, index);
        var allReadings = paragraphs.Select(p => SectionLabel.Parse(p.Text)).ToArray();
        var nextByStyle = LabelLookahead.NextLabelsByStyle(allReadings);
        Paragraph? pending = null;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            var readings = allReadings[i];
            var continuationOnly = paragraph.MayContinuePrevious && !paragraph.LooksLikeHeading;
            var lookahead = new LabelLookahead(paragraph.Text, nextByStyle[i]);
            if (builder.Find(readings, paragraph.LooksLikeHeading, continuationOnly, lookahead) is { } placement)
            {
                Flush();
                builder.Open(placement, paragraph.Span);
                continue;
            }

            if (readings.Count > 0 && paragraph.MayContinuePrevious && pending is not null)
            {
                // "... trong\n2. ..." where "2." does not continue any numbering: a wrapped line of the previous paragraph.
                pending = pending with { Text = pending.Text + " " + paragraph.Text, Span = pending.Span.Cover(paragraph.Span) };
                continue;
            }

            Flush();
            pending = BulletMarker.TryParse(paragraph.Text, out var marker, out var rest)
                ? new Paragraph(rest, paragraph.Span) { Bullet = marker }
                : new Paragraph(paragraph.Text, paragraph.Span);
        }

        Flush();
        return builder.Build();

        void Flush()
        {
            if (pending is not null)
            {
                builder.AddParagraph(pending);
                pending = null;
            }
        }
    }

    /// <summary>
    /// The kind line wins; then a letter's marks (a "V/v" subject, a "-CV/" symbol, a "Kính gửi"
    /// block); then the symbol's type code and the site metadata; a text with no header at all is a
    /// news report (GOLD.md: "Bài báo").
    /// </summary>
    private static string ResolveKind(DocumentDraft draft, string? number)
    {
        if (draft.Kind is not null)
        {
            return draft.Kind.Name;
        }

        var fromNumber = DocumentKind.FromNumber(number);
        if (draft.LetterSubject.Count > 0 || fromNumber?.Name == DocumentKind.Letter)
        {
            return DocumentKind.Letter;
        }

        if (fromNumber is not null)
        {
            return fromNumber.Name;
        }

        if (draft.SiteMetadata.TryGetValue(MetadataKind, out var printed))
        {
            return DocumentKind.FromName(printed)?.Name ?? TextShape.CapitaliseFirst(VietnameseText.CanonicalTones(printed.Trim()));
        }

        if (draft.HasSalutation)
        {
            return DocumentKind.Letter;
        }

        return draft.HasHeader ? DocumentKind.Unspecified : DocumentKind.NewsArticle;
    }

    /// <summary>
    /// Issuer precedence (gold 001, 003, 004 and the real 01): the body on the kind line ("KẾ HOẠCH
    /// CỦA BỘ CHÍNH TRỊ"), the parent named by an attachment note, the "T/M" body of the signature,
    /// the operative formula ("BAN BÍ THƯ QUYẾT ĐỊNH"), a body in capitals under the kind line, then the
    /// letterhead. A copy notice is issued by the office on its letterhead, whoever it signs for.
    /// </summary>
    private static string? ResolveIssuer(DocumentDraft draft, string kind)
    {
        var letterhead = IssuerNames.FromLetterhead(draft.Letterhead);
        if (DocumentKind.FromName(kind)?.IsCopyNotice == true && letterhead is not null)
        {
            return letterhead;
        }

        if (draft.KindLineIssuer is { Length: > 0 } kindLine)
        {
            return IssuerNames.Canonical(kindLine);
        }

        if (draft.AttachmentIssuer is { Length: > 0 } parentIssuer)
        {
            return IssuerNames.Canonical(parentIssuer);
        }

        if (draft.AuthorityBodies.Count > 0)
        {
            return IssuerNames.FromAuthority(draft.AuthorityBodies[0], letterhead);
        }

        if (draft.FormulaIssuer is { Length: > 0 } formula)
        {
            return IssuerNames.FromAuthority(formula, letterhead);
        }

        if (draft.QualifierIssuer is { Length: > 0 } qualifier)
        {
            return IssuerNames.Canonical(qualifier);
        }

        if (letterhead is not null)
        {
            return letterhead;
        }

        return MetadataDescribes(draft) && draft.SiteMetadata.TryGetValue(MetadataIssuer, out var printed) ? IssuerNames.Canonical(printed) : null;
    }

    /// <summary>
    /// A page's metadata block describes the page's main document: when it names a number, its
    /// signer and issuer belong to the document with that number, not to a cover letter printed
    /// on the same page.
    /// </summary>
    private static bool MetadataDescribes(DocumentDraft draft)
    {
        var described = MetadataValue(draft, MetadataNumber, DocumentNumber.Canonicalize);
        return described is null || draft.Number is null || string.Equals(described, draft.Number, StringComparison.Ordinal);
    }

    /// <summary>Names as printed, once each; the site's "Người ký" when the signature block has none (gold 001: truncated file).</summary>
    private static IReadOnlyList<string> ResolveSigners(DocumentDraft draft)
    {
        var signers = draft.Signers.Distinct(StringComparer.Ordinal).ToList();
        if (signers.Count == 0 && MetadataDescribes(draft) && draft.SiteMetadata.TryGetValue(MetadataSigner, out var printed))
        {
            signers.AddRange(printed.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return signers;
    }

    /// <summary>
    /// A letter's "V/v ..." subject as printed; otherwise the subject lines under the kind line, with
    /// lines in capitals put in sentence case (gold 001: "thực hiện Kết luận số 21-KL/TW ...").
    /// </summary>
    private static string? ResolveTitle(DocumentDraft draft)
    {
        if (draft.LetterSubject.Count > 0 && draft.Kind is null)
        {
            return VietnameseText.CanonicalTones(TextShape.CollapseSpaces(string.Join(' ', draft.LetterSubject)));
        }

        if (draft.TitleLines.Count == 0)
        {
            return draft.LetterSubject.Count > 0
                ? VietnameseText.CanonicalTones(TextShape.CollapseSpaces(string.Join(' ', draft.LetterSubject)))
                : null;
        }

        var parts = new List<string>();
        var i = 0;
        while (i < draft.TitleLines.Count)
        {
            var capitals = draft.TitleLines[i].Capitals;
            var j = i;
            while (j < draft.TitleLines.Count && draft.TitleLines[j].Capitals == capitals)
            {
                j++;
            }

            var run = string.Join(' ', draft.TitleLines.Skip(i).Take(j - i).Select(t => t.Text));
            parts.Add(capitals ? NameCasing.ToSentence(run) : VietnameseText.CanonicalTones(run));
            i = j;
        }

        var title = TextShape.CollapseSpaces(string.Join(' ', parts));
        return title.Length == 0 ? null : title;
    }

    private static T? MetadataValue<T>(DocumentDraft draft, string label, Func<string, T?> parse)
    {
        return draft.SiteMetadata.TryGetValue(label, out var printed) ? parse(printed) : default;
    }

    private static DateOnly? ParseMetadataDate(string printed)
    {
        string[] formats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy"];
        return DateOnly.TryParseExact(printed.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }
}
