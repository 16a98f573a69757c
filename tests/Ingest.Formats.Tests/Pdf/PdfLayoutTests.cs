using Ingest.Formats.Pdf;
using Ingest.Model;

namespace Ingest.Formats.Tests.Pdf;

public sealed class PdfLayoutTests
{
    private const double Size = 13;
    private const double LeftMargin = 85;
    private const double RightMargin = 510;

    /// <summary>Words of one line, set left to right from <paramref name="left"/> at baseline <paramref name="y"/>, each character half a font size wide.</summary>
    private static IEnumerable<PageWord> Line(string text, double left, double y, double size = Size, bool bold = false)
    {
        var x = left;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var width = word.Length * size * 0.5;
            yield return new PageWord(word, x, x + width, y, y + size, size, bold, Italic: false);
            x += width + (size * 0.3);
        }
    }

    /// <summary>A justified line: its words spread so that it ends exactly at the right margin.</summary>
    private static IEnumerable<PageWord> FullLine(string text, double y, double left = LeftMargin)
    {
        var words = Line(text, left, y).ToList();
        var slack = (RightMargin - words[^1].Right) / Math.Max(1, words.Count - 1);
        return words.Select((w, i) => w with { Left = w.Left + (i * slack), Right = w.Right + (i * slack) });
    }

    private static PageText Page(int number, params IEnumerable<PageWord>[] lines) =>
        new(number, 595, 842, lines.SelectMany(l => l).ToList());

    private static List<Block> Build(params PageText[] pages) => PdfLayout.Build(pages, CancellationToken.None);

    [Theory]
    // A Latin word hyphenated by the word processor is put back together.
    [InlineData("infor-", "mation", "information")]
    // A document symbol broken after its hyphen keeps the hyphen and loses the break.
    [InlineData("số 24-", "QĐ/TW", "24-QĐ/TW")]
    // A spaced dash ("chính trị - xã hội") stays a spaced dash.
    [InlineData("trị -", "xã hội", "trị - xã hội")]
    public void Build_WhenWrappedLineEndsWithHyphen_JoinsAsPrinted(string lineEnd, string nextStart, string expected)
    {
        var page = Page(1,
            FullLine("Các cơ quan, đơn vị căn cứ chức năng thực hiện nhiệm vụ theo " + lineEnd, 700, LeftMargin + 20),
            FullLine(nextStart + " và báo cáo kết quả thực hiện với cấp ủy cùng cấp theo quy định", 684),
            Line("của Ban Chấp hành.", LeftMargin, 668));

        var text = Build(page).Single().Text;

        text.Should().Contain(expected);
        text.Should().EndWith("theo quy định của Ban Chấp hành.");
    }

    [Fact]
    public void Build_WhenPagesRepeatARunningHeaderAndNumberThem_RemovesBoth()
    {
        PageText PageWith(int number, string body) => Page(number,
            Line("18.QDTW331.DOC", 400, 810, size: 9),
            FullLine(body + " một hai ba bốn năm sáu bảy tám chín mười mười một mười hai", 700, LeftMargin + 20),
            Line("hết đoạn.", LeftMargin, 684),
            Line(number.ToString(System.Globalization.CultureInfo.InvariantCulture), 295, 30));

        var blocks = Build(PageWith(1, "Trang đầu"), PageWith(2, "Trang sau"));

        blocks.Select(b => b.Text).Should().Equal(
            "Trang đầu một hai ba bốn năm sáu bảy tám chín mười mười một mười hai hết đoạn.",
            "Trang sau một hai ba bốn năm sáu bảy tám chín mười mười một mười hai hết đoạn.");
        blocks.Select(b => b.Span.Page).Should().Equal(1, 2);
    }

    [Fact]
    public void Build_WhenLetterheadHasTwoColumns_GivesTableWithLeftThenRightCells()
    {
        var page = Page(1,
            Line("ĐẢNG BỘ TỈNH", 110, 780, bold: true).Concat(Line("ĐẢNG CỘNG SẢN VIỆT NAM", 330, 780, bold: true)),
            Line("BAN THƯỜNG VỤ", 110, 764, bold: true),
            Line("*", 150, 748),
            Line("Số 12-KH/TU", 110, 720).Concat(Line("Hà Giang, ngày 5 tháng 3 năm 2024", 320, 720)),
            Line("KẾ HOẠCH", 283, 680, bold: true),
            FullLine("Thực hiện Nghị quyết của Ban Chấp hành Trung ương, Ban Thường vụ ban hành kế hoạch", 650, LeftMargin + 20),
            Line("như sau:", LeftMargin, 634));

        var blocks = Build(page);

        blocks[0].Kind.Should().Be(BlockKind.Table);
        blocks[0].Cells.Should().BeEquivalentTo(new[]
        {
            new[] { "ĐẢNG BỘ TỈNH\nBAN THƯỜNG VỤ\n*", "ĐẢNG CỘNG SẢN VIỆT NAM" },
            new[] { "Số 12-KH/TU", "Hà Giang, ngày 5 tháng 3 năm 2024" },
        }, o => o.WithStrictOrdering());
        blocks[1].Should().Match<Block>(b => b.Text == "KẾ HOẠCH" && b.Style == (BlockStyle.Bold | BlockStyle.Centered));
        blocks[2].Text.Should().EndWith("ban hành kế hoạch như sau:");
    }

    [Fact]
    public void Build_WhenParagraphRunsOntoNextPage_JoinsItAcrossThePageBreak()
    {
        var first = Page(1,
            FullLine("Đoạn văn bắt đầu ở trang trước và tiếp tục kéo dài sang trang sau mà", 700, LeftMargin + 20),
            FullLine("không hề có dấu chấm câu nào ở cuối dòng cuối cùng của trang trước", 684));
        var second = Page(2,
            FullLine("nên dòng đầu trang sau thuộc cùng một đoạn với các dòng ở trang trước", 780),
            Line("và kết thúc ở đây.", LeftMargin, 764));

        var block = Build(first, second).Single();

        block.Text.Should().StartWith("Đoạn văn bắt đầu").And.EndWith("với các dòng ở trang trước và kết thúc ở đây.");
        block.Span.Page.Should().Be(1);
    }

    [Fact]
    public void Build_WhenLinesEndEarlyOrStartWithLabels_StartsNewParagraphs()
    {
        var page = Page(1,
            Line("Nơi nhận kế hoạch gồm các cơ quan sau:", LeftMargin, 700),
            FullLine("- Các ban đảng, đảng ủy trực thuộc Trung ương và các tỉnh ủy, thành ủy trực", 684),
            Line("thuộc Trung ương;", LeftMargin, 668),
            Line("- Lưu Văn phòng.", LeftMargin, 652));

        Build(page).Select(b => b.Text).Should().Equal(
            "Nơi nhận kế hoạch gồm các cơ quan sau:",
            "- Các ban đảng, đảng ủy trực thuộc Trung ương và các tỉnh ủy, thành ủy trực thuộc Trung ương;",
            "- Lưu Văn phòng.");
    }

    [Theory]
    // The heading wraps: its bold continuation joins it although the label "3." is set in regular type.
    [InlineData("đảng Viện", "Kiểm sát nhân dân tối cao", new[] { "3. Ban cán sự đảng Tòa án nhân dân tối cao và Ban cán sự đảng Viện Kiểm sát nhân dân tối cao" })]
    // A bold line with a label of its own is the next heading.
    [InlineData("đảng Viện", "a) Kiểm sát nhân dân tối cao", new[] { "3. Ban cán sự đảng Tòa án nhân dân tối cao và Ban cán sự đảng Viện", "a) Kiểm sát nhân dân tối cao" })]
    // The heading ended with a sentence; the bold line after it is a paragraph of its own.
    [InlineData("đảng cấp trên.", "Kiểm sát nhân dân tối cao", new[] { "3. Ban cán sự đảng Tòa án nhân dân tối cao và Ban cán sự đảng cấp trên.", "Kiểm sát nhân dân tối cao" })]
    public void Build_WhenBoldHeadingWithRegularLabelWraps_JoinsOnlyItsContinuation(string headingEnd, string nextLine, string[] expected)
    {
        var heading = FullLine("3. Ban cán sự đảng Tòa án nhân dân tối cao và Ban cán sự " + headingEnd, 700, LeftMargin + 28)
            .Select((w, i) => w with { Bold = i > 0 });
        var page = Page(1,
            heading,
            Line(nextLine, LeftMargin, 684, bold: true),
            FullLine("- Chủ trì, phối hợp với các cơ quan có liên quan nghiên cứu, đề xuất", 668, LeftMargin + 28),
            Line("việc sửa đổi quy định.", LeftMargin, 652));

        Build(page).Select(b => b.Text).Should().Equal([.. expected, "- Chủ trì, phối hợp với các cơ quan có liên quan nghiên cứu, đề xuất việc sửa đổi quy định."]);
    }

    /// <summary>A bold line centred between the margins.</summary>
    private static IEnumerable<PageWord> CentredLine(string text, double y)
    {
        var words = Line(text, 0, y, bold: true).ToList();
        var shift = ((LeftMargin + RightMargin) / 2) - (words[^1].Right / 2);
        return words.Select(w => w with { Left = w.Left + shift, Right = w.Right + shift });
    }

    [Theory]
    // A short centred line above a wider one was broken by hand: the kind line stays apart from the subject.
    [InlineData("CỦA BỘ CHÍNH TRỊ", "THỰC HIỆN KẾT LUẬN SỐ 21-KL/TW CỦA BAN CHẤP HÀNH TRUNG ƯƠNG", "CỦA BỘ CHÍNH TRỊ\nTHỰC HIỆN KẾT LUẬN SỐ 21-KL/TW CỦA BAN CHẤP HÀNH TRUNG ƯƠNG")]
    // A centred title wrapped onto a shorter last line is one line of text.
    [InlineData("VỀ VIỆC THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM CỦA CẤP ỦY NĂM", "2025 VÀ NĂM 2026", "VỀ VIỆC THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM CỦA CẤP ỦY NĂM 2025 VÀ NĂM 2026")]
    public void Build_WhenCentredLineIsFollowedByCentredLine_KeepsOnlyAHandMadeBreak(string first, string second, string expected)
    {
        var page = Page(1,
            CentredLine(first, 700),
            CentredLine(second, 684),
            FullLine("Thực hiện chương trình công tác năm, Ban Thường vụ ban hành kế hoạch", 650, LeftMargin + 20),
            FullLine("thực hiện với các nội dung chủ yếu sau đây để các cấp ủy triển khai", 634),
            Line("thực hiện.", LeftMargin, 618));

        var blocks = Build(page);

        blocks.Select(b => b.Text).Should().Equal(expected, "Thực hiện chương trình công tác năm, Ban Thường vụ ban hành kế hoạch thực hiện với các nội dung chủ yếu sau đây để các cấp ủy triển khai thực hiện.");
        blocks[0].Style.Should().HaveFlag(BlockStyle.Bold);
    }

    [Fact]
    public void Build_WhenRightColumnHoldsOnlyTheDateLine_GivesLeftThenRightTextAsBlocksOfTheirOwn()
    {
        // The date starts a little left of the centre, so the line anchors no table; it must still not read as one line.
        var page = Page(1,
            Line("TỈNH ỦY BÌNH ĐỊNH", 117, 780, bold: true).Concat(Line("Bình Định, ngày 09 tháng 12 năm 2021", 290, 780)),
            Line("VĂN PHÒNG", 140, 764, bold: true),
            Line("Số 116-BS/VPTU", 125, 748, bold: true),
            CentredLine("SAO LỤC", 716),
            FullLine("Thực hiện chương trình công tác năm, Văn phòng sao gửi văn bản đến các", 690, LeftMargin + 20),
            FullLine("đồng chí để biết và thực hiện theo đúng chức năng, nhiệm vụ được giao", 674),
            FullLine("trong quá trình lãnh đạo, chỉ đạo ở địa phương, đơn vị, cơ quan mình", 658),
            Line("phụ trách.", LeftMargin, 642));

        var texts = Build(page).Select(b => b.Text).ToList();

        texts.Take(2).Should().Equal("TỈNH ỦY BÌNH ĐỊNH", "Bình Định, ngày 09 tháng 12 năm 2021");
        texts.Should().Contain("VĂN PHÒNG").And.Contain("SAO LỤC");
    }

    [Fact]
    public void Build_WhenJustifiedLineHasAHoleRightOfTheCentre_KeepsItInItsParagraph()
    {
        // A word lost in the right half (under a stamp) leaves a wide gap; the left part runs past the centre.
        var holed = FullLine("Các cấp ủy, tổ chức đảng tập trung lãnh đạo thực hiện tốt các nhiệm vụ", 700, LeftMargin + 20)
            .Where(w => w.Text != "nhiệm");
        var page = Page(1,
            holed,
            FullLine("trọng tâm sau đây, bảo đảm thiết thực, hiệu quả và đúng tiến độ đề ra", 684),
            Line("trong năm.", LeftMargin, 668));

        Build(page).Select(b => b.Text).Should().Equal(
            "Các cấp ủy, tổ chức đảng tập trung lãnh đạo thực hiện tốt các vụ trọng tâm sau đây, bảo đảm thiết thực, hiệu quả và đúng tiến độ đề ra trong năm.");
    }

    [Theory]
    // A full stop ends a sentence.
    [InlineData("đúng tiến độ đề ra.", true)]
    // So does a colon before a list.
    [InlineData("như sau:", true)]
    // Closing quotes and brackets after the stop do not hide it.
    [InlineData("\"tự chuyển hóa\".", true)]
    [InlineData("(hoàn thành trong quý I).)", true)]
    [InlineData("hiệu quả.”", true)]
    // A comma or a bare word continues the sentence on the next line.
    [InlineData("các cấp ủy,", false)]
    [InlineData("Ban Chấp hành", false)]
    // Quotes alone are not a sentence end.
    [InlineData("\"\"", false)]
    [InlineData("", false)]
    public void EndsSentence_WhenLineEndsWithPunctuation_TellsWhetherTheSentenceEnds(string text, bool expected)
    {
        PdfLayout.EndsSentence(text).Should().Be(expected);
    }

    [Theory]
    // Two edges within half a font size of the first one: the first edge is shared.
    [InlineData(new[] { 85.0, 85.2, 85.4, 120.0 }, 6.5, 2, 85.0)]
    // A stray indented edge comes first but is alone; the margin is the next edge that is shared.
    [InlineData(new[] { 40.0, 85.0, 85.0, 85.0 }, 6.5, 3, 85.0)]
    // The window is open at both ends: an edge exactly half a size away does not count.
    [InlineData(new[] { 85.0, 91.5, 200.0 }, 6.5, 2, 85.0)]
    // No edge is shared by enough lines: the outermost edge is the margin.
    [InlineData(new[] { 10.0, 50.0, 90.0 }, 6.5, 2, 10.0)]
    // A zero font size shares nothing.
    [InlineData(new[] { 85.0, 85.0 }, 0.0, 2, 85.0)]
    public void FirstShared_WhenEdgesAreGiven_AgreesWithCountingEveryPair(double[] edges, double reach, int shared, double expected)
    {
        var sorted = edges.Order().ToList();
        var pairwise = sorted.FirstOrDefault(x => sorted.Count(y => Math.Abs(y - x) < reach) >= shared, sorted[0]);

        PdfLayout.FirstShared(sorted, reach, shared).Should().Be(expected).And.Be(pairwise);
    }

    [Theory]
    // A short line is ordered by insertion sort.
    [InlineData(10)]
    // A line of text drawn over and over at one place is ordered by the general sort, just as stably.
    [InlineData(5000)]
    public void SortByLeft_WhenEdgesRepeat_OrdersByEdgeAndKeepsEqualEdgesInTheirOrder(int count)
    {
        var words = Enumerable.Range(0, count)
            .Select(i => new PageWord(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 72 + (i % 7 * 20), 90 + (i % 7 * 20), 700, 712, 12, Bold: false, Italic: false))
            .ToList();
        var expected = words.OrderBy(w => w.Left).ToList();

        PdfLayout.SortByLeft(words);

        words.Should().Equal(expected);
    }

    [Fact]
    public void Build_WhenAPageHoldsTwentyThousandLines_GivesEveryLineOnce()
    {
        // A hostile page of many short lines whose left edges are all different, so that no edge is
        // shared by an eighth of the lines and the margin search looks at every edge.
        var words = Enumerable.Range(0, 20_000)
            .SelectMany(i => Line("mục " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";", LeftMargin + (i % 1000 * 0.5), 800 - (i * 16.0)))
            .ToList();

        var blocks = Build(new PageText(1, 595, 842, words));

        // Lines that pair up left and right of the centre become table rows; their cells are whitespace-separated too.
        string.Join(' ', blocks.Select(b => b.Text)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(40_000);
    }
}
