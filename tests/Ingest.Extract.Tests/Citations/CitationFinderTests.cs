using System.Globalization;
using Ingest.Extract.Citations;

namespace Ingest.Extract.Tests.Citations;

public sealed class CitationFinderTests
{
    private readonly CitationFinder _finder = new();

    [Theory]
    // Seed and real-file sentences with their gold values.
    [InlineData("Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về đẩy mạnh xây dựng", "21-KL/TW", "Kết luận", "Kết luận", "2021-10-25", "Ban Chấp hành Trung ương Đảng")] // date and issuer after
    [InlineData("theo chỉ đạo của Bộ Chính trị tại Kết luận số 19-KL/TW, ngày 14/10/2021 về định hướng chương trình", "19-KL/TW", "Kết luận", "Kết luận", "2021-10-14", "Bộ Chính trị")] // issuer printed before
    [InlineData("(theo Quyết định số 1847/QĐ-TTg, ngày 27/12/2018 của Thủ tướng Chính phủ).", "1847/QĐ-TTg", "Quyết định", "Quyết định", "2018-12-27", "Thủ tướng Chính phủ")] // state style
    [InlineData("theo Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khoá XII; kết quả", "18-NQ/TW", "Nghị quyết", "Nghị quyết", "2017-10-25", "Ban Chấp hành Trung ương Đảng")] // term dropped (decision 13)
    [InlineData("Tiếp tục triển khai Nghị quyết số 26-NQ/TW của Ban Chấp hành Trung ương khoá XII về xây dựng đội ngũ", "26-NQ/TW", "Nghị quyết", "Nghị quyết", null, "Ban Chấp hành Trung ương")] // no date, issuer as printed
    [InlineData("và Kế hoạch số 03-KH/TW, ngày 1-12-2021 của Bộ Chính trị thực hiện Kết luận 21", "03-KH/TW", "Kế hoạch", "Kế hoạch", "2021-12-01", "Bộ Chính trị")] // dashed date; "thực hiện" ends the issuer
    [InlineData("Kết luận số 21-KL/TW (sau đây gọi tắt là Kết luận 21) của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh", "21-KL/TW", "Kết luận", "Kết luận", null, "Ban Chấp hành Trung ương Đảng")] // aside skipped
    [InlineData("Trong đó, Ban Tổ chức Trung ương đã ban hành Kế hoạch số 52-KH/BTCTW, ngày 17-2-2022 triển khai thực hiện", "52-KH/BTCTW", "Kế hoạch", "Kế hoạch", "2022-02-17", "Ban Tổ chức Trung ương")] // subject of "ban hành"
    [InlineData("thực hiện Quy định số 85-QĐ/TW, ngày 23/5/2017 về kiểm tra, giám sát việc kê khai tài sản", "85-QĐ/TW", "Quy định", null, "2017-05-23", null)] // no issuer printed; party QĐ implies no kind
    [InlineData("sao gửi đến các đồng chí Kế hoạch số 03-KL/TW, ngày 01/12/2021 của Bộ Chính trị thực hiện", "03-KL/TW", "Kế hoạch", "Kết luận", "2021-12-01", "Bộ Chính trị")] // type word disagrees with the symbol
    [InlineData("VỀ SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH SỐ 69-QĐ/TW, NGÀY 06/7/2022 CỦA BỘ CHÍNH TRỊ VỀ KỶ LUẬT", "69-QĐ/TW", "Quy định", null, "2022-07-06", "BỘ CHÍNH TRỊ")] // title in capitals
    [InlineData("Kèm theo Quyết định số 331-QĐ/TW, ngày 18/6/2025 của Ban Bí thư", "331-QĐ/TW", "Quyết định", null, "2025-06-18", "Ban Bí thư")] // attachment line (real file 01)
    [InlineData("theo Hướng dẫn số 10-HD/BTCTU, ngày 05/4/2012 của Ban Tổ chức Tỉnh ủy về", "10-HD/BTCTU", "Hướng dẫn", "Hướng dẫn", "2012-04-05", "Ban Tổ chức Tỉnh ủy")] // provincial issuer
    [InlineData("theo Hướng dẫn số 01-HD/BPTT, ngày 20/8/2012 của Bộ phận Thường trực chỉ đạo thực hiện Nghị quyết Trung ương 4 (khóa XI) của tỉnh về việc", "01-HD/BPTT", "Hướng dẫn", "Hướng dẫn", "2012-08-20", "Bộ phận Thường trực chỉ đạo thực hiện Nghị quyết Trung ương 4 (khóa XI) của tỉnh")] // a body named after what it steers
    [InlineData("Nghị quyết số 12-NQ/TW, ngày 16/01/2012 của Ban Chấp hành Trung ương Đảng (khóa XI) về một số vấn đề", "12-NQ/TW", "Nghị quyết", "Nghị quyết", "2012-01-16", "Ban Chấp hành Trung ương Đảng")] // term in parentheses dropped
    // General shapes.
    [InlineData("Kế hoạch số 03 - KH / TW ngày 01/12/2021", "03-KH/TW", "Kế hoạch", "Kế hoạch", "2021-12-01", null)] // OCR spacing, date without comma
    [InlineData("theo kế hoạch số 03-kh/tw của Bộ Chính trị", "03-KH/TW", "Kế hoạch", "Kế hoạch", null, "Bộ Chính trị")] // lower case
    [InlineData("Quyết định số 217-QÐ/TW, ngày 12/12/2013 của Bộ Chính trị về Quy chế", "217-QĐ/TW", "Quyết định", null, "2013-12-12", "Bộ Chính trị")] // U+00D0
    [InlineData("Nghị định số 15/2023/NĐ-CP ngày 14 tháng 5 năm 2023 của Chính phủ quy định", "15/2023/NĐ-CP", "Nghị định", "Nghị định", "2023-05-14", "Chính phủ")] // long date form; "quy định" ends the issuer
    [InlineData("Công văn số 123/UBND-NC ngày 5/1/2023 của Ủy ban nhân dân tỉnh về việc", "123/UBND-NC", "Công văn", null, "2023-01-05", "Ủy ban nhân dân tỉnh")] // unknown code after a type word
    [InlineData("Thông tư số 01/2023/TT-BNV của Bộ Nội vụ hướng dẫn", "01/2023/TT-BNV", "Thông tư", "Thông tư", null, "Bộ Nội vụ")] // "hướng dẫn" ends the issuer
    [InlineData("thực hiện Chỉ thị 05-CT/TW của Ban cán sự đảng Bộ Tư pháp về", "05-CT/TW", "Chỉ thị", "Chỉ thị", null, "Ban cán sự đảng Bộ Tư pháp")] // "số" omitted; lower-case "đảng" inside a name
    [InlineData("thực hiện Thông báo kết luận số 123-TB/TW, ngày 5/1/2022 của Bộ Chính trị", "123-TB/TW", "Thông báo", "Thông báo", "2022-01-05", "Bộ Chính trị")] // "Thông báo kết luận" is one type word
    [InlineData("Căn cứ Luật số 55/2019/QH14 của Quốc hội", "55/2019/QH14", "Luật", null, null, "Quốc hội")] // law number
    [InlineData("thực hiện 21-KL/TW của Ban Chấp hành Trung ương Đảng.", "21-KL/TW", null, "Kết luận", null, "Ban Chấp hành Trung ương Đảng")] // bare symbol: kind from the symbol
    [InlineData("theo Quyết định số 99-QĐ/TW, ngày 03/10/2017 của Đảng ủy Khối các cơ quan Trung ương về", "99-QĐ/TW", "Quyết định", null, "2017-10-03", "Đảng ủy Khối các cơ quan Trung ương")] // lower-case words inside a name
    [InlineData("Nghị quyết số 01-NQ/ĐU, ngày 5/3/2022 của Hội đồng nhân dân thị xã Sơn Tây về", "01-NQ/ĐU", "Nghị quyết", "Nghị quyết", "2022-03-05", "Hội đồng nhân dân thị xã Sơn Tây")] // "đồng", "thị" inside a name
    [InlineData("thực hiện Kết luận số 05-KL/TW của các cấp ủy", "05-KL/TW", "Kết luận", "Kết luận", null, null)] // "của" + lower case names no issuer
    [InlineData("thực hiện nhiệm vụ của Ban Chỉ đạo theo Kế hoạch số 12-KH/TU", "12-KH/TU", "Kế hoạch", "Kế hoạch", null, null)] // the owner of the tasks is not the plan's issuer
    [InlineData("theo tinh thần chỉ đạo của Ban Bí thư tại Thông báo số 12-TB/TW", "12-TB/TW", "Thông báo", "Thông báo", null, "Ban Bí thư")] // direction of a body before the citation
    public void FindAll_WhenCitationPrinted_ReadsItsParts(string text, string id, string? kindWord, string? symbolKind, string? date, string? issuer)
    {
        var match = _finder.FindAll(text).Should().ContainSingle().Subject;

        match.Id.Should().Be(id);
        match.KindWord.Should().Be(kindWord);
        match.SymbolKind.Should().Be(symbolKind);
        match.IssuedOn.Should().Be(Date(date));
        match.Issuer.Should().Be(issuer);
    }

    [Theory]
    [InlineData("Bộ Chính trị tổ chức Hội nghị (tháng 12/2021) triển khai giai đoạn 2021-2025.")] // dates and spans
    [InlineData("Pages 3-4 carry the header 18.QDTW331.DOC and page numbers.")] // running file header
    [InlineData("Điện thoại: 0243.823.1234, Fax: 0243.823.5678")] // phone numbers
    [InlineData("\"e) Biết mà không ngăn chặn\". Sửa đổi, bổ sung Điểm e, Khoản 1, Điều 6 như sau:")] // article references
    [InlineData("kiểm soát hiệu quả dịch Covid-19; phát triển kinh tế - xã hội")] // dashes between words
    [InlineData("Kết luận 21 của Ban Chấp hành Trung ương Đảng")] // short form without a symbol
    [InlineData("T/M BỘ CHÍNH TRỊ, K/T CHÁNH VĂN PHÒNG, V/v sao gửi")] // slashed formulas
    [InlineData("Hà Nội, 123/UBND-NC")] // unknown state-shaped code without a type word
    [InlineData("")] // nothing
    public void FindAll_WhenNoNumberedDocument_FindsNothing(string text)
    {
        _finder.FindAll(text).Should().BeEmpty();
    }

    [Fact]
    public void FindAll_WhenTwoCitationsShareAnIssuer_GivesItToBoth()
    {
        // Real file 03/04: "của Ban Chấp hành Trung ương Đảng" is printed once for both.
        const string Text = "- Căn cứ Quy định số 24-QĐ/TW, ngày 30/7/2021 và Quy định số 232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành Trung ương Đảng thi hành Điều lệ Đảng;";

        var matches = _finder.FindAll(Text);

        matches.Select(m => (m.Id, m.IssuedOn, m.Issuer)).Should().Equal(
            ("24-QĐ/TW", new DateOnly(2021, 7, 30), "Ban Chấp hành Trung ương Đảng"),
            ("232-QĐ/TW", new DateOnly(2025, 1, 20), "Ban Chấp hành Trung ương Đảng"));
    }

    [Fact]
    public void FindAll_WhenBareSymbolFollowsACitation_SharesTypeWordDateAndIssuer()
    {
        const string Text = "thực hiện Quy định số 217-QĐ/TW và 218-QĐ/TW, ngày 12/12/2013 của Bộ Chính trị về";

        var matches = _finder.FindAll(Text);

        matches.Select(m => (m.Id, m.KindWord, m.IssuedOn, m.Issuer)).Should().Equal(
            ("217-QĐ/TW", "Quy định", new DateOnly(2013, 12, 12), "Bộ Chính trị"),
            ("218-QĐ/TW", "Quy định", new DateOnly(2013, 12, 12), "Bộ Chính trị"));
    }

    [Fact]
    public void FindAll_WhenSubjectFollowsAnotherCitation_KeepsIssuersApart()
    {
        // Seed 004 IV.6: 37-QĐ/TW has no issuer in this mention; 22-QĐ/TW's is not shared
        // because a subject ("về ...") separates them.
        const string Text = "việc thực hiện Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương Đảng về công tác kiểm tra, giám sát và kỷ luật của Đảng và Quy định số 37-QĐ/TW, ngày 25/10/2021 về những điều đảng viên không được làm.";

        var matches = _finder.FindAll(Text);

        matches.Select(m => (m.Id, m.Issuer, m.Title)).Should().Equal(
            ("22-QĐ/TW", "Ban Chấp hành Trung ương Đảng", "về công tác kiểm tra, giám sát và kỷ luật của Đảng"),
            ("37-QĐ/TW", (string?)null, "về những điều đảng viên không được làm"));
    }

    [Theory]
    [InlineData("theo chỉ đạo của Bộ Chính trị tại Kết luận số 19-KL/TW, ngày 14/10/2021 về định hướng", "Kết luận số 19-KL/TW, ngày 14/10/2021")] // type word to date
    [InlineData("(theo Quyết định số 1847/QĐ-TTg, ngày 27/12/2018 của Thủ tướng Chính phủ).", "Quyết định số 1847/QĐ-TTg, ngày 27/12/2018 của Thủ tướng Chính phủ")] // through the issuer
    [InlineData("Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khoá XII; kết quả", "Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khoá XII")] // the dropped term is still part of the mention
    [InlineData("thực hiện 21-KL/TW.", "21-KL/TW")] // bare symbol
    public void FindAll_WhenFound_SpanCoversTheMention(string text, string mention)
    {
        var match = _finder.FindAll(text).Should().ContainSingle().Subject;

        text.Substring(match.Index, match.Length).Should().Be(mention);
    }

    [Fact]
    public void FindAll_WhenTextIsAHardWrappedParagraph_ReadsAcrossLineBreaks()
    {
        const string Text = "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành\nTrung ương Đảng về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị;\nkiên quyết ngăn chặn";

        var match = _finder.FindAll(Text).Should().ContainSingle().Subject;

        match.Issuer.Should().Be("Ban Chấp hành Trung ương Đảng");
        match.Title.Should().Be("về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị");
    }

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
