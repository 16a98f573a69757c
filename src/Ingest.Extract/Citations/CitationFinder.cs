using System.Globalization;
using System.Text.RegularExpressions;
using Ingest.Extract.Deadlines;

namespace Ingest.Extract.Citations;

/// <summary>
/// Finds every mention of a numbered document (GOLD.md "citations"): the symbol (see
/// <see cref="DocumentSymbols"/>), the type word printed before it ("Kết luận số"), and what is
/// printed after it: date ("ngày 14/10/2021", "ngày 1-12-2021", "ngày 14 tháng 10 năm 2021"),
/// issuer ("của Bộ Chính trị"), subject ("về ..."). Also:
/// <list type="bullet">
/// <item>an aside between the symbol and its date or issuer is skipped ("Kết luận số 21-KL/TW
/// (sau đây gọi tắt là Kết luận 21) của Ban Chấp hành Trung ương Đảng");</item>
/// <item>an issuer printed before the citation counts when nothing follows it ("theo chỉ đạo của
/// Bộ Chính trị tại Kết luận số 19-KL/TW");</item>
/// <item>coordinated citations share what is printed once for both ("Quy định số 24-QĐ/TW,
/// ngày 30/7/2021 và Quy định số 232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành Trung ương
/// Đảng": both issued by it; "Nghị quyết số 18-NQ/TW và 19-NQ/TW": both Nghị quyết).</item>
/// </list>
/// Dates ("12/2021"), spans ("2021-2025"), phone numbers and file names ("18.QDTW331.DOC") are
/// not symbols. Stateless and thread-safe.
/// </summary>
public sealed partial class CitationFinder : ICitationFinder
{
    // "theo chỉ đạo của Bộ Chính trị tại ...": enough for a long body name and its preposition.
    private const int IssuerLookback = 160;

    // Subjects are cut here when no punctuation ends them; they are informative, not scored.
    private const int MaxTitleLength = 300;

    /// <inheritdoc />
    public IReadOnlyList<CitationMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        // Every mention has a symbol: a text without one is not folded or read further.
        var symbols = DocumentSymbols.FindAll(text);
        if (symbols.Count == 0)
        {
            return [];
        }

        var folded = FoldedText.Fold(text);
        var drafts = new List<Draft>();
        var previousEnd = 0;
        foreach (var symbol in symbols)
        {
            var hasWord = KindWords.TryFindBefore(folded, symbol.Index, out var kindWord, out var wordIndex);

            // A state-shaped string with an unknown code ("123/UBND-NC") is a number only when a
            // type word announces it ("Công văn số 123/UBND-NC").
            if (!symbol.Certain && !hasWord)
            {
                continue;
            }

            var start = hasWord && wordIndex >= previousEnd ? wordIndex : symbol.Index;
            drafts.Add(new Draft(symbol.Id, start, symbol.Index + symbol.Length)
            {
                KindWord = hasWord && wordIndex >= previousEnd ? kindWord : null,
                SymbolKind = DocumentSymbols.KindOfSymbol(symbol.Id),
            });
            previousEnd = symbol.Index + symbol.Length;
        }

        for (var k = 0; k < drafts.Count; k++)
        {
            var limit = k + 1 < drafts.Count ? drafts[k + 1].Start : text.Length;
            ReadAfter(text, folded, drafts[k], limit);
            if (drafts[k].Issuer is null)
            {
                ReadIssuerBefore(text, folded, drafts[k], k > 0 ? drafts[k - 1].End : 0);
            }
        }

        ShareAcrossCoordination(folded, drafts);
        return drafts.Select(d => new CitationMatch(d.Id, d.KindWord, d.SymbolKind, d.IssuedOn, d.Issuer, d.Title, d.Start, d.End - d.Start)).ToList();
    }

    private static void ReadAfter(string text, string folded, Draft draft, int limit)
    {
        var position = draft.SymbolEnd;
        var skippedAside = false;
        for (var step = 0; step < 4; step++)
        {
            if (draft.IssuedOn is null && TryDate(folded, position, limit, out var date, out var dateEnd))
            {
                draft.IssuedOn = date;
                position = draft.End = dateEnd;
                continue;
            }

            if (draft.Issuer is null && TryOf(folded, position, limit, out var nameStart))
            {
                if (!IssuerReader.TryRead(text, folded, nameStart, limit, out var issuer, out var issuerEnd))
                {
                    break;
                }

                draft.Issuer = issuer;
                position = draft.End = issuerEnd;
                continue;
            }

            var aside = Aside().Match(folded, position);
            if (!skippedAside && aside.Success && aside.Index + aside.Length <= limit
                && ((draft.IssuedOn is null && TryDate(folded, aside.Index + aside.Length, limit, out _, out _))
                    || (draft.Issuer is null && TryOf(folded, aside.Index + aside.Length, limit, out _))))
            {
                skippedAside = true;
                position = aside.Index + aside.Length;
                continue;
            }

            break;
        }

        draft.Title = ReadSubject(text, folded, draft.End, limit);
    }

    private static bool TryDate(string folded, int position, int limit, out DateOnly date, out int end)
    {
        date = default;
        end = position;
        var match = DateAfter().Match(folded, position);
        if (!match.Success || match.Index + match.Length > limit)
        {
            return false;
        }

        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year is < TimeNumbers.MinYear or > TimeNumbers.MaxYear || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        end = match.Index + match.Length;
        return true;
    }

    private static bool TryOf(string folded, int position, int limit, out int nameStart)
    {
        var match = OfWord().Match(folded, position);
        nameStart = match.Success ? match.Index + match.Length : position;
        return match.Success && nameStart < limit;
    }

    // "về đẩy mạnh xây dựng, chỉnh đốn Đảng ..." up to the end of the clause.
    private static string? ReadSubject(string text, string folded, int position, int limit)
    {
        var match = SubjectStart().Match(folded, position);
        if (!match.Success || match.Index + match.Length >= limit)
        {
            return null;
        }

        var start = match.Index + match.Length;
        var end = Math.Min(limit, start + MaxTitleLength);
        var cut = end;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is ';' or '(' || (c == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
                || (c == '\n' && StartsNewBlock(text, i + 1)))
            {
                cut = i;
                break;
            }
        }

        if (cut == start + MaxTitleLength)
        {
            var lastSpace = text.LastIndexOf(' ', cut - 1, cut - start);
            cut = lastSpace > start ? lastSpace : cut;
        }

        var subject = TrailingJoiner().Replace(text[start..cut], string.Empty);
        return subject.Length > "về".Length ? DeadlineResolver.CleanText(subject) : null;
    }

    // A line break inside a hard-wrapped paragraph continues the sentence; a blank line, a
    // bullet or a numbered label starts a new block.
    private static bool StartsNewBlock(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= text.Length || text[i] is '\n' or '\r' or '-' or '+' or '•' or '*')
        {
            return true;
        }

        var digits = i;
        while (digits < text.Length && (char.IsAsciiDigit(text[digits]) || text[digits] is 'I' or 'V' or 'X'))
        {
            digits++;
        }

        return digits > i && digits < text.Length && text[digits] is '.' or ')' or '-';
    }

    // "theo chỉ đạo của Bộ Chính trị tại Kết luận số 19-KL/TW": issuer printed before.
    private static void ReadIssuerBefore(string text, string folded, Draft draft, int notBefore)
    {
        var windowStart = Math.Max(notBefore, draft.Start - IssuerLookback);
        if (windowStart >= draft.Start)
        {
            return;
        }

        var window = folded[windowStart..draft.Start];
        var issuing = IssuingVerbAtEnd().Match(window);
        if (issuing.Success)
        {
            ReadSubjectOfIssuing(text, folded, draft, windowStart, windowStart + issuing.Index);
            return;
        }

        var preposition = PrepositionAtEnd().Match(window);
        if (!preposition.Success)
        {
            return;
        }

        // The last "của" before the preposition, with no punctuation between them, after a word
        // of direction ("chỉ đạo của X tại ..."): in "nhiệm vụ của X theo Kế hoạch số ..." X owns
        // the tasks, not the plan.
        var of = window.LastIndexOf("cua ", preposition.Index, StringComparison.Ordinal);
        if (of < 0 || (of > 0 && char.IsLetter(window[of - 1])) || window.AsSpan(of, preposition.Index - of).IndexOfAny(",;.()\"") >= 0
            || !DirectionAtEnd().IsMatch(window.AsSpan(0, of)))
        {
            return;
        }

        var nameStart = windowStart + of + "cua ".Length;
        var nameEnd = windowStart + preposition.Index;
        if (IssuerReader.TryReadWhole(text, folded, nameStart, nameEnd, out var issuer))
        {
            draft.Issuer = issuer;
        }
    }

    // "Trong đó, Ban Tổ chức Trung ương đã ban hành Kế hoạch số 52-KH/BTCTW": the subject of the
    // issuing verb, from the clause start, is the issuer.
    private static void ReadSubjectOfIssuing(string text, string folded, Draft draft, int windowStart, int verbStart)
    {
        var clauseStart = verbStart;
        while (clauseStart > windowStart && folded[clauseStart - 1] is not (',' or ';' or ':' or '.' or '\n' or '(' or ')'))
        {
            clauseStart--;
        }

        var clause = folded[clauseStart..verbStart];
        var auxiliary = AuxiliaryAtEnd().Match(clause);
        var nameEnd = clauseStart + (auxiliary.Success ? auxiliary.Index : clause.Length);
        var nameStart = clauseStart;
        while (nameStart < nameEnd && char.IsWhiteSpace(text[nameStart]))
        {
            nameStart++;
        }

        if (nameStart < nameEnd && IssuerReader.TryReadWhole(text, folded, nameStart, nameEnd, out var issuer))
        {
            draft.Issuer = issuer;
        }
    }

    private static void ShareAcrossCoordination(string folded, List<Draft> drafts)
    {
        for (var k = 1; k < drafts.Count; k++)
        {
            if (drafts[k].KindWord is null && drafts[k - 1].KindWord is { } kind && IsConjunction(folded, drafts[k - 1].End, drafts[k].Start))
            {
                drafts[k].KindWord = kind;
            }
        }

        for (var k = drafts.Count - 2; k >= 0; k--)
        {
            var first = drafts[k];
            var second = drafts[k + 1];
            if (first.Title is not null || !IsConjunction(folded, first.End, second.Start))
            {
                continue;
            }

            if (first.IssuedOn is null && first.Issuer is null)
            {
                first.IssuedOn = second.IssuedOn;
            }

            first.Issuer ??= second.Issuer;
        }
    }

    private static bool IsConjunction(string folded, int start, int end) =>
        start <= end && Conjunction().IsMatch(folded.AsSpan(start, end - start));

    /// <summary>A mention being assembled.</summary>
    private sealed class Draft(string id, int start, int symbolEnd)
    {
        public string Id { get; } = id;

        public int Start { get; } = start;

        public int SymbolEnd { get; } = symbolEnd;

        public int End { get; set; } = symbolEnd;

        public string? KindWord { get; set; }

        public string? SymbolKind { get; init; }

        public DateOnly? IssuedOn { get; set; }

        public string? Issuer { get; set; }

        public string? Title { get; set; }
    }

    // All on folded text. "ngày 14/10/2021", "ngày 1-12-2021", "ngày 14.10.2021",
    // "ngày 14 tháng 10 năm 2021", optionally after a comma or "ban hành"/"ký".
    [GeneratedRegex(@"\G[\s,]*(?:ban hanh\s+|ky\s+)?ngay\s+(?:(?<d>\d{1,2})\s*(?<sep>[/.\-])\s*(?<m>\d{1,2})\s*\k<sep>\s*(?<y>\d{4})|(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})\s+nam\s+(?<y>\d{4}))(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DateAfter();

    [GeneratedRegex(@"\G[\s,]*cua\s+", RegexOptions.CultureInvariant)]
    private static partial Regex OfWord();

    [GeneratedRegex(@"\G\s*\([^()]{1,150}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Aside();

    [GeneratedRegex(@"\G[\s,]*(?=ve\s)", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectStart();

    [GeneratedRegex(@"(?:^|\s)ban hanh\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex IssuingVerbAtEnd();

    // Aspect words between a subject and its verb ("đã ban hành", "vừa ban hành").
    [GeneratedRegex(@"(?:\s+(?:da|vua|moi|cung|se))+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AuxiliaryAtEnd();

    // On printed text: what may trail a subject cut before the next citation ("... của Đảng và").
    [GeneratedRegex(@"(?:[\s,;:.]+(?:và|hoặc))?[\s,;:.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingJoiner();

    [GeneratedRegex(@"(?<![a-z])(?:chi dao|yeu cau|y kien|huong dan|ket luan|de nghi|tinh than|quy dinh)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectionAtEnd();

    [GeneratedRegex(@"\s(?:tai|theo|trong)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex PrepositionAtEnd();

    [GeneratedRegex(@"^\s*(?:,\s*)?(?:va|hoac)?\s*$|^\s*,\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Conjunction();
}
