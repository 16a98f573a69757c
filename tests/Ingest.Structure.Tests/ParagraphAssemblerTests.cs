using Ingest.Model;
using Ingest.Structure.Body;
using Ingest.Structure.Lines;

namespace Ingest.Structure.Tests;

public sealed class ParagraphAssemblerTests
{
    public static TheoryData<string, string[], string[]> Cases() => new()
    {
        {
            // Hard-wrapped lines of one paragraph (seed 004) are joined, whatever they end with.
            "hard-wrap",
            ["Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành\nTrung ương Đảng về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị;\nkiên quyết ngăn chặn, đẩy lùi."],
            ["Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi."]
        },
        {
            // One paragraph per line (seed 002): long lines that end sentences stay apart.
            "line-per-paragraph",
            ["Đến nay, các ban tổ chức cấp ủy đã tham mưu ban hành kế hoạch thực hiện kết luận của Ban Chấp hành Trung ương Đảng khóa XIII và kế hoạch của Bộ Chính trị.\nTrong thời gian tới, Ngành Tổ chức xây dựng Đảng xác định tiếp tục kiên trì triển khai thực hiện có hiệu quả kết luận, kế hoạch về công tác xây dựng Đảng."],
            ["Đến nay, các ban tổ chức cấp ủy đã tham mưu ban hành kế hoạch thực hiện kết luận của Ban Chấp hành Trung ương Đảng khóa XIII và kế hoạch của Bộ Chính trị.", "Trong thời gian tới, Ngành Tổ chức xây dựng Đảng xác định tiếp tục kiên trì triển khai thực hiện có hiệu quả kết luận, kế hoạch về công tác xây dựng Đảng."]
        },
        {
            // Numbered items in one block (seed 000) stay apart.
            "items-in-one-block",
            ["Thực hiện các nhiệm vụ sau:\n1. Một việc.\n2. Hai việc."],
            ["Thực hiện các nhiệm vụ sau:", "1. Một việc.", "2. Hai việc."]
        },
        {
            // A page break inside a paragraph: the next block starts in lower case (seed 003).
            "page-break-lower-case",
            ["Một bộ phận cán bộ, đảng viên, trong đó có cả cán bộ lãnh đạo,", "quản lý nhận thức chưa đầy đủ."],
            ["Một bộ phận cán bộ, đảng viên, trong đó có cả cán bộ lãnh đạo, quản lý nhận thức chưa đầy đủ."]
        },
        {
            // A page break before a proper noun: a long paragraph that stops mid-sentence continues (seed 004 IV.7).
            "page-break-proper-noun",
            ["- Hướng dẫn, kiểm tra, giám sát việc thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của", "Đảng, đấu tranh phản bác các quan điểm sai trái."],
            ["- Hướng dẫn, kiểm tra, giám sát việc thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái."]
        },
        {
            // A short numbered heading without punctuation is followed by its text, not joined to it (seed 004 IV.13).
            "heading-then-text",
            ["13. Học viện Chính trị quốc gia Hồ Chí Minh", "Đổi mới, nâng cao hiệu quả nội dung đào tạo."],
            ["13. Học viện Chính trị quốc gia Hồ Chí Minh", "Đổi mới, nâng cao hiệu quả nội dung đào tạo."]
        },
        {
            // A heading in capitals is never joined to the text under it, even in one block.
            "capitals-heading",
            ["III- NHIỆM VỤ TRỌNG TÂM\nCác cấp ủy tập trung lãnh đạo."],
            ["III- NHIỆM VỤ TRỌNG TÂM", "Các cấp ủy tập trung lãnh đạo."]
        },
        {
            // A wrap before the hyphen of "kinh tế - xã hội" is not a bullet.
            "hyphen-at-line-start",
            ["- Triển khai thực hiện Chiến lược phát triển kinh tế\n- xã hội 10 năm."],
            ["- Triển khai thực hiện Chiến lược phát triển kinh tế - xã hội 10 năm."]
        },
        {
            // A short unpunctuated heading line in a block is not wrapped: the next line is a new paragraph.
            "short-heading-in-block",
            ["2. Về công tác nhân sự\nBảo đảm nguyên tắc tập trung dân chủ."],
            ["2. Về công tác nhân sự", "Bảo đảm nguyên tắc tập trung dân chủ."]
        },
        {
            // Bullets in one block stay apart.
            "bullets",
            ["- Như trên,\n- Lưu VT."],
            ["- Như trên,", "- Lưu VT."]
        },
        {
            // A page number between the halves of a paragraph does not stop them joining.
            "page-number",
            ["Tiếp tục hoàn thiện cơ chế nhân dân tham gia xây dựng,", "12", "chỉnh đốn Đảng."],
            ["Tiếp tục hoàn thiện cơ chế nhân dân tham gia xây dựng, chỉnh đốn Đảng."]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assemble_WhenLinesAreGiven_JoinsWrappedLines(string name, string[] blocks, string[] expected)
    {
        var lines = LineFlattener.Flatten(blocks.Select(b => new Block(BlockKind.Paragraph, b, SourceSpan.None)).ToArray()).Lines;

        ParagraphAssembler.Assemble(lines, fileWrapWidth: null).Select(p => p.Text).Should().Equal(expected, name);
    }

    [Fact]
    public void Assemble_WhenBlocksAreHeadings_NeverJoinsThemToText()
    {
        // Markdown headings (seed 003 "### 2.3. ...") are whole units.
        Block[] blocks =
        [
            new(BlockKind.Heading, "2.3. Tập trung hoàn thiện cơ chế, chính sách", SourceSpan.None) { Level = 3 },
            new(BlockKind.Paragraph, "rà soát, thể chế hoá kịp thời chủ trương của Đảng.", SourceSpan.None),
        ];

        var paragraphs = ParagraphAssembler.Assemble(LineFlattener.Flatten(blocks).Lines, null);

        paragraphs.Should().HaveCount(2);
        paragraphs[0].LooksLikeHeading.Should().BeTrue();
    }

    [Fact]
    public void Assemble_WhenLabelFollowsUnfinishedLine_MarksItAsPossibleContinuation()
    {
        // "... trong\n2. ..." may be a number inside running text; the tree builder decides.
        var lines = LineFlattener.Flatten([new Block(BlockKind.Paragraph, "Đánh giá kết quả thực hiện Nghị quyết của Ban Chấp hành trong\n2. năm qua.", SourceSpan.None)]).Lines;

        var paragraphs = ParagraphAssembler.Assemble(lines, null);

        paragraphs.Should().HaveCount(2);
        paragraphs[1].MayContinuePrevious.Should().BeTrue();
    }

    [Fact]
    public void Assemble_WhenLabelFollowsShortHeading_DoesNotMarkItAsContinuation()
    {
        // "1. Về nội dung văn kiện\na) ..." : the heading line was not wrapped, so "a)" is a real label.
        var lines = LineFlattener.Flatten([new Block(BlockKind.Paragraph, "1. Về nội dung văn kiện\na) Báo cáo chính trị.", SourceSpan.None)]).Lines;

        ParagraphAssembler.Assemble(lines, null)[1].MayContinuePrevious.Should().BeFalse();
    }

    [Fact]
    public void EstimateFileWrapWidth_WhenLinesAreWrappedNear80_ReturnsWidth()
    {
        // PDF text: one block per line, wrapped at about 80 characters.
        var wrapped = Enumerable.Range(0, 30).Select(i => new Block(BlockKind.Paragraph, new string('a', 70 + (i % 10)) + " x", SourceSpan.None)).ToArray();

        ParagraphAssembler.EstimateFileWrapWidth(LineFlattener.Flatten(wrapped).Lines).Should().BeInRange(70, 82);
    }

    [Fact]
    public void EstimateFileWrapWidth_WhenLinesAreParagraphs_ReturnsNull()
    {
        var paragraphs = Enumerable.Range(0, 30).Select(i => new Block(BlockKind.Paragraph, new string('a', 300 + i), SourceSpan.None)).ToArray();

        ParagraphAssembler.EstimateFileWrapWidth(LineFlattener.Flatten(paragraphs).Lines).Should().BeNull();
    }
}
