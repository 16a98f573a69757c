namespace Ingest.Extract.Deadlines;

/// <summary>Numbers as they appear in time expressions: years, quarter numerals, spelled-out counts.</summary>
internal static class TimeNumbers
{
    /// <summary>Years outside this window are taken for other numbers (counts, codes), not dates.</summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2199;

    public static bool IsYear(TimeToken token) =>
        token.Kind == TimeTokenKind.Number && token.Text.Length == 4 && token.Number is >= MinYear and <= MaxYear;

    /// <summary>
    /// A quarter numeral: Roman I-IV as printed, Arabic 1-4 (decision 9 keeps "quý 1/2022"), and
    /// the OCR reading of "I" as "l" ("quý lI/2022").
    /// </summary>
    public static int Quarter(TimeToken token)
    {
        if (token.Kind == TimeTokenKind.Number)
        {
            return token.Number is >= 1 and <= 4 ? token.Number : -1;
        }

        if (token.Kind != TimeTokenKind.Word)
        {
            return -1;
        }

        return token.Text.Replace('l', 'i') switch
        {
            "i" => 1,
            "ii" => 2,
            "iii" => 3,
            "iv" => 4,
            _ => -1,
        };
    }

    /// <summary>A month count written in digits or as a word ("sáu tháng đầu năm"); -1 otherwise.</summary>
    public static int Count(TimeToken token)
    {
        if (token.Kind == TimeTokenKind.Number)
        {
            return token.Number;
        }

        // Folded spellings; "năm" (five) and "tư" (four) are left out because they fold to the
        // words for "year" and "from".
        return token.Kind != TimeTokenKind.Word ? -1 : token.Text switch
        {
            "mot" => 1,
            "hai" => 2,
            "ba" => 3,
            "bon" => 4,
            "sau" => 6,
            "bay" => 7,
            "tam" => 8,
            "chin" => 9,
            "muoi" => 10,
            _ => -1,
        };
    }
}

/// <summary>
/// Reads one printed period at a token position: "tháng 12/2021", "đầu tháng 12/2021",
/// "quý I/2022", "năm 2021, 2022", "6 tháng đầu năm 2022", "ngày 15/3/2022", "15/3/2022", "12/2021",
/// "giai đoạn 2021 - 2025". Ranges and lists of whole periods are joined by the caller.
/// </summary>
internal static class PeriodReader
{
    /// <summary>
    /// Reads a period starting exactly at <paramref name="index"/>.
    /// </summary>
    /// <param name="tokens">Tokens of folded text.</param>
    /// <param name="index">Where the period must start.</param>
    /// <param name="allowSpans">Whether "giai đoạn YYYY - YYYY" counts: it does inside a schedule
    /// note, not in running text, where it names a planning horizon (gold README decision 6).</param>
    /// <param name="spec">The period read.</param>
    /// <param name="next">Index of the first token after it.</param>
    public static bool TryRead(IReadOnlyList<TimeToken> tokens, int index, bool allowSpans, out PeriodSpec spec, out int next)
    {
        spec = null!;
        next = index;
        if (index >= tokens.Count)
        {
            return false;
        }

        var i = index;
        var part = PartOf(tokens[i]);
        if (part != PeriodPart.Whole)
        {
            if (i + 1 >= tokens.Count || !(tokens[i + 1].IsWord("thang") || tokens[i + 1].IsWord("quy") || tokens[i + 1].IsWord("qui") || tokens[i + 1].IsWord("nam")))
            {
                return false;
            }

            i++;
        }

        var token = tokens[i];
        PeriodSpec? read = null;
        if (token.IsWord("thang"))
        {
            read = ReadListWithYear(tokens, i + 1, PeriodUnit.Month, out next);
        }
        else if (token.IsWord("quy") || token.IsWord("qui"))
        {
            read = ReadListWithYear(tokens, i + 1, PeriodUnit.Quarter, out next);
        }
        else if (token.IsWord("nam"))
        {
            read = ReadYears(tokens, i + 1, part != PeriodPart.Whole, out next);
        }
        else if (part == PeriodPart.Whole)
        {
            read = ReadMonthCount(tokens, i, out next)
                ?? ReadHalf(tokens, i, out next)
                ?? ReadDay(tokens, i, out next)
                ?? ReadBareDate(tokens, i, out next)
                ?? (allowSpans ? ReadSpan(tokens, i, out next) : null);
        }

        if (read is null)
        {
            next = index;
            return false;
        }

        spec = part == PeriodPart.Whole ? read : read with { Part = part };
        return true;
    }

    /// <summary>Whether a token joins two items of a list or the ends of a range.</summary>
    public static bool IsConnector(TimeToken token) =>
        token.IsSymbol(',') || token.IsSymbol('-') || token.IsSymbol('&') || token.IsSymbol(';')
        || token.IsWord("va") || token.IsWord("den") || token.IsWord("toi") || token.IsWord("hoac");

    /// <summary>Whether a connector makes a range rather than a list.</summary>
    public static bool IsRangeConnector(TimeToken token) =>
        token.IsSymbol('-') || token.IsWord("den") || token.IsWord("toi");

    private static PeriodPart PartOf(TimeToken token) => token.Kind != TimeTokenKind.Word ? PeriodPart.Whole : token.Text switch
    {
        "dau" => PeriodPart.Early,
        "giua" => PeriodPart.Middle,
        "cuoi" => PeriodPart.Late,
        _ => PeriodPart.Whole,
    };

    // "tháng 12/2021", "tháng 11, 12/2021", "tháng 11 - 12 năm 2021", "quý I/2022", "quý 1/2022".
    private static PeriodSpec? ReadListWithYear(IReadOnlyList<TimeToken> tokens, int i, PeriodUnit unit, out int next)
    {
        next = i;
        var values = new List<int>();
        var value = i < tokens.Count ? ValueOf(tokens[i], unit) : -1;
        if (value < 0)
        {
            return null;
        }

        values.Add(value);
        i++;
        var isRange = false;
        while (i + 1 < tokens.Count && IsConnector(tokens[i]) && !tokens[i].IsSymbol(';'))
        {
            var more = ValueOf(tokens[i + 1], unit);

            // "tháng 11 - 12/2021" lists months; "tháng 12 - 2021" would be a year, handled below.
            if (more < 0)
            {
                break;
            }

            isRange |= IsRangeConnector(tokens[i]);
            values.Add(more);
            i += 2;
        }

        var year = ReadYearSuffix(tokens, i, out next);
        return new PeriodSpec(unit, values, year) { IsRange = isRange };
    }

    private static int ValueOf(TimeToken token, PeriodUnit unit)
    {
        if (unit == PeriodUnit.Quarter)
        {
            return TimeNumbers.Quarter(token);
        }

        return token.Kind == TimeTokenKind.Number && token.Text.Length <= 2 && token.Number is >= 1 and <= 12 ? token.Number : -1;
    }

    // "/2021", "-2021", ".2021" or " năm 2021" after a month or quarter.
    private static int? ReadYearSuffix(IReadOnlyList<TimeToken> tokens, int i, out int next)
    {
        next = i;
        if (i + 1 < tokens.Count
            && (tokens[i].IsSymbol('/') || tokens[i].IsSymbol('-') || tokens[i].IsSymbol('.') || tokens[i].IsWord("nam"))
            && TimeNumbers.IsYear(tokens[i + 1]))
        {
            next = i + 2;
            return tokens[i + 1].Number;
        }

        return null;
    }

    // "năm 2022", "năm 2021, 2022", "năm 2022 và năm 2023", "năm 2021 - 2022"; year-less "năm nay"
    // and, after đầu/giữa/cuối, a bare "năm".
    private static PeriodSpec? ReadYears(IReadOnlyList<TimeToken> tokens, int i, bool partGiven, out int next)
    {
        next = i;
        if (i < tokens.Count && TimeNumbers.IsYear(tokens[i]))
        {
            var years = new List<int> { tokens[i].Number };
            i++;
            var isRange = false;
            while (i + 1 < tokens.Count && IsConnector(tokens[i]) && !tokens[i].IsSymbol(';'))
            {
                var k = i + 1;
                if (tokens[k].IsWord("nam") && k + 1 < tokens.Count)
                {
                    k++;
                }

                if (!TimeNumbers.IsYear(tokens[k]))
                {
                    break;
                }

                isRange |= IsRangeConnector(tokens[i]);
                years.Add(tokens[k].Number);
                i = k + 1;
            }

            next = i;
            return new PeriodSpec(PeriodUnit.Year, years, null) { IsRange = isRange };
        }

        if (i < tokens.Count && tokens[i].IsWord("nay"))
        {
            next = i + 1;
            return new PeriodSpec(PeriodUnit.Year, [], null);
        }

        if (partGiven)
        {
            next = i;
            return new PeriodSpec(PeriodUnit.Year, [], null);
        }

        return null;
    }

    // "6 tháng đầu năm 2022", "sáu tháng cuối năm".
    private static PeriodSpec? ReadMonthCount(IReadOnlyList<TimeToken> tokens, int i, out int next)
    {
        next = i;
        if (i + 3 >= tokens.Count || !tokens[i + 1].IsWord("thang") || !tokens[i + 3].IsWord("nam"))
        {
            return null;
        }

        var count = TimeNumbers.Count(tokens[i]);
        var unit = tokens[i + 2].Text switch
        {
            "dau" => PeriodUnit.FirstMonths,
            "cuoi" => PeriodUnit.LastMonths,
            _ => (PeriodUnit?)null,
        };
        if (count is < 1 or > 12 || unit is null)
        {
            return null;
        }

        return WithOptionalYear(tokens, i + 4, new PeriodSpec(unit.Value, [count], null), out next);
    }

    // "nửa đầu năm 2022", "nửa cuối năm".
    private static PeriodSpec? ReadHalf(IReadOnlyList<TimeToken> tokens, int i, out int next)
    {
        next = i;
        if (i + 2 >= tokens.Count || !tokens[i].IsWord("nua") || !tokens[i + 2].IsWord("nam"))
        {
            return null;
        }

        var unit = tokens[i + 1].Text switch
        {
            "dau" => PeriodUnit.FirstMonths,
            "cuoi" => PeriodUnit.LastMonths,
            _ => (PeriodUnit?)null,
        };
        return unit is null ? null : WithOptionalYear(tokens, i + 3, new PeriodSpec(unit.Value, [6], null), out next);
    }

    private static PeriodSpec WithOptionalYear(IReadOnlyList<TimeToken> tokens, int i, PeriodSpec spec, out int next)
    {
        next = i;
        if (i < tokens.Count && TimeNumbers.IsYear(tokens[i]))
        {
            next = i + 1;
            return spec with { Year = tokens[i].Number };
        }

        return spec;
    }

    // "ngày 15/3/2022", "ngày 1-12-2021", "ngày 15 tháng 3 năm 2022", year-less "ngày 15/3".
    private static PeriodSpec? ReadDay(IReadOnlyList<TimeToken> tokens, int i, out int next)
    {
        next = i;
        if (!tokens[i].IsWord("ngay") || i + 1 >= tokens.Count || tokens[i + 1].Kind != TimeTokenKind.Number)
        {
            return null;
        }

        var day = tokens[i + 1].Number;
        if (i + 4 < tokens.Count && tokens[i + 2].IsWord("thang") && tokens[i + 3].Kind == TimeTokenKind.Number)
        {
            var month = tokens[i + 3].Number;
            if (tokens[i + 4].IsWord("nam") && i + 5 < tokens.Count && TimeNumbers.IsYear(tokens[i + 5]))
            {
                next = i + 6;
                return new PeriodSpec(PeriodUnit.Day, [month], tokens[i + 5].Number) { Day = day };
            }

            next = i + 4;
            return new PeriodSpec(PeriodUnit.Day, [month], null) { Day = day };
        }

        var bare = ReadBareDate(tokens, i + 1, out next);
        if (bare is { Unit: PeriodUnit.Day })
        {
            return bare;
        }

        // Year-less "ngày 15/3".
        if (i + 3 < tokens.Count && IsDateSeparator(tokens[i + 2]) && tokens[i + 3].Kind == TimeTokenKind.Number
            && tokens[i + 3].Text.Length <= 2)
        {
            next = i + 4;
            return new PeriodSpec(PeriodUnit.Day, [tokens[i + 3].Number], null) { Day = day };
        }

        next = i;
        return null;
    }

    // "15/3/2022" (one separator used twice) or "12/2021".
    private static PeriodSpec? ReadBareDate(IReadOnlyList<TimeToken> tokens, int i, out int next)
    {
        next = i;
        if (i + 2 >= tokens.Count || tokens[i].Kind != TimeTokenKind.Number || tokens[i].Text.Length > 2)
        {
            return null;
        }

        var separator = tokens[i + 1];
        if (!IsDateSeparator(separator))
        {
            return null;
        }

        if (i + 4 < tokens.Count && tokens[i + 2].Kind == TimeTokenKind.Number && tokens[i + 2].Text.Length <= 2
            && tokens[i + 3].Kind == TimeTokenKind.Symbol && tokens[i + 3].Text == separator.Text
            && TimeNumbers.IsYear(tokens[i + 4]))
        {
            next = i + 5;
            return new PeriodSpec(PeriodUnit.Day, [tokens[i + 2].Number], tokens[i + 4].Number) { Day = tokens[i].Number };
        }

        // Month and year only with a slash: "12-2021" is too easily a span of numbers.
        if (separator.IsSymbol('/') && TimeNumbers.IsYear(tokens[i + 2]) && tokens[i].Number is >= 1 and <= 12)
        {
            next = i + 3;
            return new PeriodSpec(PeriodUnit.Month, [tokens[i].Number], tokens[i + 2].Number);
        }

        return null;
    }

    // "giai đoạn 2021 - 2025".
    private static PeriodSpec? ReadSpan(IReadOnlyList<TimeToken> tokens, int i, out int next)
    {
        next = i;
        if (i + 4 < tokens.Count && tokens[i].IsWord("giai") && tokens[i + 1].IsWord("doan")
            && TimeNumbers.IsYear(tokens[i + 2]) && IsRangeConnector(tokens[i + 3]) && TimeNumbers.IsYear(tokens[i + 4]))
        {
            next = i + 5;
            return new PeriodSpec(PeriodUnit.Year, [tokens[i + 2].Number, tokens[i + 4].Number], null) { IsRange = true };
        }

        return null;
    }

    private static bool IsDateSeparator(TimeToken token) => token.IsSymbol('/') || token.IsSymbol('-') || token.IsSymbol('.');
}
