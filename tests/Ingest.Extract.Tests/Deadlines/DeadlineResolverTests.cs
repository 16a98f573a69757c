using System.Globalization;
using Ingest.Extract.Deadlines;
using Ingest.Model;

namespace Ingest.Extract.Tests.Deadlines;

public sealed class DeadlineResolverTests
{
    [Theory]
    // Gold texts (GOLD.md, seeds 000/001/004), each with its gold kind and dates.
    [InlineData("hoàn thành trong quý I/2022", null, DeadlineKind.By, "2022-01-01", "2022-03-31", null)] // GOLD.md "by" example
    [InlineData("hoàn thành trong quý 1/2022", null, DeadlineKind.By, "2022-01-01", "2022-03-31", null)] // decision 9: OCR Arabic quarter
    [InlineData("tháng 12/2021", null, DeadlineKind.Within, "2021-12-01", "2021-12-31", null)] // month
    [InlineData("đầu tháng 12/2021", null, DeadlineKind.Within, "2021-12-01", "2021-12-10", null)] // GOLD.md: đầu = days 1-10
    [InlineData("tháng 12/2021 - 01/2022", null, DeadlineKind.Within, "2021-12-01", "2022-01-31", null)] // range across a year
    [InlineData("thực hiện hằng năm từ năm 2022", null, DeadlineKind.Recurring, "2022-01-01", null, "yearly")] // GOLD.md recurring example
    [InlineData("thực hiện hằng năm, từ năm 2021", null, DeadlineKind.Recurring, "2021-01-01", null, "yearly")] // comma between
    [InlineData("thực hiện thường xuyên", null, DeadlineKind.Ongoing, null, null, null)] // GOLD.md ongoing example
    [InlineData("năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội và Hội đồng nhân dân các cấp", "2021-12-01", DeadlineKind.Relative, null, null, null)] // decision 7: no year guessed
    [InlineData("từ năm 2022", null, DeadlineKind.From, "2022-01-01", null, null)] // GOLD.md from example
    [InlineData("năm 2021", "2021-12-01", DeadlineKind.Within, "2021-01-01", "2021-12-31", null)] // decision 15: whole year although issued in December
    [InlineData("năm 2021, 2022", null, DeadlineKind.Within, "2021-01-01", "2022-12-31", null)] // list of years
    [InlineData("năm 2022, 2023", null, DeadlineKind.Within, "2022-01-01", "2023-12-31", null)] // GOLD.md list example
    [InlineData("tháng 6/2022", null, DeadlineKind.Within, "2022-06-01", "2022-06-30", null)] // 30-day month
    [InlineData("Hằng năm", null, DeadlineKind.Recurring, null, null, "yearly")] // inline, no start
    [InlineData("Ngay sau Hội nghị cán bộ toàn quốc", null, DeadlineKind.Relative, null, null, null)] // tied to an event
    [InlineData("định kỳ hằng năm", null, DeadlineKind.Recurring, null, null, "yearly")] // inline periodic report
    // Thirds of months, quarters and years.
    [InlineData("giữa tháng 3/2022", null, DeadlineKind.Within, "2022-03-11", "2022-03-20", null)] // giữa = days 11-20
    [InlineData("cuối tháng 2/2024", null, DeadlineKind.Within, "2024-02-21", "2024-02-29", null)] // cuối ends with the month, leap year
    [InlineData("cuối tháng 2/2023", null, DeadlineKind.Within, "2023-02-21", "2023-02-28", null)] // non-leap February
    [InlineData("đầu quý II/2022", null, DeadlineKind.Within, "2022-04-01", "2022-04-30", null)] // a quarter's third is a month
    [InlineData("cuối quý IV/2022", null, DeadlineKind.Within, "2022-12-01", "2022-12-31", null)] // last month of the quarter
    [InlineData("đầu năm 2023", null, DeadlineKind.Within, "2023-01-01", "2023-04-30", null)] // a year's third is four months
    [InlineData("giữa năm 2023", null, DeadlineKind.Within, "2023-05-01", "2023-08-31", null)] // middle four months
    [InlineData("cuối năm 2022", null, DeadlineKind.Within, "2022-09-01", "2022-12-31", null)] // last four months
    // Other period shapes.
    [InlineData("quý II năm 2023", null, DeadlineKind.Within, "2023-04-01", "2023-06-30", null)] // year after "năm"
    [InlineData("QUÝ III/2022", null, DeadlineKind.Within, "2022-07-01", "2022-09-30", null)] // capitals
    [InlineData("quý lI/2022", null, DeadlineKind.Within, "2022-04-01", "2022-06-30", null)] // OCR "l" for "I"
    [InlineData("quí I/2022", null, DeadlineKind.Within, "2022-01-01", "2022-03-31", null)] // old spelling "quí"
    [InlineData("6 tháng đầu năm 2022", null, DeadlineKind.Within, "2022-01-01", "2022-06-30", null)] // issue text
    [InlineData("sáu tháng cuối năm 2022", null, DeadlineKind.Within, "2022-07-01", "2022-12-31", null)] // count spelled out
    [InlineData("nửa đầu năm 2024", null, DeadlineKind.Within, "2024-01-01", "2024-06-30", null)] // first half
    [InlineData("ngày 15/3/2022", null, DeadlineKind.Within, "2022-03-15", "2022-03-15", null)] // one day
    [InlineData("15/3/2022", null, DeadlineKind.Within, "2022-03-15", "2022-03-15", null)] // bare date
    [InlineData("12/2021", null, DeadlineKind.Within, "2021-12-01", "2021-12-31", null)] // bare month/year
    [InlineData("tháng 11, 12/2021", null, DeadlineKind.Within, "2021-11-01", "2021-12-31", null)] // months sharing a year
    [InlineData("quý III và quý IV/2022", null, DeadlineKind.Within, "2022-07-01", "2022-12-31", null)] // first quarter takes the later year
    [InlineData("năm 2021 - 2022", null, DeadlineKind.Within, "2021-01-01", "2022-12-31", null)] // range of years
    [InlineData("giai đoạn 2021 - 2025", null, DeadlineKind.Within, "2021-01-01", "2025-12-31", null)] // span inside a schedule note
    // By: deadlines.
    [InlineData("trước ngày 15/3/2022", null, DeadlineKind.By, null, "2022-03-15", null)] // issue text: ends that day
    [InlineData("chậm nhất ngày 30/6/2022", null, DeadlineKind.By, null, "2022-06-30", null)] // "chậm nhất"
    [InlineData("chậm nhất là ngày 30 tháng 6 năm 2022", null, DeadlineKind.By, null, "2022-06-30", null)] // long date form
    [InlineData("hoàn thành trước tháng 6/2022", null, DeadlineKind.By, null, "2022-05-31", null)] // before a month: the day before it starts
    [InlineData("chậm nhất trong quý III/2022", null, DeadlineKind.By, null, "2022-09-30", null)] // latest within a quarter
    [InlineData("không quá ngày 31/12/2022", null, DeadlineKind.By, null, "2022-12-31", null)] // "không quá"
    [InlineData("thời hạn: tháng 6/2022", null, DeadlineKind.By, null, "2022-06-30", null)] // labelled deadline
    [InlineData("thời gian thực hiện: quý II/2022", null, DeadlineKind.Within, "2022-04-01", "2022-06-30", null)] // labelled period
    [InlineData("đến năm 2025", null, DeadlineKind.By, null, "2025-12-31", null)] // until
    [InlineData("đến hết năm 2025", null, DeadlineKind.By, null, "2025-12-31", null)] // "đến hết"
    // From, ranges with từ.
    [InlineData("từ tháng 1/2022 đến tháng 6/2022", null, DeadlineKind.Within, "2022-01-01", "2022-06-30", null)] // from-to is a period
    [InlineData("từ năm 2021 đến năm 2025", null, DeadlineKind.Within, "2021-01-01", "2025-12-31", null)] // years from-to
    [InlineData("sau năm 2025", null, DeadlineKind.From, "2026-01-01", null, null)] // after a year
    // Recurring.
    [InlineData("hằng quý", null, DeadlineKind.Recurring, null, null, "quarterly")] // quarterly
    [InlineData("hàng tháng", null, DeadlineKind.Recurring, null, null, "monthly")] // "hàng" spelling
    [InlineData("định kỳ 6 tháng", null, DeadlineKind.Recurring, null, null, "half-yearly")] // every six months
    [InlineData("6 tháng một lần", null, DeadlineKind.Recurring, null, null, "half-yearly")] // "once in six months"
    [InlineData("thường niên", null, DeadlineKind.Recurring, null, null, "yearly")] // annual
    [InlineData("định kỳ", null, DeadlineKind.Recurring, null, null, null)] // periodic, cycle not printed
    [InlineData("báo cáo định kỳ hằng quý từ quý II/2022", null, DeadlineKind.Recurring, "2022-04-01", null, "quarterly")] // start of a recurrence
    [InlineData("hằng năm từ năm 2022 đến năm 2025", null, DeadlineKind.Recurring, "2022-01-01", "2025-12-31", "yearly")] // bounded recurrence
    [InlineData("vào quý IV hằng năm", null, DeadlineKind.Recurring, null, null, "yearly")] // a period inside each cycle is not a start
    // Ongoing.
    [InlineData("liên tục", null, DeadlineKind.Ongoing, null, null, null)] // continuous
    [InlineData("thực hiện thường xuyên, liên tục", null, DeadlineKind.Ongoing, null, null, null)] // both words
    // Year-less periods take the document's year, or the next one when already past.
    [InlineData("tháng 6", "2021-12-01", DeadlineKind.Within, "2022-06-01", "2022-06-30", null)] // June after a December plan is next year
    [InlineData("tháng 12", "2021-12-01", DeadlineKind.Within, "2021-12-01", "2021-12-31", null)] // current month stays
    [InlineData("quý I", "2021-12-01", DeadlineKind.Within, "2022-01-01", "2022-03-31", null)] // next quarter I
    [InlineData("cuối năm", "2022-03-01", DeadlineKind.Within, "2022-09-01", "2022-12-31", null)] // the document's year
    [InlineData("năm nay", "2022-05-10", DeadlineKind.Within, "2022-01-01", "2022-12-31", null)] // "this year"
    [InlineData("từ nay đến năm 2025", "2021-12-01", DeadlineKind.By, "2021-12-01", "2025-12-31", null)] // from the document date
    // Not resolvable: kept as relative text.
    [InlineData("tháng 6", null, DeadlineKind.Relative, null, null, null)] // no year and no document date
    [InlineData("tháng 13/2022", null, DeadlineKind.Relative, null, null, null)] // not a month
    [InlineData("ngày 31/2/2022", null, DeadlineKind.Relative, null, null, null)] // not a day
    [InlineData("sau khi Đại hội kết thúc", null, DeadlineKind.Relative, null, null, null)] // event
    [InlineData("trước Đại hội XIV", null, DeadlineKind.Relative, null, null, null)] // event, Roman numeral is no quarter
    [InlineData("khẩn trương", null, DeadlineKind.Relative, null, null, null)] // manner adverb, not understood
    [InlineData("tự kiểm tra, năm 2022", null, DeadlineKind.Within, "2022-01-01", "2022-12-31", null)] // "tự" folds like "từ" but is no marker
    public void Resolve_WhenExpression_ReturnsKindAndDates(string expression, string? documentDate, DeadlineKind kind, string? start, string? end, string? recurrence)
    {
        var deadline = DeadlineResolver.Resolve(expression, Date(documentDate));

        deadline.Text.Should().Be(expression);
        deadline.Kind.Should().Be(kind);
        deadline.Start.Should().Be(Date(start));
        deadline.End.Should().Be(Date(end));
        deadline.Recurrence.Should().Be(recurrence);
        deadline.Inline.Should().BeFalse();
    }

    [Theory]
    [InlineData("(*thực hiện thường xuyên*)", "(thực hiện thường xuyên)")] // Markdown emphasis is not printed text (gold README)
    [InlineData("tháng 12/2021\n- 01/2022", "tháng 12/2021 - 01/2022")] // a hard line break reads as a space
    [InlineData("  năm 2022 ", "năm 2022")] // padding trimmed
    public void Resolve_WhenTextHasMarkupOrBreaks_CleansText(string expression, string text)
    {
        DeadlineResolver.Resolve(expression).Text.Should().Be(text);
    }

    [Theory]
    [InlineData("tháng 6", null, false)] // a period with no year to place it in
    [InlineData("khẩn trương", null, false)] // not a time expression
    [InlineData("tháng 6", "2022-01-10", true)] // resolved with the document date
    [InlineData("Ngay sau Hội nghị cán bộ toàn quốc", null, true)] // relative on purpose
    [InlineData("năm thứ 3, nhiệm kỳ Đại hội Đảng", null, true)] // a term year is understood, just not dated
    public void TryResolve_WhenExpression_TellsWhetherItWasUnderstood(string expression, string? documentDate, bool understood)
    {
        DeadlineResolver.TryResolve(expression, Date(documentDate), out var deadline).Should().Be(understood);
        deadline.Text.Should().Be(expression);
    }

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
