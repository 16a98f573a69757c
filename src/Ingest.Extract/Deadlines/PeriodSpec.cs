namespace Ingest.Extract.Deadlines;

/// <summary>The calendar unit a printed period names.</summary>
internal enum PeriodUnit
{
    /// <summary>One day ("ngày 15/3/2022").</summary>
    Day,

    /// <summary>Months ("tháng 12/2021", "tháng 11, 12/2021").</summary>
    Month,

    /// <summary>Quarters ("quý I/2022", "quý 1/2022").</summary>
    Quarter,

    /// <summary>Whole years ("năm 2022", "năm 2021, 2022", "giai đoạn 2021 - 2025").</summary>
    Year,

    /// <summary>The first N months of a year ("6 tháng đầu năm 2022", "nửa đầu năm").</summary>
    FirstMonths,

    /// <summary>The last N months of a year ("6 tháng cuối năm").</summary>
    LastMonths,
}

/// <summary>Which third of a month, quarter or year: "đầu" (early), "giữa" (middle), "cuối" (late).</summary>
internal enum PeriodPart
{
    Whole,
    Early,
    Middle,
    Late,
}

/// <summary>Inclusive range of days.</summary>
internal readonly record struct DateRange(DateOnly Start, DateOnly End)
{
    public DateRange Union(DateRange other) =>
        new(Start < other.Start ? Start : other.Start, End > other.End ? End : other.End);
}

/// <summary>
/// A period as printed, before its year is known for certain. <see cref="Values"/> holds the
/// months, quarters, years or month count the unit needs (several when a list was printed,
/// "tháng 11, 12/2021"); <see cref="Day"/> the day for <see cref="PeriodUnit.Day"/>.
/// </summary>
internal sealed record PeriodSpec(PeriodUnit Unit, IReadOnlyList<int> Values, int? Year)
{
    // đầu/giữa/cuối tháng are days 1-10, 11-20 and 21 to the end (GOLD.md: "đầu tháng 12/2021"
    // → 2021-12-01..2021-12-10). For a quarter and a year the same rule splits the period into
    // three equal parts: one month of a quarter, four months of a year.
    private const int EarlyMonthLastDay = 10;
    private const int MiddleMonthLastDay = 20;

    public PeriodPart Part { get; init; }

    /// <summary>True when the printed values were joined as a range ("năm 2021 - 2022", "tháng 1 đến 6/2022"), not a list.</summary>
    public bool IsRange { get; init; }

    public int Day { get; init; }

    /// <summary>True when the printed text fixes the year.</summary>
    public bool HasYear => Year.HasValue || (Unit == PeriodUnit.Year && Values.Count > 0);

    /// <summary>This period with the year another item of the same list printed ("quý III và quý IV/2022").</summary>
    public PeriodSpec WithYear(int year) => HasYear || Unit == PeriodUnit.Year ? this : this with { Year = year };

    /// <summary>
    /// The days the period covers. A period without a printed year takes the document's year, or
    /// the next one when it would otherwise end before the document was issued ("tháng 1" in a
    /// plan of December means January of the coming year). False when there is no year to use or
    /// the printed numbers are not a date.
    /// </summary>
    public bool TryResolve(DateOnly? documentDate, out DateRange range)
    {
        range = default;
        if (HasYear)
        {
            return TryResolveIn(Year ?? 0, out range);
        }

        if (documentDate is not { } issued || !TryResolveIn(issued.Year, out range))
        {
            return false;
        }

        if (range.End < issued && TryResolveIn(issued.Year + 1, out var next))
        {
            range = next;
        }

        return true;
    }

    private bool TryResolveIn(int year, out DateRange range)
    {
        range = default;
        switch (Unit)
        {
            case PeriodUnit.Day:
                if (!IsValidYear(year) || Values.Count != 1 || Values[0] is < 1 or > 12
                    || Day < 1 || Day > DateTime.DaysInMonth(year, Values[0]))
                {
                    return false;
                }

                var day = new DateOnly(year, Values[0], Day);
                range = new DateRange(day, day);
                return true;

            case PeriodUnit.Month:
                return TryUnion(year, 1, 12, static (y, m) => MonthRange(y, m), out range)
                    && ApplyPart(ref range, year);

            case PeriodUnit.Quarter:
                return TryUnion(year, 1, 4, static (y, q) => QuarterRange(y, q), out range)
                    && ApplyPart(ref range, year);

            case PeriodUnit.Year:
                if (Values.Count == 0)
                {
                    // "năm nay", "cuối năm": the year comes from the document.
                    if (!IsValidYear(year))
                    {
                        return false;
                    }

                    range = YearRange(year);
                    return ApplyPart(ref range, year);
                }

                foreach (var printedYear in Values)
                {
                    if (!IsValidYear(printedYear))
                    {
                        return false;
                    }

                    var yearRange = YearRange(printedYear);
                    range = range == default ? yearRange : range.Union(yearRange);
                }

                return ApplyPart(ref range, Values[0]);

            case PeriodUnit.FirstMonths or PeriodUnit.LastMonths:
                if (!IsValidYear(year) || Values.Count != 1 || Values[0] is < 1 or > 12)
                {
                    return false;
                }

                var count = Values[0];
                range = Unit == PeriodUnit.FirstMonths
                    ? new DateRange(new DateOnly(year, 1, 1), MonthRange(year, count).End)
                    : new DateRange(new DateOnly(year, 13 - count, 1), new DateOnly(year, 12, 31));
                return true;

            default:
                return false;
        }
    }

    private bool TryUnion(int year, int min, int max, Func<int, int, DateRange> rangeOf, out DateRange range)
    {
        range = default;
        if (!IsValidYear(year) || Values.Count == 0)
        {
            return false;
        }

        foreach (var value in Values)
        {
            if (value < min || value > max)
            {
                return false;
            }

            var item = rangeOf(year, value);
            range = range == default ? item : range.Union(item);
        }

        return true;
    }

    private bool ApplyPart(ref DateRange range, int year)
    {
        if (Part == PeriodPart.Whole)
        {
            return true;
        }

        // A part of a list ("đầu tháng 11, 12") has no agreed meaning; keep the whole span.
        if (Values.Count > 1)
        {
            return true;
        }

        if (Unit == PeriodUnit.Month)
        {
            var start = range.Start;
            var last = range.End.Day;
            range = Part switch
            {
                PeriodPart.Early => new DateRange(start, new DateOnly(year, start.Month, EarlyMonthLastDay)),
                PeriodPart.Middle => new DateRange(new DateOnly(year, start.Month, EarlyMonthLastDay + 1), new DateOnly(year, start.Month, MiddleMonthLastDay)),
                _ => new DateRange(new DateOnly(year, start.Month, MiddleMonthLastDay + 1), new DateOnly(year, start.Month, last)),
            };
            return true;
        }

        // Quarter: thirds are single months; year: thirds are four-month blocks.
        var monthsPerThird = Unit == PeriodUnit.Quarter ? 1 : 4;
        var offset = Part switch
        {
            PeriodPart.Early => 0,
            PeriodPart.Middle => 1,
            _ => 2,
        };
        var firstMonth = range.Start.Month + (offset * monthsPerThird);
        var lastMonth = firstMonth + monthsPerThird - 1;
        range = new DateRange(new DateOnly(range.Start.Year, firstMonth, 1), MonthRange(range.Start.Year, lastMonth).End);
        return true;
    }

    private static bool IsValidYear(int year) => year is >= TimeNumbers.MinYear and <= TimeNumbers.MaxYear;

    private static DateRange MonthRange(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    private static DateRange QuarterRange(int year, int quarter) =>
        new(new DateOnly(year, ((quarter - 1) * 3) + 1, 1), MonthRange(year, quarter * 3).End);

    private static DateRange YearRange(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
