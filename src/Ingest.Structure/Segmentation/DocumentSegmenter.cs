using Ingest.Model;
using Ingest.Structure.Data;
using Ingest.Structure.Header;
using Ingest.Structure.Lines;
using Ingest.Structure.Sections;
using Ingest.Structure.Text;

namespace Ingest.Structure.Segmentation;

/// <summary>
/// Splits a file's lines into documents and sorts each document's lines into header, body and
/// signature block. A document is: header (letterhead, party name, number, place and date, kind line,
/// subject, "Kính gửi"), body, then the signature block and "Nơi nhận" list in either order. A new
/// document starts where a header starts: two or more header facts of different kinds within a few
/// lines (a new letterhead with the party name, a number and a date, a "SAO LỤC" line ...). Text before
/// the first header is a news report ("Bài báo") unless it is a short site title (gold 001).
/// One pass over the lines with a bounded look-ahead: linear. Not thread-safe: one instance per file.
/// </summary>
internal sealed class DocumentSegmenter
{
    /// <summary>How many lines a header may spread over when deciding whether a document starts.</summary>
    private const int HeaderWindow = 8;

    /// <summary>A line longer than this is body text, not an entry of a recipients list.</summary>
    private const int MaxRecipientLine = 150;

    /// <summary>At most this many blocks of site framing (a page title) may precede the first header and be dropped.</summary>
    private const int MaxFramingBlocks = 3;

    /// <summary>A paragraph of a news report is at least this long and ends a sentence; menus and titles are not.</summary>
    private const int ArticleParagraphLength = 200;

    /// <summary>Text in a signature block at least this long is body text after all.</summary>
    private const int BodyLineInTail = 150;

    /// <summary>A name must follow a position line within this many lines for the pair to be a signature.</summary>
    private const int NameLookAhead = 3;

    /// <summary>Stands for "a subject or attachment note under a kind line" among the header fact kinds counted for a document start.</summary>
    private const HeaderFactKind SubjectSignal = HeaderFactKind.Separator;

    private static readonly string[] SubjectStarts = StructureData.ReadList("SubjectStarts.txt").ToArray();

    private readonly IReadOnlyList<SourceLine> _lines;
    private readonly IReadOnlyList<HeaderFact>?[] _facts;
    private readonly bool[] _factsParsed;
    private readonly LineRole[] _roles;
    private readonly List<DocumentDraft> _documents = [];

    private enum LineRole
    {
        Content,
        Stamp,
        SiteMetadata,
    }

    private enum State
    {
        Header,
        Body,
        Tail,
    }

    private DocumentSegmenter(IReadOnlyList<SourceLine> lines)
    {
        _lines = lines;
        _facts = new IReadOnlyList<HeaderFact>?[lines.Count];
        _factsParsed = new bool[lines.Count];
        _roles = new LineRole[lines.Count];
    }

    /// <summary>The documents in <paramref name="flat"/>, in order; footnotes go to the document they occur in.</summary>
    public static IReadOnlyList<DocumentDraft> Segment(FlatText flat)
    {
        var segmenter = new DocumentSegmenter(flat.Lines);
        segmenter.MarkStampsAndSiteMetadata();
        var owners = segmenter.Run();
        foreach (var (lineIndex, footnote) in flat.Footnotes)
        {
            // The document of the line after the footnote, else of the line before, else the last one.
            var owner = OwnerAt(lineIndex) ?? OwnerAt(lineIndex - 1) ?? segmenter._documents.LastOrDefault();
            if (owner is null)
            {
                continue;
            }

            // A reader may take the small text under a signature for a footnote; a footnote that is only a
            // person's name, under a signature block that names nobody, is the signer.
            if (owner.HasSignatureBlock && owner.Signers.Count == 0 && HeaderLine.TryParsePersonName(footnote.Text, requireSurname: false, out var name))
            {
                owner.Signers.Add(name);
                continue;
            }

            owner.Footnotes.Add(footnote);
        }

        return segmenter._documents;

        DocumentDraft? OwnerAt(int index) => index >= 0 && index < owners.Length ? owners[index] : null;
    }

    /// <summary>Returns, for every line, the document it belongs to (null for dropped framing).</summary>
    private DocumentDraft?[] Run()
    {
        var owners = new DocumentDraft?[_lines.Count];
        var pendingMetadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var start = FindFirstDocumentStart();
        DocumentDraft? current = null;
        var state = State.Header;
        var recipients = RecipientsMode.None;
        var signatureContext = false;

        for (var i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            if (_roles[i] == LineRole.Stamp)
            {
                continue;
            }

            if (_roles[i] == LineRole.SiteMetadata)
            {
                HeaderLine.TryParseSiteMetadata(line.Text, out var label, out var value);
                (current?.SiteMetadata ?? pendingMetadata).TryAdd(label, value);
                continue;
            }

            if (current is null)
            {
                if (start.Index < 0 || i >= start.Index)
                {
                    current = NewDocument(pendingMetadata);
                    state = start.Index < 0 || i > start.Index ? State.Body : State.Header;
                }
                else if (start.DropFraming)
                {
                    continue;
                }
                else
                {
                    current = NewDocument(pendingMetadata);
                    state = State.Body;
                }
            }
            else if (state != State.Header && IsDocumentStart(i, afterSignature: state == State.Tail))
            {
                current = NewDocument(pendingMetadata);
                state = State.Header;
                recipients = RecipientsMode.None;
                signatureContext = false;
            }

            owners[i] = current;
            current.Cover(line.Span);

            // Each state either consumes the line or hands it on to the next state.
            if (state == State.Header)
            {
                state = ReadHeaderLine(current, i, ref recipients);
                if (state == State.Header)
                {
                    continue;
                }
            }

            if (state == State.Body)
            {
                state = ReadBodyLine(current, i);
                if (state == State.Body)
                {
                    continue;
                }
            }

            state = ReadTailLine(current, i, ref recipients, ref signatureContext);
        }

        if (pendingMetadata.Count > 0 && _documents.Count > 0)
        {
            foreach (var (label, value) in pendingMetadata)
            {
                _documents[^1].SiteMetadata.TryAdd(label, value);
            }
        }

        return owners;
    }

    private DocumentDraft NewDocument(SortedDictionary<string, string> pendingMetadata)
    {
        var document = new DocumentDraft();
        foreach (var (label, value) in pendingMetadata)
        {
            document.SiteMetadata[label] = value;
        }

        pendingMetadata.Clear();
        _documents.Add(document);
        return document;
    }

    private State ReadHeaderLine(DocumentDraft document, int i, ref RecipientsMode recipients)
    {
        var line = _lines[i];
        var text = line.Text;
        if (recipients == RecipientsMode.Salutation)
        {
            if (TryAddRecipient(document, line))
            {
                return State.Header;
            }

            recipients = RecipientsMode.None;
        }

        if ((document.Kind is not null || document.Number is not null || document.IssuedOn is not null) && SectionLabel.Parse(text).Count > 0)
        {
            // A numbered line ("I. TÌNH HÌNH ...") is the body's first section, even in capitals under a subject in capitals.
            document.TitleClosed = true;
            return State.Body;
        }

        var facts = Facts(i);
        if (facts is not null)
        {
            var onlyCapitals = facts.All(f => f.Kind is HeaderFactKind.Capitals or HeaderFactKind.Letterhead);
            var subjectInLowerCase = document.TitleLines.Any(t => !t.Capitals);
            if (onlyCapitals && document.Kind is not null && (document.TitleClosed || subjectInLowerCase))
            {
                // Capitals after the subject ("BAN BÍ THƯ" over the operative formula) open the body.
                document.TitleClosed = true;
                return State.Body;
            }

            return ReadHeaderFacts(document, line, facts);
        }

        if (document.OpenAttachmentNote is not null)
        {
            ContinueAttachmentNote(document, text);
            return State.Header;
        }

        var noteAt = HeaderLine.FindAttachmentNote(text);
        if (noteAt >= 0 || HeaderLine.TryParseAttachmentNote(text, out _, out _))
        {
            // "(Kèm theo Quyết định số 331-QĐ/TW, ngày 18/6/2025\ncủa Ban Bí thư)", possibly printed
            // at the end of the last subject line; the subject before it is kept.
            var at = Math.Max(noteAt, 0);
            if (at > 0 && document.Kind is not null && !document.TitleClosed)
            {
                document.TitleLines.Add((text[..at].Trim(), TextShape.IsCapitals(text[..at])));
            }

            document.HasHeader = true;
            document.TitleClosed |= document.TitleLines.Count > 0;
            document.OpenAttachmentNote = string.Empty;
            ContinueAttachmentNote(document, text[at..]);
            return State.Header;
        }

        if (HeaderLine.IsLetterSubject(text) && document.LetterSubject.Count == 0)
        {
            document.LetterSubject.Add(text);
            document.LetterSubjectBlock = line.BlockIndex;
            return State.Header;
        }

        if (document.LetterSubject.Count > 0 && line.BlockIndex == document.LetterSubjectBlock && document.BodyLines.Count == 0
            && !HeaderLine.TryParseRecipientsIntro(text, out _, out _))
        {
            document.LetterSubject.Add(text);
            return State.Header;
        }

        if (HeaderLine.TryParseRecipientsIntro(text, out var isSalutation, out var rest))
        {
            if (isSalutation)
            {
                document.HasSalutation = true;
                recipients = RecipientsMode.Salutation;
                StartRecipients(document, line, rest);
                return State.Header;
            }

            return State.Tail;
        }

        if (document.Kind is null && document.LetterSubject.Count == 0 && !document.HasSalutation
            && (document.Number is not null || document.IssuedOn is not null) && TextShape.StartsLowerCase(text))
        {
            // A letter's subject whose "V/v" was lost (OCR): body text never starts in lower case.
            document.LetterSubject.Add(text);
            document.LetterSubjectBlock = line.BlockIndex;
            return State.Header;
        }

        if (document.Kind is not null && !document.TitleClosed && IsTitleLine(document, line))
        {
            document.TitleLines.Add((text, TextShape.IsCapitals(text)));
            document.TitleBlock = line.BlockIndex;
            return State.Header;
        }

        document.TitleClosed = true;
        return State.Body;
    }

    /// <summary>Adds text to the open attachment note; at its closing bracket, reads the parent's number and issuer.</summary>
    private static void ContinueAttachmentNote(DocumentDraft document, string text)
    {
        var note = (document.OpenAttachmentNote + " " + text).Trim();
        var closed = note.Contains(')', StringComparison.Ordinal) || note.Length > HeaderLine.MaxHeaderLineLength;
        if (!closed)
        {
            document.OpenAttachmentNote = note;
            return;
        }

        document.OpenAttachmentNote = null;
        HeaderLine.ReadAttachmentNote(note, out var parent, out var parentIssuer);
        document.AttachedTo ??= parent;
        document.AttachmentIssuer ??= parentIssuer;
    }

    /// <summary>True for "CỦA ..." / "của ...": the body a kind line is "of".</summary>
    private static bool StartsWithOf(string text) => TextShape.StartsWithWords(TextShape.Fold(text), "cua");

    /// <summary>The text after its first word ("CỦA BỘ CHÍNH TRỊ" → "BỘ CHÍNH TRỊ").</summary>
    private static string AfterFirstWord(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? string.Empty : text[(space + 1)..].Trim();
    }

    private static State ReadHeaderFacts(DocumentDraft document, SourceLine line, IReadOnlyList<HeaderFact> facts)
    {
        foreach (var fact in facts)
        {
            switch (fact.Kind)
            {
                case HeaderFactKind.Letterhead or HeaderFactKind.Capitals:
                    ReadCapitalsInHeader(document, line, fact);
                    break;
                case HeaderFactKind.Motto:
                    document.HasHeader = true;
                    break;
                case HeaderFactKind.Number:
                    document.HasHeader = true;
                    document.Number ??= fact.Number;
                    break;
                case HeaderFactKind.Date:
                    document.HasHeader = true;
                    if (document.IssuedOn is null)
                    {
                        document.IssuedOn = fact.Date;
                        document.Place = fact.Place;
                    }

                    break;
                case HeaderFactKind.Kind:
                    document.HasHeader = true;
                    if (document.Kind is null)
                    {
                        document.Kind = fact.DocumentKind;
                        ReadKindRest(document, line, fact.Rest ?? string.Empty);
                    }
                    else
                    {
                        // A second type word under the first ("THÔNG BÁO / KẾT LUẬN CỦA BỘ CHÍNH TRỊ") is the subject.
                        ReadCapitalsInHeader(document, line, fact with { Kind = HeaderFactKind.Capitals });
                    }

                    break;
                case HeaderFactKind.Separator:
                    document.TitleClosed |= document.TitleLines.Count > 0;
                    break;
                default:
                    break;
            }
        }

        return State.Header;
    }

    private static void ReadKindRest(DocumentDraft document, SourceLine line, string rest)
    {
        if (rest.Length == 0)
        {
            return;
        }

        if (StartsWithOf(rest))
        {
            // "KẾ HOẠCH CỦA BỘ CHÍNH TRỊ THỰC HIỆN KẾT LUẬN ...": the issuer ends where the subject starts.
            var (issuer, subject) = SplitIssuerAndSubject(AfterFirstWord(rest));
            document.KindLineIssuer ??= issuer;
            if (subject.Length == 0)
            {
                return;
            }

            rest = subject;
        }

        var noteAt = HeaderLine.FindAttachmentNote(rest);
        if (noteAt >= 0)
        {
            // "QUY TRÌNH giám sát ... (Kèm theo Quyết định số 331-QĐ/TW ... của Ban Bí thư)" on one line.
            document.OpenAttachmentNote = string.Empty;
            ContinueAttachmentNote(document, rest[noteAt..]);
            rest = rest[..noteAt].Trim();
        }

        if (rest.Length > 0)
        {
            document.TitleLines.Add((rest, TextShape.IsCapitals(rest)));
            document.TitleBlock = line.BlockIndex;
        }

        document.TitleClosed |= noteAt >= 0;
    }

    private static (string Issuer, string Subject) SplitIssuerAndSubject(string text)
    {
        var folded = TextShape.Fold(text);
        for (var at = folded.IndexOf(' ', StringComparison.Ordinal); at > 0; at = folded.IndexOf(' ', at + 1))
        {
            var remainder = folded[(at + 1)..];
            if (SubjectStarts.Any(start => TextShape.StartsWithWords(remainder, start)))
            {
                return (text[..at].Trim(), text[(at + 1)..].Trim());
            }
        }

        return (text, string.Empty);
    }

    private static void ReadCapitalsInHeader(DocumentDraft document, SourceLine line, HeaderFact fact)
    {
        var text = fact.Text;
        if (document.Kind is null)
        {
            // Before the kind line, text in capitals is the letterhead.
            document.HasHeader |= fact.Kind == HeaderFactKind.Letterhead;
            document.Letterhead.Add(text);
            return;
        }

        if (StartsWithOf(text) && document.KindLineIssuer is null)
        {
            document.KindLineIssuer = AfterFirstWord(text);
            return;
        }

        if (document.TitleLines.Count == 0 && !document.TitleClosed)
        {
            var folded = TextShape.Fold(text);
            if (TextShape.StartsWithWords(folded, "hoi nghi"))
            {
                // "HỘI NGHỊ LẦN THỨ TƯ": the plenum that adopted the text, not its subject.
                return;
            }

            if (HeaderLine.IsOrganisationLine(text))
            {
                document.QualifierIssuer ??= text;
                return;
            }
        }

        if (!document.TitleClosed)
        {
            document.TitleLines.Add((text, true));
            document.TitleBlock = line.BlockIndex;
        }
    }

    /// <summary>
    /// A subject line under the kind line: in capitals, starting lower case ("về ...", "thực hiện ..."),
    /// continuing the previous subject line's block, or styled and starting "Về".
    /// </summary>
    private static bool IsTitleLine(DocumentDraft document, SourceLine line)
    {
        var text = line.Text;
        if (TextShape.IsCapitals(text) || TextShape.StartsLowerCase(text))
        {
            return true;
        }

        if (document.TitleLines.Count > 0)
        {
            return line.BlockIndex == document.TitleBlock;
        }

        // A first subject line in sentence case must look like a title: styled, centred, or "Về ...".
        return line.IsStyled || line.InHeading || (line.Block.Style & BlockStyle.Centered) != 0
            || TextShape.StartsWithWords(TextShape.Fold(text), "ve");
    }

    private State ReadBodyLine(DocumentDraft document, int i)
    {
        var line = _lines[i];
        var text = line.Text;
        if (HeaderLine.TryParseRecipientsIntro(text, out var isSalutation, out _) && !isSalutation)
        {
            return State.Tail;
        }

        if (HeaderLine.TryParseAuthority(text, out _, out _) || HeaderLine.TryParseSignedMark(text, out _) || IsPositionBeforeName(i))
        {
            return State.Tail;
        }

        if (document.FormulaIssuer is null && TryReadFormula(text, out var formulaBody))
        {
            document.FormulaIssuer = formulaBody;
        }

        document.BodyLines.Add(line);
        return State.Body;
    }

    private State ReadTailLine(DocumentDraft document, int i, ref RecipientsMode recipients, ref bool signatureContext)
    {
        var line = _lines[i];
        var text = line.Text;
        if (HeaderLine.TryParseRecipientsIntro(text, out var isSalutation, out var rest) && !isSalutation)
        {
            recipients = RecipientsMode.List;
            if (HeaderLine.TryParseAuthority(rest, out var besideList, out var besideNamesBody))
            {
                // Two columns flattened onto one line: "Nơi nhận: T/M BỘ CHÍNH TRỊ".
                StartRecipients(document, line, string.Empty);
                if (besideNamesBody)
                {
                    document.AuthorityBodies.Add(besideList);
                }

                signatureContext = true;
                document.HasSignatureBlock = true;
                return State.Tail;
            }

            StartRecipients(document, line, rest);
            return State.Tail;
        }

        // The list stays open through the signature: a table row may put "T/M ..." between two entries.
        if (recipients == RecipientsMode.List && TryAddRecipient(document, line))
        {
            return State.Tail;
        }

        if (HeaderLine.TryParseAuthority(text, out var authority, out var namesBody))
        {
            if (namesBody)
            {
                document.AuthorityBodies.Add(authority);
            }

            signatureContext = true;
            document.HasSignatureBlock = true;
            return State.Tail;
        }

        if (HeaderLine.TryParseSignedMark(text, out var signedName))
        {
            if (signedName.Length > 0)
            {
                document.Signers.Add(signedName);
            }

            signatureContext = true;
            document.HasSignatureBlock = true;
            return State.Tail;
        }

        if (HeaderLine.IsPositionLine(text))
        {
            signatureContext = true;
            document.HasSignatureBlock = true;
            return State.Tail;
        }

        if (HeaderLine.TryParsePersonName(text, requireSurname: !signatureContext, out var name))
        {
            document.Signers.Add(name);
            return State.Tail;
        }

        if (text.Length >= BodyLineInTail && !BulletMarker.TryParse(text, out _, out _))
        {
            // A long paragraph is body text: the "signature" was a false start (or the text goes on after it).
            document.BodyLines.Add(line);
            signatureContext = false;
            return State.Body;
        }

        return State.Tail;
    }

    private bool IsPositionBeforeName(int i)
    {
        if (!HeaderLine.IsPositionLine(_lines[i].Text))
        {
            return false;
        }

        if (i + 1 >= _lines.Count)
        {
            // A position line that ends the file closes the text: its name may have gone astray (a footnote).
            return true;
        }

        for (var j = i + 1; j < _lines.Count && j <= i + NameLookAhead; j++)
        {
            var text = _lines[j].Text;
            if (HeaderLine.TryParsePersonName(text, requireSurname: false, out _))
            {
                return true;
            }

            if (!HeaderLine.IsPositionLine(text) && !HeaderLine.TryParseSignedMark(text, out _))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"BAN BÍ THƯ QUYẾT ĐỊNH:", "BỘ CHÍNH TRỊ QUY ĐỊNH:": the operative formula names the issuer.</summary>
    private static bool TryReadFormula(string text, out string body)
    {
        body = string.Empty;
        if (text.Length > 120 || !TextShape.IsCapitals(text) || !HeaderLine.IsOrganisationLine(text.TrimEnd(':', ' ')))
        {
            return false;
        }

        var folded = TextShape.Fold(text.TrimEnd(':', ' ', '.'));
        foreach (var kind in DocumentKind.All)
        {
            if (folded.EndsWith(" " + kind.Folded, StringComparison.Ordinal))
            {
                body = text[..(folded.Length - kind.Folded.Length)].Trim();
                return body.Length > 0;
            }
        }

        return false;
    }

    private static bool TryAddRecipient(DocumentDraft document, SourceLine line)
    {
        var text = line.Text;
        if (BulletMarker.TryParse(text, out _, out var item))
        {
            // Flattened columns may put a signature position after the entry: "- Các tỉnh ủy, TỔNG BÍ THƯ".
            AddRecipientText(document, WithoutTrailingPosition(item));
            document.RecipientBlock = line.BlockIndex;
            return true;
        }

        if (text.Length > MaxRecipientLine || TextShape.IsCapitals(text) || SectionLabel.Parse(text).Count > 0
            || HeaderLine.TryParsePersonName(text, requireSurname: true, out _) || HeaderLine.TryParseAuthority(text, out _, out _)
            || HeaderLine.TryParseSignedMark(text, out _))
        {
            return false;
        }

        var sameBlock = line.BlockIndex == document.RecipientBlock;
        switch (document.RecipientEnd)
        {
            case RecipientEnd.Open when sameBlock || TextShape.StartsLowerCase(text):
                // A wrapped entry: "- Các ban đảng, ..., đảng uỷ trực thuộc\nTrung ương,".
                document.Recipients[^1] = document.Recipients[^1] + " " + text.TrimEnd(',', ';', '.', ' ');
                document.RecipientEnd = EndOf(text);
                document.RecipientBlock = line.BlockIndex;
                return true;
            case RecipientEnd.Separator or RecipientEnd.None when sameBlock || EndOf(text) is RecipientEnd.Separator or RecipientEnd.Final:
                // Entries without bullets, one a line, separated by ',' or ';' (or the first line after "Kính gửi:").
                AddRecipientText(document, text);
                document.RecipientBlock = line.BlockIndex;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The entry without a trailing run of capitals that is a signature position ("... , TỔNG BÍ THƯ").</summary>
    private static string WithoutTrailingPosition(string entry)
    {
        var words = entry.Split(' ');
        var start = words.Length;
        while (start > 0 && words[start - 1].Any(char.IsLetter) && TextShape.IsCapitals(words[start - 1].Trim(',', ';', '.')) && words[start - 1].Length > 1)
        {
            start--;
        }

        if (start == 0 || start == words.Length)
        {
            return entry;
        }

        var tail = string.Join(' ', words[start..]);
        return HeaderLine.IsPositionLine(tail) ? string.Join(' ', words[..start]).TrimEnd(',', ' ') : entry;
    }

    private static void StartRecipients(DocumentDraft document, SourceLine line, string inlineEntry)
    {
        document.RecipientEnd = RecipientEnd.None;
        document.RecipientBlock = line.BlockIndex;
        AddRecipientText(document, inlineEntry);
    }

    private static void AddRecipientText(DocumentDraft document, string text)
    {
        var item = text.Trim();
        if (BulletMarker.TryParse(item, out _, out var afterBullet))
        {
            item = afterBullet;
        }

        var end = EndOf(item);
        item = item.TrimEnd(',', ';', '.', ' ');
        if (item.Length > 0)
        {
            document.Recipients.Add(item);
            document.RecipientEnd = end;
        }
    }

    /// <summary>
    /// Entries of "Kính gửi" and "Nơi nhận" lists end with ',' or ';' and the last with '.'; an entry
    /// that ends otherwise was wrapped onto the next line.
    /// </summary>
    private static RecipientEnd EndOf(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith(',') || trimmed.EndsWith(';'))
        {
            return RecipientEnd.Separator;
        }

        return TextShape.EndsClause(trimmed) ? RecipientEnd.Final : RecipientEnd.Open;
    }

    /// <summary>
    /// A document starts at line <paramref name="i"/> when the line is a header fact and header facts
    /// of at least two kinds follow within <see cref="HeaderWindow"/> lines. A kind line with its
    /// subject or an attachment note under it counts only <paramref name="afterSignature"/> (an
    /// attachment after the signed document, real 01): inside a body, a heading "QUY TRÌNH XEM XÉT" over "gồm ..." is not.
    /// </summary>
    private bool IsDocumentStart(int i, bool afterSignature)
    {
        if (!IsSignal(i, out var firstKinds))
        {
            return false;
        }

        var kinds = new HashSet<HeaderFactKind>(firstKinds);
        var seen = 1;
        for (var j = i + 1; j < _lines.Count && seen < HeaderWindow && kinds.Count < 2; j++)
        {
            if (_roles[j] != LineRole.Content)
            {
                continue;
            }

            var facts = Facts(j);
            if (facts is null)
            {
                // An attachment note, or the lower-case subject right under a kind line, also marks a
                // header: "QUY TRÌNH\ngiám sát ... (Kèm theo Quyết định số 331-QĐ/TW ...)".
                var text = _lines[j].Text;
                var subjectUnderKind = Facts(j - 1)?.Any(f => f.Kind == HeaderFactKind.Kind) == true && TextShape.StartsLowerCase(text);
                if (subjectUnderKind || HeaderLine.FindAttachmentNote(text) >= 0 || HeaderLine.TryParseAttachmentNote(text, out _, out _))
                {
                    kinds.Add(SubjectSignal);
                    continue;
                }

                break;
            }

            seen++;
            foreach (var fact in facts)
            {
                if (IsSignalKind(fact.Kind))
                {
                    kinds.Add(fact.Kind);
                }
            }
        }

        if (!afterSignature)
        {
            kinds.Remove(SubjectSignal);
        }

        return kinds.Count >= 2;
    }

    private bool IsSignal(int i, out IEnumerable<HeaderFactKind> kinds)
    {
        kinds = [];
        if (_roles[i] != LineRole.Content)
        {
            return false;
        }

        var facts = Facts(i);
        if (facts is null)
        {
            return false;
        }

        var signalKinds = facts.Select(f => f.Kind).Where(IsSignalKind).ToList();

        // A kind line that carries its subject in lower case ("QUY TRÌNH giám sát ...") is a title on its own.
        if (facts.Any(f => f.Kind == HeaderFactKind.Kind && f.Rest is { Length: > 0 } rest && TextShape.StartsLowerCase(rest)))
        {
            signalKinds.Add(SubjectSignal);
        }

        kinds = signalKinds;
        return signalKinds.Count > 0;
    }

    private static bool IsSignalKind(HeaderFactKind kind) =>
        kind is HeaderFactKind.Letterhead or HeaderFactKind.Motto or HeaderFactKind.Number or HeaderFactKind.Date or HeaderFactKind.Kind;

    /// <summary>
    /// Where the first document's header starts, and whether the text before it is framing to drop
    /// (a site title of at most <see cref="MaxFramingBlocks"/> blocks with no numbered items).
    /// </summary>
    private (int Index, bool DropFraming) FindFirstDocumentStart()
    {
        var firstContent = -1;
        for (var i = 0; i < _lines.Count; i++)
        {
            if (_roles[i] != LineRole.Content)
            {
                continue;
            }

            if (firstContent < 0)
            {
                firstContent = i;

                // A file may open straight on its kind line, number or date, with no letterhead.
                if (IsSignal(i, out var kinds) && kinds.Any(k => k != HeaderFactKind.Letterhead))
                {
                    return (i, false);
                }
            }

            if (IsDocumentStart(i, afterSignature: false))
            {
                var framingBlocks = new HashSet<int>();
                var numbered = false;
                var hasArticleParagraph = false;
                for (var j = firstContent; j < i; j++)
                {
                    if (_roles[j] == LineRole.Content)
                    {
                        framingBlocks.Add(_lines[j].BlockIndex);
                        numbered |= SectionLabel.Parse(_lines[j].Text).Count > 0;
                        hasArticleParagraph |= _lines[j].Text.Length >= ArticleParagraphLength && TextShape.EndsSentence(_lines[j].Text);
                    }
                }

                // A site's title, breadcrumbs and menus are dropped; only real running text before the
                // header (a news report quoting the document) is kept as a document of its own.
                return (i, !numbered && (framingBlocks.Count <= MaxFramingBlocks || !hasArticleParagraph));
            }
        }

        return (-1, false);
    }

    private IReadOnlyList<HeaderFact>? Facts(int i)
    {
        if (!_factsParsed[i])
        {
            _facts[i] = HeaderLine.Parse(_lines[i].Text);
            _factsParsed[i] = true;
        }

        return _facts[i];
    }

    /// <summary>
    /// Marks electronic signature stamps (a block opening with "Ký bởi:" and the stamp lines after it)
    /// and website metadata blocks (two or more consecutive "Số hiệu ...", "Người ký ..." lines).
    /// </summary>
    private void MarkStampsAndSiteMetadata()
    {
        var stampBlock = -1;
        for (var i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            if (HeaderLine.IsSignatureStampStart(line.Text))
            {
                stampBlock = line.BlockIndex;
            }

            var previousIsStamp = i > 0 && _roles[i - 1] == LineRole.Stamp;
            var inStampBlock = line.BlockIndex == stampBlock && (previousIsStamp || HeaderLine.IsSignatureStampStart(line.Text));

            // A stamp shares its block (a table cell, a text paragraph) with other text only up to the
            // first header line: "Ký bởi ..." lines never swallow a letterhead below them.
            if ((inStampBlock && !IsSignal(i, out _)) || (previousIsStamp && HeaderLine.IsSignatureStampLine(line.Text)))
            {
                _roles[i] = LineRole.Stamp;
            }
        }

        var runStart = -1;
        for (var i = 0; i <= _lines.Count; i++)
        {
            var isMetadata = i < _lines.Count && _roles[i] == LineRole.Content && HeaderLine.TryParseSiteMetadata(_lines[i].Text, out _, out _);
            if (isMetadata)
            {
                runStart = runStart < 0 ? i : runStart;
                continue;
            }

            if (runStart >= 0 && i - runStart >= 2)
            {
                for (var j = runStart; j < i; j++)
                {
                    _roles[j] = LineRole.SiteMetadata;
                }
            }

            runStart = -1;
        }
    }

    private enum RecipientsMode
    {
        None,

        /// <summary>After "Kính gửi:" in the header.</summary>
        Salutation,

        /// <summary>After "Nơi nhận:".</summary>
        List,
    }
}
