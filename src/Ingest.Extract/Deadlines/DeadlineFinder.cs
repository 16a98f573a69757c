using System.Text.RegularExpressions;
using Ingest.Extract.Citations;
using Ingest.Model;

namespace Ingest.Extract.Deadlines;

/// <summary>
/// Finds the time expressions that schedule tasks (GOLD.md "deadlines", gold README decision 6):
/// <list type="number">
/// <item>every parenthesised schedule note that is a time expression: "(tháng 12/2021)",
/// "(*thực hiện thường xuyên*)", "(năm 2021, 2022)", "(năm thứ 3, nhiệm kỳ ...)"; not
/// parentheses that cite ("(theo Quyết định số ...)"), name a term ("(khóa XI)", "(nhiệm kỳ
/// 2020 - 2025)") or hold other content;</item>
/// <item>in running text (<see cref="Deadline.Inline"/>), only expressions that explicitly time
/// a task: a clause-initial recurrence ("Hằng năm, ...", "..., định kỳ hằng năm báo cáo"), a
/// clause-initial "Ngay sau &lt;event&gt;, ...", and a period after a scheduling word ("hoàn thành
/// trong quý II/2022", "trước ngày 15/3/2022", "chậm nhất tháng 6/2022", "từ năm 2023").</item>
/// </list>
/// Manner adverbs ("thường xuyên", "khẩn trương", "kịp thời", "trước mắt"), "hằng năm" after a
/// noun ("xếp loại chất lượng hằng năm") and spans named in running text ("10 năm",
/// "5 năm 2021 - 2025", "giai đoạn 2022 - 2026", "nhiệm kỳ 2020-2025") are not deadlines.
/// Stateless and thread-safe.
/// </summary>
public sealed partial class DeadlineFinder : IDeadlineFinder
{
    // A schedule note is short; longer parentheses are asides or quotations.
    private const int MaxNoteLength = 200;

    // "Ngay sau Hội nghị cán bộ toàn quốc, ..." ends at its comma; a clause this long without
    // one is not an adverbial of time.
    private const int MaxEventClauseLength = 120;

    // Enough room after a scheduling word for "tháng 12/2021 - tháng 01/2022".
    private const int PeriodWindow = 80;

    // The tokens of one window after a scheduling word, reused for the next (see FindScheduledPeriods).
    [ThreadStatic]
    private static List<TimeToken>? _windowTokens;

    /// <inheritdoc />
    public IReadOnlyList<DeadlineMatch> FindAll(string text, DateOnly? documentDate = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var folded = FoldedText.Fold(text);
        var found = new List<DeadlineMatch>();
        var parentheses = new List<(int Start, int End)>();
        foreach (var note in Parenthesis().EnumerateMatches(text))
        {
            // The note is what the parentheses enclose: one character in from each end.
            parentheses.Add((note.Index, note.Index + note.Length));
            if (TryNote(text, folded, note.Index + 1, note.Length - 2, documentDate) is { } match)
            {
                found.Add(match);
            }
        }

        FindRecurrenceAdverbs(text, folded, documentDate, parentheses, found);
        FindEventAdverbs(text, folded, documentDate, parentheses, found);
        FindScheduledPeriods(text, folded, documentDate, parentheses, found);

        found.Sort(static (a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Length.CompareTo(a.Length));
        var result = new List<DeadlineMatch>(found.Count);
        var covered = -1;
        foreach (var match in found)
        {
            if (match.Index >= covered)
            {
                result.Add(match);
                covered = match.Index + match.Length;
            }
        }

        return result;
    }

    private static DeadlineMatch? TryNote(string text, string folded, int start, int length, DateOnly? documentDate)
    {
        var end = start + length;
        var openingParenthesis = start - 1;
        while (start < end && IsPadding(text[start]))
        {
            start++;
        }

        while (end > start && IsPadding(text[end - 1]))
        {
            end--;
        }

        // "Kết luận số 19-KL/TW (ngày 14/10/2021)" dates the cited document, not a task.
        if (end <= start || (openingParenthesis > 0 && DocumentSymbols.EndsWithSymbol(text, openingParenthesis - 1)))
        {
            return null;
        }

        var tokens = TimeTokenizer.Tokenize(folded, start, end);
        if (!TimeExpressionParser.StartsWithCue(tokens, out var cue))
        {
            return null;
        }

        var parsed = TimeExpressionParser.Parse(tokens, documentDate);
        var opensWithTime = TimeExpressionParser.TryRecurrence(tokens, cue, out _, out _)
            || PeriodReader.TryRead(tokens, cue, allowSpans: true, out _, out _);
        var tiedToEvent = TimeExpressionParser.IsEventCue(tokens, cue) || BeforeOrAfterEvent(text, tokens, cue);
        if (parsed.Kind == DeadlineKind.Relative && !opensWithTime && !tiedToEvent)
        {
            // "(trong đó ...)", "(sau đây gọi là ...)", "(từ Trung ương đến cơ sở)".
            return null;
        }

        var expression = text[start..end];
        return new DeadlineMatch(DeadlineResolver.ToDeadline(DeadlineResolver.CleanText(expression), parsed, inline: false), start, end - start)
        {
            Unresolved = !parsed.Understood,
        };
    }

    // "sau Đại hội XIV", "trước Kỳ họp thứ 5": an event is a capitalised name in the printed text.
    private static bool BeforeOrAfterEvent(string text, IReadOnlyList<TimeToken> tokens, int cue) =>
        cue + 1 < tokens.Count
        && (tokens[cue].IsWord("sau") || tokens[cue].IsWord("truoc"))
        && tokens[cue + 1].Kind == TimeTokenKind.Word
        && char.IsUpper(text[tokens[cue + 1].Start]);

    // "Hằng năm, đánh giá ..." and "..., định kỳ hằng năm báo cáo ..." (gold IV.2, V), but not
    // "xếp loại chất lượng hằng năm" where the word qualifies a noun: only at a clause start.
    private static void FindRecurrenceAdverbs(string text, string folded, DateOnly? documentDate, List<(int Start, int End)> parentheses, List<DeadlineMatch> found)
    {
        foreach (var adverb in RecurrenceAdverb().EnumerateMatches(folded))
        {
            if (!IsClauseStart(text, adverb.Index) || IsInside(parentheses, adverb.Index))
            {
                continue;
            }

            found.Add(Inline(text, adverb.Index, adverb.Length, documentDate));
        }
    }

    // "Ngay sau Hội nghị cán bộ toàn quốc, khẩn trương ..." (gold IV.18): relative to the event.
    private static void FindEventAdverbs(string text, string folded, DateOnly? documentDate, List<(int Start, int End)> parentheses, List<DeadlineMatch> found)
    {
        foreach (var adverb in EventAdverb().EnumerateMatches(folded))
        {
            if (!IsClauseStart(text, adverb.Index) || IsInside(parentheses, adverb.Index))
            {
                continue;
            }

            var limit = Math.Min(text.Length, adverb.Index + MaxEventClauseLength);
            var end = text.AsSpan(adverb.Index, limit - adverb.Index).IndexOfAny(",;.:(\n");
            if (end <= adverb.Length)
            {
                continue;
            }

            var length = text.AsSpan(adverb.Index, end).TrimEnd().Length;
            found.Add(Inline(text, adverb.Index, length, documentDate));
        }
    }

    // "hoàn thành trong quý II/2022", "trước ngày 15/3/2022", "chậm nhất là tháng 6/2022",
    // "từ năm 2023", "từ tháng 1/2022 đến tháng 6/2022": a scheduling word directly followed by
    // a period. Horizons ("giai đoạn 2022 - 2026") are not read here.
    private static void FindScheduledPeriods(string text, string folded, DateOnly? documentDate, List<(int Start, int End)> parentheses, List<DeadlineMatch> found)
    {
        // Scheduling words are common prepositions ("trong", "vào", "từ"), most followed by no
        // period: one token list per thread serves every window.
        var tokens = _windowTokens ??= new List<TimeToken>(PeriodWindow);
        foreach (var marker in SchedulingWord().EnumerateMatches(folded))
        {
            if (IsInside(parentheses, marker.Index))
            {
                continue;
            }

            var periodStart = marker.Index + marker.Length;
            var windowEnd = Math.Min(folded.Length, periodStart + PeriodWindow);
            TimeTokenizer.Tokenize(folded, periodStart, windowEnd, tokens);
            if (!PeriodReader.TryRead(tokens, 0, allowSpans: false, out _, out var next))
            {
                continue;
            }

            next = ExtendJoined(tokens, next);

            // A token cut by the window edge may be incomplete; such a match is not trusted.
            if (tokens[next - 1].End >= windowEnd && windowEnd < folded.Length)
            {
                continue;
            }

            var match = Inline(text, marker.Index, tokens[next - 1].End - marker.Index, documentDate);
            if (match.Deadline.Kind != DeadlineKind.Relative || match.Unresolved)
            {
                found.Add(match);
            }
        }
    }

    private static int ExtendJoined(IReadOnlyList<TimeToken> tokens, int next)
    {
        while (next < tokens.Count && PeriodReader.IsConnector(tokens[next]) && !tokens[next].IsSymbol(';') && !tokens[next].IsSymbol(','))
        {
            var k = next + 1;
            if (k < tokens.Count && tokens[k].IsWord("het"))
            {
                k++;
            }

            if (!PeriodReader.TryRead(tokens, k, allowSpans: false, out _, out var afterMore))
            {
                break;
            }

            next = afterMore;
        }

        return next;
    }

    private static DeadlineMatch Inline(string text, int index, int length, DateOnly? documentDate)
    {
        var expression = text.Substring(index, length);
        var parsed = TimeExpressionParser.Parse(expression, documentDate);
        return new DeadlineMatch(DeadlineResolver.ToDeadline(DeadlineResolver.CleanText(expression), parsed, inline: true), index, length)
        {
            Unresolved = !parsed.Understood,
        };
    }

    /// <summary>
    /// True when <paramref name="index"/> opens a sentence, a clause (after ",", ";", ":"), a
    /// line or a bullet item.
    /// </summary>
    private static bool IsClauseStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0)
        {
            var c = text[i];
            if (c == '\n')
            {
                return true;
            }

            if (char.IsWhiteSpace(c) || c is '*' or '_')
            {
                i--;
                continue;
            }

            if (c is '.' or ';' or ':' or ',' or '!' or '?')
            {
                return true;
            }

            if (c is '-' or '+' or '•' or '–')
            {
                // A bullet marker at the start of a line.
                var j = i - 1;
                while (j >= 0 && text[j] is ' ' or '\t')
                {
                    j--;
                }

                return j < 0 || text[j] == '\n';
            }

            return false;
        }

        return true;
    }

    // Spans are in text order and do not overlap (regex matches), so a binary search suffices.
    private static bool IsInside(List<(int Start, int End)> spans, int index)
    {
        var low = 0;
        var high = spans.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (index < spans[middle].Start)
            {
                high = middle - 1;
            }
            else if (index >= spans[middle].End)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPadding(char c) => char.IsWhiteSpace(c) || c is '*' or '_';

    [GeneratedRegex(@"\([^()]{1,200}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesis();

    // On folded text. "hằng ngày" is left out: "hành động cụ thể, hằng ngày" describes manner.
    [GeneratedRegex(@"\b(?:dinh ky\s+)?(?:hang|moi)\s+(?:nam|quy|qui|thang|tuan)\b|\bdinh ky\s+(?:\d{1,2}|sau|ba)\s+thang\b|\bthuong nien\b", RegexOptions.CultureInvariant)]
    private static partial Regex RecurrenceAdverb();

    [GeneratedRegex(@"\bngay\s+(?:sau|khi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EventAdverb();

    [GeneratedRegex(@"\b(?:(?:hoan thanh|xong)\s+)?(?:truoc|cham nhat(?:\s+la)?(?:\s+(?:vao|trong|truoc))?|khong qua|khong muon hon|trong|vao|tu|ke tu|bat dau tu|hoan thanh|xong)\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex SchedulingWord();
}
