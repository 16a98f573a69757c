using Ingest.Formats.Docx;
using Ingest.Model;
using static Ingest.Formats.Tests.Docx.TestDocx;

namespace Ingest.Formats.Tests.Docx;

/// <summary>Headings that party offices type as formatted ordinary paragraphs rather than with Word's heading styles.</summary>
public sealed class DocxFormattedHeadingTests
{
    private const string Centered = "<w:jc w:val=\"center\"/>";

    private static string Run(string text, string properties = "") =>
        $"<w:r>{(properties.Length > 0 ? "<w:rPr>" + properties + "</w:rPr>" : string.Empty)}<w:t xml:space=\"preserve\">{text}</w:t></w:r>";

    private static string Paragraph(string properties, string runs) =>
        $"<w:p>{(properties.Length > 0 ? "<w:pPr>" + properties + "</w:pPr>" : string.Empty)}{runs}</w:p>";

    private static Block ReadSingle(string body, string? numbering = null, string? styles = null)
    {
        var result = new DocxReader().Read(new SourceFile("test.docx", Build(body, numbering, styles)), CancellationToken.None);
        result.Failure.Should().BeNull();
        return result.Blocks.Should().ContainSingle().Subject;
    }

    [Theory]
    // An article title typed bold on the left, in two runs: a heading inside the text.
    [InlineData("", "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Điều 2. </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Hiệu lực thi hành</w:t></w:r>", BlockKind.Heading, 2)]
    // The kind line: centred and bold, a title.
    [InlineData(Centered, "<w:r><w:rPr><w:b/></w:rPr><w:t>KẾ HOẠCH</w:t></w:r>", BlockKind.Heading, 1)]
    // A subject line typed in capitals and centred, not bold.
    [InlineData(Centered, "<w:r><w:t>VỀ SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH</w:t></w:r>", BlockKind.Heading, 1)]
    // Capitals made by the all-caps run property: the letters are typed in lower case.
    [InlineData(Centered, "<w:r><w:rPr><w:caps/></w:rPr><w:t>báo cáo tổng kết</w:t></w:r>", BlockKind.Heading, 1)]
    // Bold words inside running text do not make the paragraph a heading.
    [InlineData("", "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Ban Tổ chức </w:t></w:r><w:r><w:t>chủ trì, phối hợp với các cơ quan</w:t></w:r>", BlockKind.Paragraph, 0)]
    // A bold sentence is emphasis, not a heading.
    [InlineData("", "<w:r><w:rPr><w:b/></w:rPr><w:t>Các cấp ủy phải báo cáo kết quả trước ngày 30.</w:t></w:r>", BlockKind.Paragraph, 0)]
    // A bold lead-in ending in a colon introduces what follows ("Kính gửi:", "Nơi nhận:").
    [InlineData("", "<w:r><w:rPr><w:b/></w:rPr><w:t>Nơi nhận:</w:t></w:r>", BlockKind.Paragraph, 0)]
    // A right-aligned bold line is a signature block line (the signer's name).
    [InlineData("<w:jc w:val=\"right\"/>", "<w:r><w:rPr><w:b/></w:rPr><w:t>Trần Cẩm Tú</w:t></w:r>", BlockKind.Paragraph, 0)]
    // A signature block centred in the right half of the page by a left indent: the signer's title.
    [InlineData(Centered + "<w:ind w:left=\"4820\"/>", "<w:r><w:rPr><w:b/></w:rPr><w:t>T/M BAN THƯỜNG VỤ</w:t></w:r>", BlockKind.Paragraph, 0)]
    // A small indent is still the text column: the title stays a heading.
    [InlineData(Centered + "<w:ind w:left=\"720\"/>", "<w:r><w:rPr><w:b/></w:rPr><w:t>CHƯƠNG TRÌNH HÀNH ĐỘNG</w:t></w:r>", BlockKind.Heading, 1)]
    // Capitals on the left without bold: an abbreviation-heavy line, not a heading by itself.
    [InlineData("", "<w:r><w:t>UBKTTW VÀ BTCTW</w:t></w:r>", BlockKind.Paragraph, 0)]
    // Centred in sentence case without bold: a centred note, not a heading.
    [InlineData(Centered, "<w:r><w:t>Bản sao gửi kèm theo công văn</w:t></w:r>", BlockKind.Paragraph, 0)]
    // The star under the issuer is centred and bold but has no letters.
    [InlineData(Centered, "<w:r><w:rPr><w:b/></w:rPr><w:t>*</w:t></w:r>", BlockKind.Paragraph, 0)]
    public void Read_WhenParagraphHasNoHeadingStyle_FormattingDecidesHeading(string paragraphProperties, string runs, BlockKind kind, int level)
    {
        var block = ReadSingle(Paragraph(paragraphProperties, runs));

        block.Kind.Should().Be(kind);
        block.Level.Should().Be(level);
    }

    [Fact]
    public void Read_WhenBoldParagraphIsLongerThanAHeading_StaysParagraph()
    {
        var text = string.Join(' ', Enumerable.Repeat("tăng cường công tác kiểm tra giám sát", 6));

        var block = ReadSingle(Paragraph(string.Empty, Run(text, "<w:b/>")));

        block.Kind.Should().Be(BlockKind.Paragraph);
        block.Style.Should().Be(BlockStyle.Bold);
    }

    [Fact]
    public void Read_WhenBoldParagraphIsAutoNumbered_StaysListItemWithItsLabel()
    {
        var numbering = Numbering(1, Level(0, "upperRoman", "%1."), 1);
        var body = Paragraph("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>", Run("TÌNH HÌNH", "<w:b/>"));

        var block = ReadSingle(body, numbering);

        block.Kind.Should().Be(BlockKind.ListItem);
        block.Text.Should().Be("I. TÌNH HÌNH");
    }

    [Fact]
    public void Read_WhenBoldComesFromParagraphStyle_IsHeadingAsIfBoldWereDirect()
    {
        const string styles = "<w:style w:type=\"paragraph\" w:styleId=\"Dieu\"><w:name w:val=\"Dieu\"/><w:rPr><w:b/></w:rPr></w:style>";

        var block = ReadSingle(Paragraph("<w:pStyle w:val=\"Dieu\"/>", Run("Điều 3. Tổ chức thực hiện")), styles: styles);

        block.Kind.Should().Be(BlockKind.Heading);
        block.Level.Should().Be(2);
    }

    [Fact]
    public void Read_WhenHeadingStyleSetsLevel_StyleLevelWinsOverFormatting()
    {
        const string styles = "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/></w:style>";

        var block = ReadSingle(Paragraph("<w:pStyle w:val=\"Heading3\"/>" + Centered, Run("KẾT LUẬN", "<w:b/>")), styles: styles);

        block.Kind.Should().Be(BlockKind.Heading);
        block.Level.Should().Be(3);
    }
}
