using System.Globalization;
using Ingest.Extract.Deadlines;
using Ingest.Model;

namespace Ingest.Extract.Tests.Deadlines;

public sealed class DeadlineFinderTests
{
    private readonly DeadlineFinder _finder = new();

    [Theory]
    // Parenthesised schedule notes (gold README decision 6).
    [InlineData("- Bộ Chính trị, Ban Bí thư tổ chức Hội nghị cán bộ toàn quốc để quán triệt Kết luận (đầu tháng 12/2021).", "đầu tháng 12/2021")] // seed 004 II
    [InlineData("lợi ích nhóm (*thực hiện thường xuyên*).", "thực hiện thường xuyên")] // Markdown asterisks stripped
    [InlineData("phân cấp quản lý cán bộ (năm 2021, 2022).", "năm 2021, 2022")] // list of years
    [InlineData("thuộc phạm vi phụ trách (tháng 12/2021 - 01/2022).", "tháng 12/2021 - 01/2022")] // range
    [InlineData("phê chuẩn (năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội và Hội đồng nhân dân các cấp).", "năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Quốc hội và Hội đồng nhân dân các cấp")] // term year
    [InlineData("trong nội bộ (năm 2022). Tham mưu sơ kết (năm 2023).", "năm 2022|năm 2023")] // two notes in order
    [InlineData("tổ chức Đại hội (sau Đại hội XIV).", "sau Đại hội XIV")] // tied to a named event
    [InlineData("báo cáo kết quả (trước ngày 15/3/2022).", "trước ngày 15/3/2022")] // deadline note
    [InlineData("tổ chức sơ kết (6 tháng đầu năm 2022).", "6 tháng đầu năm 2022")] // half year
    [InlineData("tổ chức sơ kết (tháng 6).", "tháng 6")] // kept even without a year
    [InlineData("tổ chức sơ kết (thời gian thực hiện: quý II/2022).", "thời gian thực hiện: quý II/2022")] // labelled note
    // Parentheses that are not schedule notes.
    [InlineData("sơ kết Đề án văn hoá công vụ (theo Quyết định số 1847/QĐ-TTg, ngày 27/12/2018 của Thủ tướng Chính phủ).", "")] // a citation
    [InlineData("thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng Đảng", "")] // a term
    [InlineData("biểu hiện \"tự chuyển hoá\" (sau đây gọi là Kết luận), Bộ Chính trị ban hành", "")] // a defined short name
    [InlineData("thực hiện Kết luận số 19-KL/TW (ngày 14/10/2021) của Bộ Chính trị", "")] // the date of a cited document
    [InlineData("- Chánh và Phó Chánh VPTU (1),", "")] // a count
    [InlineData("Ban Chấp hành Đảng bộ tỉnh (nhiệm kỳ 2020 - 2025) đã", "")] // a term span
    [InlineData("các tổ chức chính trị - xã hội (từ Trung ương đến cơ sở)", "")] // "từ" not followed by time
    [InlineData("các địa phương (trong đó có 5 tỉnh miền núi)", "")] // "trong" not followed by time
    [InlineData("điện thoại (024) 3823 1234", "")] // digits but no time
    [InlineData("trong giai đoạn (2021-2025)", "")] // a bare span of years
    // Inline expressions that time a task.
    [InlineData("vi phạm pháp luật. Hằng năm, đánh giá và công bố các chỉ số cải cách hành chính", "Hằng năm")] // seed 004 IV.2 b3
    [InlineData("rút kinh nghiệm, định kỳ hằng năm báo cáo cấp có thẩm quyền.", "định kỳ hằng năm")] // seed 004 V b4
    [InlineData("- Ngay sau Hội nghị cán bộ toàn quốc, khẩn trương tổ chức hội nghị quán triệt", "Ngay sau Hội nghị cán bộ toàn quốc")] // seed 004 IV.18 b1
    [InlineData("Báo cáo kết quả về Ban Tổ chức Trung ương trước ngày 15/3/2022.", "trước ngày 15/3/2022")] // deadline in running text
    [InlineData("Tổ chức sơ kết, hoàn thành trong quý II/2022.", "hoàn thành trong quý II/2022")] // completion period
    [InlineData("Tổ chức tổng kết chậm nhất là tháng 6/2022.", "chậm nhất là tháng 6/2022")] // latest
    [InlineData("Thực hiện từ tháng 1/2022 đến tháng 6/2022 tại các tỉnh.", "từ tháng 1/2022 đến tháng 6/2022")] // from-to
    [InlineData("Hằng quý, các tỉnh ủy báo cáo Ban Bí thư.", "Hằng quý")] // quarterly, sentence start
    // Running text that is not a deadline (decision 6).
    [InlineData("Thường xuyên kiểm tra, giám sát cấp dưới và đánh giá kết quả", "")] // manner adverb
    [InlineData("Khẩn trương tham mưu ban hành quy định về kiểm soát quyền lực", "")] // manner adverb
    [InlineData("xử lý kịp thời, có hiệu quả những kiến nghị", "")] // manner adverb
    [InlineData("Trước mắt, thực hiện tốt các biện pháp thích ứng an toàn", "")] // "trước mắt" is not "trước" a date
    [InlineData("đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân", "")] // "hằng năm" qualifying a noun
    [InlineData("xây dựng chương trình kiểm tra, giám sát hằng năm của Bộ Chính trị", "")] // "hằng năm" qualifying a noun
    [InlineData("Kế hoạch phát triển kinh tế - xã hội hằng năm.", "")] // "hằng năm" qualifying a noun
    [InlineData("Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030, Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025", "")] // horizons
    [InlineData("tổng biên chế trong hệ thống chính trị giai đoạn 2022 - 2026.", "")] // a planning span
    [InlineData("Nghị quyết đại hội đảng bộ các cấp, nhiệm kỳ 2020-2025", "")] // a term
    [InlineData("bằng những hành động cụ thể, hằng ngày, bằng sự nêu gương", "")] // "hằng ngày" describes manner
    [InlineData("Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị", "")] // the date of a cited document
    [InlineData("", "")] // empty text
    public void FindAll_WhenText_FindsScheduleExpressions(string text, string expected)
    {
        var matches = _finder.FindAll(text, new DateOnly(2021, 12, 1));

        matches.Select(m => m.Deadline.Text).Should().Equal(expected.Length == 0 ? [] : expected.Split('|'));
    }

    [Theory]
    [InlineData("lợi ích nhóm (*thực hiện thường xuyên*).", "thực hiện thường xuyên", false)] // span inside the parentheses and the asterisks
    [InlineData("kinh nghiệm, định kỳ hằng năm báo cáo", "định kỳ hằng năm", true)] // inline span
    [InlineData("- Ngay sau Hội nghị cán bộ toàn quốc, khẩn trương", "Ngay sau Hội nghị cán bộ toàn quốc", true)] // ends before the comma
    public void FindAll_WhenFound_SpanPointsAtExpression(string text, string span, bool inline)
    {
        var match = _finder.FindAll(text).Should().ContainSingle().Subject;

        text.Substring(match.Index, match.Length).Should().Be(span);
        match.Deadline.Inline.Should().Be(inline);
    }

    [Theory]
    [InlineData("tổ chức sơ kết (tháng 6).", null, true, DeadlineKind.Relative)] // no year anywhere: kept, flagged
    [InlineData("tổ chức sơ kết (tháng 6).", "2022-01-10", false, DeadlineKind.Within)] // the document date places it
    [InlineData("- Ngay sau Hội nghị cán bộ toàn quốc, khẩn trương", null, false, DeadlineKind.Relative)] // relative on purpose
    public void FindAll_WhenExpressionHasNoDates_FlagsOnlyUnresolved(string text, string? documentDate, bool unresolved, DeadlineKind kind)
    {
        var date = documentDate is null ? (DateOnly?)null : DateOnly.ParseExact(documentDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var match = _finder.FindAll(text, date).Should().ContainSingle().Subject;

        match.Unresolved.Should().Be(unresolved);
        match.Deadline.Kind.Should().Be(kind);
    }

    [Theory]
    [InlineData("000_e8d2ea5daa605cb4")] // news fragment, items of the plan
    [InlineData("001_3c65a1fe10e1c98c")] // plan, web rendition, truncated
    [InlineData("003_2db8125d1e88a77c")] // Kết luận and copy notice: no deadlines
    [InlineData("004_43a41352d9a36873")] // cover letter, plan (43 deadlines), copy notice
    public void FindAll_WhenRunOverSeedParagraphs_MatchesGoldDeadlines(string seed)
    {
        // 002 is left out: its time expressions report facts of a news article, and that is
        // decided by the task stage (no tasks, so no deadlines; decision 14), not by the finder.
        var gold = SeedCorpus.Gold(seed).GetProperty("documents").EnumerateArray()
            .SelectMany(document => document.GetProperty("deadlines").EnumerateArray())
            .Select(d => (
                Text: d.GetProperty("text").GetString(),
                Kind: Enum.Parse<DeadlineKind>(d.GetProperty("kind").GetString()!, ignoreCase: true),
                Start: SeedCorpus.DateOrNull(d, "start"),
                End: SeedCorpus.DateOrNull(d, "end"),
                Recurrence: SeedCorpus.StringOrNull(d, "recurrence"),
                Inline: d.TryGetProperty("inline", out var inline) && inline.GetBoolean()))
            .ToList();
        var documentDate = SeedCorpus.Gold(seed).GetProperty("documents").EnumerateArray()
            .Select(d => SeedCorpus.DateOrNull(d, "issuedOn")).FirstOrDefault(d => d is not null);

        var found = SeedCorpus.Paragraphs(SeedCorpus.Text(seed))
            .SelectMany(p => _finder.FindAll(p.Text, documentDate))
            .Select(m => (
                Text: (string?)m.Deadline.Text,
                m.Deadline.Kind,
                m.Deadline.Start,
                m.Deadline.End,
                m.Deadline.Recurrence,
                m.Deadline.Inline))
            .ToList();

        found.Should().Equal(gold);
    }

    [Fact]
    public void FindAll_WhenCalledFromManyThreads_ReturnsTheSameMatches()
    {
        var text = SeedCorpus.Text("004_43a41352d9a36873");
        var expected = _finder.FindAll(text, new DateOnly(2021, 12, 1));

        var results = new IReadOnlyList<DeadlineMatch>[8];
        Parallel.For(0, results.Length, i => results[i] = _finder.FindAll(text, new DateOnly(2021, 12, 1)));

        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }
}
