using System.Text;
using Ingest.Formats.Html;
using Ingest.Model;

namespace Ingest.Formats.Tests.Html;

public sealed class HtmlReaderTests
{
    /// <summary>A page as a legal-document site serves it: banner, menu, breadcrumb, properties table in a side panel, related links, comments, footer.</summary>
    private const string SavedPage = """
        <!DOCTYPE html>
        <!-- saved from url=(0040)https://example.vn/van-ban/264 -->
        <html><head><meta charset="utf-8"><title>Quy định 264</title><style>p { color: red }</style></head>
        <body>
        <header class="site-header"><div class="logo">Thư viện văn bản</div><nav><ul><li><a href="/">Trang chủ</a></li></ul></nav></header>
        <div class="container">
          <div class="col-left">
            <div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/vb">Văn bản</a></div>
            <div class="share-bar"><a href="#">Chia sẻ Facebook</a></div>
            <div class="doc-content">
              <table><tr><td><p align="center"><b>BAN CHẤP HÀNH TRUNG ƯƠNG</b><br>*</p></td><td><p align="center"><b>ĐẢNG CỘNG SẢN VIỆT NAM</b></p></td></tr>
                     <tr><td>Số 264-QĐ/TW</td><td><i>Hà Nội, ngày 14 tháng 02 năm 2025</i></td></tr></table>
              <p style="text-align: center"><strong>QUY ĐỊNH</strong></p>
              <p>Bộ Chính trị ban hành Quy định sửa đổi, bổ sung một số điều của Quy định số&nbsp;69-QĐ/TW như sau:</p>
              <h2>Điều 1. Sửa đổi, bổ sung</h2>
              <p>Nội dung   thứ nhất
                 trải trên hai dòng nguồn &amp; có thực thể.</p>
              <ol><li>Mục một của danh sách có đánh số.</li><li>Mục hai của danh sách có đánh số.</li></ol>
              <ul><li>Gạch đầu dòng thứ nhất trong văn bản.</li></ul>
            </div>
            <div class="box-tin-lienquan"><h3>Văn bản liên quan</h3><ul><li><a href="/a">Quy định 69-QĐ/TW về kỷ luật đảng viên vi phạm</a></li></ul></div>
            <div id="comments"><p>Bình luận của bạn đọc: rất hay và bổ ích cho mọi người.</p></div>
          </div>
          <aside><p>Tin mới nhất trong ngày hôm nay từ khắp nơi.</p></aside>
          <div class="sidebar-right"><table class="thuoctinh">
            <tr><td>Số hiệu:</td><td>264-QĐ/TW</td><td>Loại văn bản:</td><td>Quy định</td></tr>
            <tr><td>Người ký:</td><td>Trần Cẩm Tú</td><td>Ngày ban hành:</td><td>14/02/2025</td></tr></table>
            <div class="quangcao"><a href="/ad">Quảng cáo thuê nhà giá rẻ</a></div></div>
        </div>
        <footer><p>Bản quyền © 2025 Thư viện văn bản. Địa chỉ: 123 đường ABC.</p></footer>
        <script>document.write("<p>không phải nội dung</p>");</script>
        </body></html>
        """;

    private static ReadResult Read(byte[] content) => new HtmlReader().Read(new SourceFile("page.html", content), CancellationToken.None);

    private static ReadResult Read(string html) => Read(Encoding.UTF8.GetBytes(html));

    [Fact]
    public void Read_WhenPageIsSavedFromLegalSite_KeepsOnlyTheDocumentAndPutsPropertiesTableFirst()
    {
        var blocks = Read(SavedPage).Blocks;

        blocks.Select(b => b.Text).Should().Equal(
            "Số hiệu:\t264-QĐ/TW\tLoại văn bản:\tQuy định\nNgười ký:\tTrần Cẩm Tú\tNgày ban hành:\t14/02/2025",
            "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 264-QĐ/TW\tHà Nội, ngày 14 tháng 02 năm 2025",
            "QUY ĐỊNH",
            "Bộ Chính trị ban hành Quy định sửa đổi, bổ sung một số điều của Quy định số 69-QĐ/TW như sau:",
            "Điều 1. Sửa đổi, bổ sung",
            "Nội dung thứ nhất trải trên hai dòng nguồn & có thực thể.",
            "1. Mục một của danh sách có đánh số.",
            "2. Mục hai của danh sách có đánh số.",
            "- Gạch đầu dòng thứ nhất trong văn bản.");
        blocks[0].Kind.Should().Be(BlockKind.Table);
        blocks[0].Cells![1].Should().Equal("Người ký:", "Trần Cẩm Tú", "Ngày ban hành:", "14/02/2025");
        blocks[2].Style.Should().Be(BlockStyle.Bold | BlockStyle.Centered);
        blocks[4].Should().Match<Block>(b => b.Kind == BlockKind.Heading && b.Level == 2);
        blocks[6].Should().Match<Block>(b => b.Kind == BlockKind.ListItem && b.Level == 0);
    }

    [Fact]
    public void Read_WhenPropertiesTableIsInsideTheContent_EmitsItOnceInPlace()
    {
        var html = "<html><body><div class=\"content\"><table><tr><td>Số hiệu</td><td>03-KH/TW</td></tr><tr><td>Ngày ban hành</td><td>01/01/2021</td></tr></table>" +
                   "<p>Đoạn văn thứ nhất của văn bản đủ dài để được tính.</p><p>Đoạn văn thứ hai của văn bản cũng đủ dài.</p></div></body></html>";

        var blocks = Read(html).Blocks;

        blocks.Count(b => b.Kind == BlockKind.Table).Should().Be(1);
        blocks[0].Kind.Should().Be(BlockKind.Table);
    }

    /// <summary>
    /// The layout of a legal-document site: a page column holding the site's own title, the
    /// properties box, an update line and the document's full text in a container named as such.
    /// </summary>
    private const string SiteColumnPage = """
        <html><body><div class="container"><div class="col-main">
        <h1 class="title-vb">Kế hoạch 12-KH/TU năm 2023 về công tác cán bộ do Tỉnh ủy ban hành</h1>
        <div class="box-thuoctinh"><table class="thuoctinh">
          <tr><td>Số hiệu:</td><td>12-KH/TU</td></tr><tr><td>Người ký:</td><td>Nguyễn Văn An</td></tr></table></div>
        <p class="capnhat">Cập nhật: 10:15 ngày 02/03/2023</p>
        <div class="noidung-vanban" id="toanvan">
          <table><tr><td><p align="center"><b>TỈNH ỦY BÌNH ĐỊNH</b></p></td><td><p align="center"><b>ĐẢNG CỘNG SẢN VIỆT NAM</b></p></td></tr></table>
          <p align="center"><b>KẾ HOẠCH</b></p>
          <p>Thực hiện chương trình công tác năm, Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau:</p>
          <p>Các cấp ủy, tổ chức đảng xây dựng kế hoạch thực hiện phù hợp với tình hình địa phương.</p>
          <p>Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc việc thực hiện.</p>
          <p>Các ban đảng, đảng đoàn, ban cán sự đảng trực thuộc Tỉnh ủy tổ chức quán triệt đến toàn thể cán bộ, đảng viên.</p>
          <p>Văn phòng Tỉnh ủy theo dõi, tổng hợp tình hình, định kỳ báo cáo Ban Thường vụ Tỉnh ủy kết quả thực hiện.</p>
        </div></div></div></body></html>
        """;

    [Fact]
    public void Read_WhenWinnerIsNamedAsDocumentText_DoesNotWidenIntoTheSiteColumn()
    {
        var blocks = Read(SiteColumnPage).Blocks;

        blocks.Select(b => b.Text).Should().Equal(
            "Số hiệu:\t12-KH/TU\nNgười ký:\tNguyễn Văn An",
            "TỈNH ỦY BÌNH ĐỊNH\tĐẢNG CỘNG SẢN VIỆT NAM",
            "KẾ HOẠCH",
            "Thực hiện chương trình công tác năm, Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau:",
            "Các cấp ủy, tổ chức đảng xây dựng kế hoạch thực hiện phù hợp với tình hình địa phương.",
            "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc việc thực hiện.",
            "Các ban đảng, đảng đoàn, ban cán sự đảng trực thuộc Tỉnh ủy tổ chức quán triệt đến toàn thể cán bộ, đảng viên.",
            "Văn phòng Tỉnh ủy theo dõi, tổng hợp tình hình, định kỳ báo cáo Ban Thường vụ Tỉnh ủy kết quả thực hiện.");
        blocks[0].Kind.Should().Be(BlockKind.Table);
    }

    [Fact]
    public void Read_WhenDocumentTextContainerHoldsTheLetterheadBesideTheBody_WidensToIt()
    {
        // The paragraphs win in an inner "content" block; the letterhead sits beside it in the outer "vanban" block.
        var html = "<html><body><div class=\"col-main\"><h1>Tiêu đề của trang web</h1><div class=\"vanban\">" +
                   "<table><tr><td>TỈNH ỦY BÌNH ĐỊNH</td><td>ĐẢNG CỘNG SẢN VIỆT NAM</td></tr></table><div class=\"content\">" +
                   "<p>Các cấp ủy, tổ chức đảng xây dựng kế hoạch thực hiện phù hợp với tình hình địa phương.</p>" +
                   "<p>Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc việc thực hiện.</p></div></div></div></body></html>";

        Read(html).Blocks.Select(b => b.Text).Should().Equal(
            "TỈNH ỦY BÌNH ĐỊNH\tĐẢNG CỘNG SẢN VIỆT NAM",
            "Các cấp ủy, tổ chức đảng xây dựng kế hoạch thực hiện phù hợp với tình hình địa phương.",
            "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc việc thực hiện.");
    }

    [Theory]
    // A meta charset in a legacy code page, bytes encoded in it.
    [InlineData("windows-1258")]
    // An http-equiv content-type declaration.
    [InlineData("utf-8-http-equiv")]
    // UTF-16 with BOM and no declaration.
    [InlineData("utf-16")]
    // A page re-saved as UTF-8 that kept its old legacy declaration.
    [InlineData("utf-8-declared-1258")]
    public void Read_WhenCharsetComesFromBomOrMeta_DecodesVietnamese(string variant)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string body = "<p>Đảng lãnh đạo toàn dân.</p></body></html>";

        // Windows-1258 has no precomposed "ả", "ã", "ạ", "à": tones are combining marks after the letter.
        const string legacyBody = "<p>\u0110a\u0309ng la\u0303nh \u0111a\u0323o toa\u0300n d\u00E2n.</p></body></html>";
        var bytes = variant switch
        {
            "windows-1258" => Encoding.GetEncoding(1258).GetBytes("<html><head><meta charset=\"windows-1258\"></head><body>" + legacyBody),
            "utf-8-http-equiv" => Encoding.UTF8.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>" + body),
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<html><body>" + body)],
            _ => Encoding.UTF8.GetBytes("<html><head><meta charset=\"windows-1258\"></head><body>" + body),
        };

        var text = Read(bytes).Blocks.Single().Text;

        text.Normalize(NormalizationForm.FormC).Should().Be("Đảng lãnh đạo toàn dân.");
    }

    [Fact]
    public void Read_WhenOrderedListHasTypeAndStart_MarkersFollowThem()
    {
        var html = "<html><body><ol type=\"a\" start=\"3\"><li>Mục c</li><li>Mục d</li></ol><ol type=\"I\"><li>Phần một</li><li><ul><li>Con</li></ul></li></ol></body></html>";

        Read(html).Blocks.Select(b => (b.Text, b.Level)).Should().Equal(("c. Mục c", 0), ("d. Mục d", 0), ("I. Phần một", 0), ("- Con", 1));
    }

    [Fact]
    public void Read_WhenFootnoteReferenceAndFootnoteSection_DropsMarkAndKeepsNoteApart()
    {
        var html = "<html><body><p>Theo Kết luận<sup><a href=\"#fn1\">1</a></sup> của Bộ Chính trị.</p><div class=\"footnotes\"><p>1. Kết luận số 19-KL/TW.</p></div></body></html>";

        Read(html).Blocks.Select(b => (b.Kind, b.Text)).Should().Equal(
            (BlockKind.Paragraph, "Theo Kết luận của Bộ Chính trị."),
            (BlockKind.Footnote, "1. Kết luận số 19-KL/TW."));
    }

    [Fact]
    public void Read_WhenLineBreaksAndPreformattedText_KeepsLines()
    {
        var html = "<html><body><p>Nơi nhận:<br>- Như trên,<br/>- Lưu.</p><pre>Dòng một\n  Dòng hai</pre></body></html>";

        Read(html).Blocks.Select(b => b.Text).Should().Equal("Nơi nhận:\n- Như trên,\n- Lưu.", "Dòng một\nDòng hai");
    }

    [Fact]
    public void Read_WhenElementsNestOneHundredThousandDeep_ReadsWithoutOverflowingTheStack()
    {
        const int depth = 100_000;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "Chữ ở đáy" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

        var result = Read(html);

        result.Failure.Should().BeNull();
        result.Blocks.Single().Text.Should().Be("Chữ ở đáy");
    }

    [Fact]
    public void Read_WhenPageHasNoText_FailsAsEmpty()
    {
        Read("<html><head><script>var a = 1;</script></head><body><nav><a href=\"/\">Trang chủ</a></nav></body></html>")
            .Failure!.Code.Should().Be(DiagnosticCodes.Empty);
    }

    [Fact]
    public void Detect_WhenContentIsASavedPage_IsHtmlWhateverTheName()
    {
        FormatDetector.Detect(Encoding.UTF8.GetBytes(SavedPage)).Should().Be(SourceFormat.Html);
    }
}
