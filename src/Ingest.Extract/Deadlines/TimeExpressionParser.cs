using Ingest.Model;

namespace Ingest.Extract.Deadlines;

/// <summary>
/// A time expression resolved to a <see cref="DeadlineKind"/> and dates.
/// </summary>
/// <param name="Kind">How it constrains a task.</param>
/// <param name="Start">First day (inclusive), if known.</param>
/// <param name="End">Last day (inclusive), if known.</param>
/// <param name="Recurrence">"yearly", "quarterly" ... for recurring expressions; null otherwise or when the cycle is not printed ("định kỳ").</param>
/// <param name="Understood">False when the expression was not understood (or named a period
/// with no year to place it in) and is relative only because nothing better could be said;
/// true for everything else, including expressions tied to an event ("Ngay sau Hội nghị ...").</param>
internal readonly record struct TimeExpression(DeadlineKind Kind, DateOnly? Start, DateOnly? End, string? Recurrence, bool Understood);

/// <summary>
/// Reads a Vietnamese time expression (folded, tokenised) and decides how it constrains a task,
/// following the kinds of GOLD.md ("Deadline kinds"). Pure and thread-safe.
/// </summary>
internal static class TimeExpressionParser
{
    /// <summary>Recurrence names used in <see cref="Deadline.Recurrence"/>.</summary>
    public const string Yearly = "yearly";

    public const string HalfYearly = "half-yearly";

    public const string Quarterly = "quarterly";

    public const string Monthly = "monthly";

    public const string Weekly = "weekly";

    public const string Daily = "daily";

    private enum Marker
    {
        None,

        /// <summary>"từ", "kể từ", "bắt đầu từ".</summary>
        From,

        /// <summary>"đến", "tới" (without a "từ" period before it).</summary>
        Until,

        /// <summary>"trước".</summary>
        Before,

        /// <summary>"chậm nhất", "không quá", "không muộn hơn", "thời hạn", "hạn chót".</summary>
        Latest,

        /// <summary>"sau".</summary>
        After,
    }

    public static TimeExpression Parse(string text, DateOnly? documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = FoldedText.Fold(text);
        return Parse(TimeTokenizer.Tokenize(folded, 0, folded.Length), documentDate);
    }

    public static TimeExpression Parse(IReadOnlyList<TimeToken> tokens, DateOnly? documentDate)
    {
        var state = new ParseState();
        var i = 0;
        while (i < tokens.Count)
        {
            if (TryRecurrence(tokens, i, out var recurrence, out var afterRecurrence))
            {
                state.Recurring = true;
                state.Recurrence ??= recurrence;
                i = afterRecurrence;
                continue;
            }

            if (PeriodReader.TryRead(tokens, i, allowSpans: true, out var spec, out var afterPeriod))
            {
                i = ReadGroup(tokens, spec, afterPeriod, state);
                continue;
            }

            i = ReadWord(tokens, i, state);
        }

        return Decide(state, documentDate);
    }

    /// <summary>
    /// True when the tokens open with a word that starts a time expression, after leading verbs
    /// such as "thực hiện" or "triển khai": the test a parenthesis passes before it is read as a
    /// schedule note.
    /// </summary>
    /// <param name="tokens">Tokens of the folded note.</param>
    /// <param name="cueIndex">Index of the first cue token.</param>
    public static bool StartsWithCue(IReadOnlyList<TimeToken> tokens, out int cueIndex)
    {
        cueIndex = SkipLeadingVerbs(tokens);
        if (cueIndex >= tokens.Count)
        {
            return false;
        }

        if (TryRecurrence(tokens, cueIndex, out _, out _) || PeriodReader.TryRead(tokens, cueIndex, allowSpans: true, out _, out _))
        {
            return true;
        }

        var word = tokens[cueIndex];
        var second = cueIndex + 1 < tokens.Count ? tokens[cueIndex + 1] : default;
        if (word.Kind != TimeTokenKind.Word)
        {
            return false;
        }

        return word.Text switch
        {
            "tu" or "den" or "toi" or "trong" or "vao" or "truoc" or "sau" or "xong" => true,
            "hoan" => second.IsWord("thanh"),
            "ke" or "bat" => second.IsWord("tu") || second.IsWord("dau"),
            "cham" => second.IsWord("nhat"),
            "khong" => second.IsWord("qua") || second.IsWord("muon"),
            "thoi" => second.IsWord("han"),
            "han" => second.IsWord("chot"),
            "ngay" => second.IsWord("sau") || second.IsWord("khi"),
            "thuong" => second.IsWord("xuyen"),
            "lien" => second.IsWord("tuc"),
            "nam" => second.IsWord("thu"),
            "dau" or "giua" or "cuoi" => second.IsWord("nhiem"),
            _ => false,
        };
    }

    /// <summary>
    /// True when the cue at <paramref name="cueIndex"/> ties the note to an event or a term
    /// rather than to dates ("năm thứ 3, nhiệm kỳ ...", "ngay sau ...", "sau khi ...",
    /// "cuối nhiệm kỳ"); "sau"/"trước" count only before a capitalised event name, which the
    /// caller checks in the printed text.
    /// </summary>
    public static bool IsEventCue(IReadOnlyList<TimeToken> tokens, int cueIndex)
    {
        if (cueIndex + 1 >= tokens.Count)
        {
            return false;
        }

        var word = tokens[cueIndex];
        var second = tokens[cueIndex + 1];
        return (word.IsWord("nam") && second.IsWord("thu"))
            || (word.IsWord("ngay") && (second.IsWord("sau") || second.IsWord("khi")))
            || ((word.IsWord("sau") || word.IsWord("truoc")) && second.IsWord("khi"))
            || ((word.IsWord("dau") || word.IsWord("giua") || word.IsWord("cuoi")) && second.IsWord("nhiem"));
    }

    /// <summary>
    /// Recurrence words at <paramref name="i"/>: "hằng/hàng/mỗi năm|quý|tháng|tuần|ngày",
    /// "định kỳ [hằng năm | 6 tháng]", "thường niên", "6 tháng một lần".
    /// </summary>
    public static bool TryRecurrence(IReadOnlyList<TimeToken> tokens, int i, out string? recurrence, out int next)
    {
        recurrence = null;
        next = i;
        if (i >= tokens.Count)
        {
            return false;
        }

        var word = tokens[i];
        if ((word.IsWord("hang") || word.IsWord("moi")) && i + 1 < tokens.Count && UnitRecurrence(tokens[i + 1]) is { } unit)
        {
            recurrence = unit;
            next = i + 2;
            return true;
        }

        if (word.IsWord("thuong") && i + 1 < tokens.Count && tokens[i + 1].IsWord("nien"))
        {
            recurrence = Yearly;
            next = i + 2;
            return true;
        }

        if (word.IsWord("dinh") && i + 1 < tokens.Count && tokens[i + 1].IsWord("ky"))
        {
            next = i + 2;
            if (TryRecurrence(tokens, next, out var inner, out var afterInner))
            {
                recurrence = inner;
                next = afterInner;
            }
            else if (next + 1 < tokens.Count && tokens[next + 1].IsWord("thang") && MonthsRecurrence(TimeNumbers.Count(tokens[next])) is { } months)
            {
                recurrence = months;
                next += 2;
            }

            return true;
        }

        // "6 tháng một lần", "6 tháng/lần".
        if (i + 3 < tokens.Count && tokens[i + 1].IsWord("thang") && tokens[i + 3].IsWord("lan")
            && (tokens[i + 2].IsWord("mot") || tokens[i + 2].Text == "1" || tokens[i + 2].IsSymbol('/'))
            && MonthsRecurrence(TimeNumbers.Count(tokens[i])) is { } every)
        {
            recurrence = every;
            next = i + 4;
            return true;
        }

        return false;
    }

    private static string? UnitRecurrence(TimeToken unit) => unit.Kind != TimeTokenKind.Word ? null : unit.Text switch
    {
        "nam" => Yearly,
        "quy" or "qui" => Quarterly,
        "thang" => Monthly,
        "tuan" => Weekly,
        "ngay" => Daily,
        _ => null,
    };

    private static string? MonthsRecurrence(int months) => months switch
    {
        1 => Monthly,
        3 => Quarterly,
        6 => HalfYearly,
        12 => Yearly,
        _ => null,
    };

    // Leading verbs and labels of a schedule note: "(thực hiện thường xuyên)", "(thời gian
    // thực hiện: quý II/2022)".
    private static int SkipLeadingVerbs(IReadOnlyList<TimeToken> tokens)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].IsSymbol(':'))
            {
                i++;
                continue;
            }

            if (i + 1 >= tokens.Count || tokens[i].Kind != TimeTokenKind.Word)
            {
                break;
            }

            var pair = (tokens[i].Text, tokens[i + 1].Text);
            if (pair is not (("thuc", "hien") or ("trien", "khai") or ("tien", "hanh") or ("to", "chuc") or ("bao", "cao") or ("thoi", "gian")))
            {
                break;
            }

            i += 2;
        }

        return i;
    }

    // A period and the periods joined to it by list or range connectors: "năm 2021, 2022",
    // "tháng 12/2021 - 01/2022", "từ tháng 1/2022 đến hết tháng 6/2022".
    private static int ReadGroup(IReadOnlyList<TimeToken> tokens, PeriodSpec first, int i, ParseState state)
    {
        var group = new PeriodGroup(state.Pending, first);
        state.Pending = Marker.None;
        while (i < tokens.Count && PeriodReader.IsConnector(tokens[i]) && !tokens[i].IsSymbol(';'))
        {
            var k = i + 1;
            if (k < tokens.Count && tokens[k].IsWord("het"))
            {
                k++;
            }

            if (!PeriodReader.TryRead(tokens, k, allowSpans: true, out var more, out var afterMore))
            {
                break;
            }

            group.Add(more, PeriodReader.IsRangeConnector(tokens[i]));
            i = afterMore;
        }

        state.Groups.Add(group);
        return i;
    }

    private static int ReadWord(IReadOnlyList<TimeToken> tokens, int i, ParseState state)
    {
        var token = tokens[i];
        var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
        if (token.Kind != TimeTokenKind.Word)
        {
            // "thời hạn: tháng 6/2022" keeps its marker across the colon.
            if (!token.IsSymbol(':'))
            {
                state.Pending = Marker.None;
            }

            return i + 1;
        }

        switch (token.Text)
        {
            case "tu" when next.IsWord("nay"):
                state.FromNow = true;
                state.Pending = Marker.None;
                return i + 2;
            case "tu":
                state.Pending = Marker.From;
                return i + 1;
            case "ke" or "bat" when next.IsWord("tu") || next.IsWord("dau"):
                state.Pending = Marker.From;
                return i + 2;
            case "den" or "toi":
                state.Pending = Marker.Until;
                return i + 1;
            case "truoc":
                state.Pending = Marker.Before;
                state.EventCue = true;
                return i + 1;
            case "sau":
                state.Pending = Marker.After;
                state.EventCue = true;
                return i + 1;
            case "cham" when next.IsWord("nhat"):
            case "khong" when next.IsWord("qua"):
            case "thoi" when next.IsWord("han"):
            case "han" when next.IsWord("chot"):
                state.Pending = Marker.Latest;
                return i + 2;
            case "khong" when next.IsWord("muon"):
                state.Pending = Marker.Latest;
                return i + 3;
            case "hoan" when next.IsWord("thanh"):
                state.ByVerb = true;
                return i + 2;
            case "xong":
                state.ByVerb = true;
                return i + 1;
            case "thuong" when next.IsWord("xuyen"):
            case "lien" when next.IsWord("tuc"):
                state.Ongoing = true;
                return i + 2;
            case "nam" when next.IsWord("thu"):
                // "năm thứ 3, nhiệm kỳ ...": a year counted within a term whose start is not
                // printed; relative with no resolved year (gold README decision 7).
                state.TermOrdinal = true;
                state.EventCue = true;
                return i + 2;
            case "nhiem" or "dai" or "hoi" or "ky" or "khi":
                state.EventCue = true;
                return i + 1;
            case "la" or "vao" or "trong" or "het" or "ngay":
                // Fillers allowed between a marker and its period ("chậm nhất là ngày",
                // "đến hết năm"); they keep the pending marker.
                return i + 1;
            default:
                // Any other word detaches a marker from what follows ("tự kiểm tra, năm 2022"
                // folds "tự" to "tu" and must not read as "từ năm 2022").
                state.Pending = Marker.None;
                return i + 1;
        }
    }

    private static TimeExpression Decide(ParseState state, DateOnly? documentDate)
    {
        if (state.TermOrdinal)
        {
            return Relative(understood: true);
        }

        if (state.Recurring)
        {
            return DecideRecurring(state, documentDate);
        }

        if (state.Groups.Count == 0)
        {
            if (state.FromNow && documentDate is { } issued)
            {
                return new TimeExpression(DeadlineKind.From, issued, null, null, true);
            }

            return state.Ongoing
                ? new TimeExpression(DeadlineKind.Ongoing, null, null, null, true)
                : Relative(state.EventCue);
        }

        var ranges = new List<DateRange>(state.Groups.Count);
        foreach (var group in state.Groups)
        {
            if (!group.TryResolve(documentDate, out var range))
            {
                return Relative(understood: false);
            }

            ranges.Add(range);
        }

        var all = ranges.Aggregate((a, b) => a.Union(b));
        var first = state.Groups[0];
        var firstRange = ranges[0];
        switch (first.Marker)
        {
            case Marker.From:
                var hasEnd = first.Ranged || (state.Groups.Count > 1 && state.Groups[1].Marker == Marker.Until);
                return hasEnd
                    ? new TimeExpression(DeadlineKind.Within, firstRange.Start, all.End, null, true)
                    : new TimeExpression(DeadlineKind.From, firstRange.Start, null, null, true);
            case Marker.Until:
                return new TimeExpression(DeadlineKind.By, state.FromNow ? documentDate : null, all.End, null, true);
            case Marker.Before:
                // "trước ngày 15/3/2022" ends on that day (the usage of deadlines in party
                // documents); "trước quý II/2022" ends the day before the period starts.
                var end = first.IsSingleDay ? firstRange.Start : firstRange.Start.AddDays(-1);
                return new TimeExpression(DeadlineKind.By, null, end, null, true);
            case Marker.Latest:
                return new TimeExpression(DeadlineKind.By, null, all.End, null, true);
            case Marker.After:
                return new TimeExpression(DeadlineKind.From, all.End.AddDays(1), null, null, true);
            default:
                // GOLD.md: "hoàn thành trong quý I/2022" is "by" with the whole quarter;
                // a bare period ("tháng 12/2021", "năm 2021, 2022") is "within".
                return new TimeExpression(state.ByVerb ? DeadlineKind.By : DeadlineKind.Within, all.Start, all.End, null, true);
        }
    }

    private static TimeExpression DecideRecurring(ParseState state, DateOnly? documentDate)
    {
        DateOnly? start = null;
        DateOnly? end = null;
        foreach (var group in state.Groups)
        {
            if (group.Marker is not (Marker.From or Marker.Until) || !group.TryResolve(documentDate, out var range))
            {
                // A period without "từ"/"đến" says when in each cycle ("quý IV hằng năm"), not
                // when the repetition starts or stops.
                continue;
            }

            if (group.Marker == Marker.From)
            {
                start ??= range.Start;
                end = group.Ranged ? range.End : end;
            }
            else
            {
                end = range.End;
            }
        }

        return new TimeExpression(DeadlineKind.Recurring, start, end, state.Recurrence, true);
    }

    private static TimeExpression Relative(bool understood) => new(DeadlineKind.Relative, null, null, null, understood);

    private sealed class ParseState
    {
        public List<PeriodGroup> Groups { get; } = [];

        public Marker Pending { get; set; }

        public bool ByVerb { get; set; }

        public bool FromNow { get; set; }

        public bool Recurring { get; set; }

        public string? Recurrence { get; set; }

        public bool Ongoing { get; set; }

        public bool EventCue { get; set; }

        public bool TermOrdinal { get; set; }
    }

    private sealed class PeriodGroup(Marker marker, PeriodSpec first)
    {
        private readonly List<PeriodSpec> _periods = [first];

        public Marker Marker { get; } = marker;

        /// <summary>True when periods were joined as a range ("-", "đến"), not a list.</summary>
        public bool Ranged { get; private set; } = first.IsRange;

        public bool IsSingleDay => _periods.Count == 1 && _periods[0].Unit == PeriodUnit.Day;

        public void Add(PeriodSpec period, bool range)
        {
            _periods.Add(period);
            Ranged |= range || period.IsRange;
        }

        public bool TryResolve(DateOnly? documentDate, out DateRange range)
        {
            range = default;

            // A list item without a year takes the year printed after it ("quý III và quý IV/2022").
            var carriedYear = (int?)null;
            var periods = new PeriodSpec[_periods.Count];
            for (var k = _periods.Count - 1; k >= 0; k--)
            {
                var period = _periods[k];
                if (!period.HasYear && carriedYear is { } year)
                {
                    period = period.WithYear(year);
                }

                carriedYear = period.Year ?? (period.Unit == PeriodUnit.Year && period.Values.Count > 0 ? period.Values[0] : carriedYear);
                periods[k] = period;
            }

            foreach (var period in periods)
            {
                if (!period.TryResolve(documentDate, out var one))
                {
                    return false;
                }

                range = range == default ? one : range.Union(one);
            }

            return true;
        }
    }
}
