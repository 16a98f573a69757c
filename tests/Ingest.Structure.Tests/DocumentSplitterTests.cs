using Ingest.Model;
using Ingest.Structure.Tests.Support;

namespace Ingest.Structure.Tests;

/// <summary>Synthetic documents of shapes the seeds do not have, read through the real text reader.</summary>
public sealed class DocumentSplitterTests
{
    private readonly DocumentSplitter _splitter = new();

    [Fact]
    public void Split_WhenNghiQuyetHasRomanPartsAndPoints_ReadsHeaderAndTree()
    {
        const string text = """
            BAN CHẤP HÀNH TRUNG ƯƠNG
            *
            Số 18-NQ/TW

            ĐẢNG CỘNG SẢN VIỆT NAM
            Hà Nội, ngày 25 tháng 10 năm 2017

            NGHỊ QUYẾT
            HỘI NGHỊ LẦN THỨ SÁU
            BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XII
            MỘT SỐ VẤN ĐỀ VỀ TIẾP TỤC ĐỔI MỚI, SẮP XẾP TỔ CHỨC BỘ MÁY

            I. TÌNH HÌNH VÀ NGUYÊN NHÂN

            1. Kết quả đạt được

            Công tác xây dựng tổ chức bộ máy có chuyển biến.

            2. Hạn chế

            a) Tổ chức bộ máy còn cồng kềnh.

            b) Chức năng, nhiệm vụ còn chồng chéo.

            II. MỤC TIÊU

            Tiếp tục đổi mới, sắp xếp tổ chức bộ máy.

            T/M BAN CHẤP HÀNH TRUNG ƯƠNG
            TỔNG BÍ THƯ

            Nguyễn Phú Trọng
            """;

        var document = _splitter.Split(Corpus.ReadText(text)).Documents.Should().ContainSingle().Subject;

        document.Kind.Should().Be("Nghị quyết");
        document.Number.Should().Be("18-NQ/TW");
        document.IssuedOn.Should().Be(new DateOnly(2017, 10, 25));
        document.Place.Should().Be("Hà Nội");
        document.Issuer.Should().Be("Ban Chấp hành Trung ương Đảng");
        document.Signers.Should().Equal("Nguyễn Phú Trọng");
        document.Title.Should().Be("một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy");
        document.AllSections().Select(s => s.Id).Should().Equal("I", "I.1", "I.2", "I.2.a", "I.2.b", "II");
        document.AllSections().Single(s => s.Id == "I.2.b").Heading.Should().Be("Chức năng, nhiệm vụ còn chồng chéo.");
    }

    [Fact]
    public void Split_WhenThongBaoIsSignedForStandingCommittee_ComposesIssuerWithLetterhead()
    {
        const string text = """
            TỈNH ỦY BẮC NINH
            *
            Số 125-TB/TU

            ĐẢNG CỘNG SẢN VIỆT NAM
            Bắc Ninh, ngày 3 tháng 4 năm 2023

            THÔNG BÁO
            kết luận của Ban Thường vụ Tỉnh ủy về công tác cán bộ

            Ngày 30/3/2023, Ban Thường vụ Tỉnh ủy họp nghe báo cáo. Ban Thường vụ Tỉnh ủy kết luận như sau:

            1. Đồng ý với báo cáo.

            2. Giao Ban Tổ chức Tỉnh ủy hướng dẫn thực hiện.

            Nơi nhận:
            - Các đồng chí Tỉnh ủy viên,
            - Lưu Văn phòng Tỉnh ủy.

            TM. BAN THƯỜNG VỤ
            PHÓ BÍ THƯ THƯỜNG TRỰC

            Nguyễn Văn An
            """;

        var document = _splitter.Split(Corpus.ReadText(text)).Documents.Should().ContainSingle().Subject;

        document.Kind.Should().Be("Thông báo");
        document.Number.Should().Be("125-TB/TU");
        document.Issuer.Should().Be("Ban Thường vụ Tỉnh ủy Bắc Ninh");
        document.Signers.Should().Equal("Nguyễn Văn An");
        document.Recipients.Should().Equal("Các đồng chí Tỉnh ủy viên", "Lưu Văn phòng Tỉnh ủy");
        document.Title.Should().Be("kết luận của Ban Thường vụ Tỉnh ủy về công tác cán bộ");
        document.AllSections().Select(s => s.Id).Should().Equal("1", "2");
        document.Preamble.Should().ContainSingle();
    }

    [Fact]
    public void Split_WhenLetterHasSubjectLine_IsCongVanWithSubjectAsTitle()
    {
        const string text = """
            HUYỆN ỦY CẦN GIUỘC
            *
            Số 215-CV/HU
            V/v tổ chức hội nghị quán triệt
            Nghị quyết Trung ương

            ĐẢNG CỘNG SẢN VIỆT NAM
            Cần Giuộc, ngày 12 tháng 5 năm 2022

            Kính gửi: Các chi, đảng bộ trực thuộc.

            Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy đề nghị các chi, đảng bộ tổ chức hội nghị.

            T/L BAN THƯỜNG VỤ
            CHÁNH VĂN PHÒNG

            (Đã ký)

            Trần Thị Hoa
            """;

        var document = _splitter.Split(Corpus.ReadText(text)).Documents.Should().ContainSingle().Subject;

        document.Kind.Should().Be("Công văn");
        document.Number.Should().Be("215-CV/HU");
        document.IssuedOn.Should().Be(new DateOnly(2022, 5, 12));
        document.Place.Should().Be("Cần Giuộc");
        document.Title.Should().Be("V/v tổ chức hội nghị quán triệt Nghị quyết Trung ương");
        document.Recipients.Should().Equal("Các chi, đảng bộ trực thuộc");
        document.Issuer.Should().Be("Ban Thường vụ Huyện ủy Cần Giuộc");
        document.Signers.Should().Equal("Trần Thị Hoa");
        document.Preamble.Should().ContainSingle().Which.Text.Should().StartWith("Thực hiện chỉ đạo");
    }

    [Fact]
    public void Split_WhenSitePropertiesAreATableOfLabelAndValueCells_UsesThemAsMetadata()
    {
        // A saved web page prints "Người ký:" and the name in two cells; the text of the
        // document below has lost its signature block, so the site's signer is the fallback.
        var properties = new Block(BlockKind.Table, "Số hiệu:\t03-KH/TW\nNgười ký:\tVõ Văn Thưởng", SourceSpan.None)
        {
            Cells = [["Số hiệu:", "03-KH/TW"], ["Người ký:", "Võ Văn Thưởng"]],
        };
        const string text = """
            BAN CHẤP HÀNH TRUNG ƯƠNG
            *
            Số 03-KH/TW

            ĐẢNG CỘNG SẢN VIỆT NAM
            Hà Nội, ngày 01 tháng 12 năm 2021

            KẾ HOẠCH
            CỦA BỘ CHÍNH TRỊ

            thực hiện Kết luận số 21-KL/TW

            I- MỤC ĐÍCH, YÊU CẦU

            - Nhận thức sâu sắc tính chất, tầm quan trọng của công tác xây dựng Đảng.
            """;

        var document = _splitter.Split([properties, .. Corpus.ReadText(text)]).Documents.Should().ContainSingle().Subject;

        document.SiteMetadata.Should().ContainKey("Người ký").WhoseValue.Should().Be("Võ Văn Thưởng");
        document.Signers.Should().Equal("Võ Văn Thưởng");
    }

    [Fact]
    public void Split_WhenSitePropertiesNameAnotherNumber_DoesNotLendTheSignerToThisDocument()
    {
        // The page's properties describe the plan 03-KH/TW, not the unsigned cover letter above it.
        var properties = new Block(BlockKind.Table, "Số hiệu:\t03-KH/TW\nNgười ký:\tVõ Văn Thưởng", SourceSpan.None)
        {
            Cells = [["Số hiệu:", "03-KH/TW"], ["Người ký:", "Võ Văn Thưởng"]],
        };
        const string text = """
            HUYỆN ỦY THỦ THỪA
            *
            Số 738-CV/HU
            Về việc sao gửi Kế hoạch số 03-KH/TW

            ĐẢNG CỘNG SẢN VIỆT NAM
            Thủ Thừa, ngày 13 tháng 12 năm 2021

            Thường trực Huyện ủy sao gửi đến các đồng chí Kế hoạch số 03-KH/TW.
            """;

        var document = _splitter.Split([properties, .. Corpus.ReadText(text)]).Documents.Should().ContainSingle().Subject;

        document.Number.Should().Be("738-CV/HU");
        document.Signers.Should().BeEmpty();
    }

    [Fact]
    public void Split_WhenQuyDinhHasArticles_MapsArticlesToSections()
    {
        // Articles become sections "Điều 1", "Điều 2": the citable unit; clauses nest as "Điều 1.1".
        const string text = """
            BAN CHẤP HÀNH TRUNG ƯƠNG
            *
            Số 37-QĐ/TW

            ĐẢNG CỘNG SẢN VIỆT NAM
            Hà Nội, ngày 25 tháng 10 năm 2021

            QUY ĐỊNH
            về những điều đảng viên không được làm

            - Căn cứ Điều lệ Đảng;
            - Xét đề nghị của Ủy ban Kiểm tra Trung ương,

            BAN CHẤP HÀNH TRUNG ƯƠNG QUY ĐỊNH:

            Điều 1. Nói, viết, làm trái

            1. Nói, viết, làm trái Cương lĩnh chính trị.

            2. Tham gia các tổ chức trái phép.

            Điều 2. Hiệu lực thi hành

            Quy định này có hiệu lực từ ngày ký.

            T/M BAN CHẤP HÀNH TRUNG ƯƠNG
            TỔNG BÍ THƯ

            Nguyễn Phú Trọng
            """;

        var document = _splitter.Split(Corpus.ReadText(text)).Documents.Should().ContainSingle().Subject;

        document.Kind.Should().Be("Quy định");
        document.Number.Should().Be("37-QĐ/TW");
        document.Title.Should().Be("về những điều đảng viên không được làm");
        document.Issuer.Should().Be("Ban Chấp hành Trung ương Đảng");
        document.AllSections().Select(s => (s.Id, s.Label)).Should().Equal(("Điều 1", "Điều 1"), ("Điều 1.1", "1"), ("Điều 1.2", "2"), ("Điều 2", "Điều 2"));
        document.Preamble.Select(p => p.Bullet).Should().StartWith(["-", "-"]);
    }

    [Fact]
    public void Split_WhenDecisionIsFollowedByAttachedProcedure_LinksAttachmentToDecision()
    {
        // Real 01's shape: a decision "ban hành Quy trình", signed, then the procedure with an attachment note.
        const string text = """
            BAN CHẤP HÀNH TRUNG ƯƠNG
            *
            Số 331-QĐ/TW

            ĐẢNG CỘNG SẢN VIỆT NAM
            Hà Nội, ngày 18 tháng 6 năm 2025

            QUYẾT ĐỊNH
            ban hành Quy trình mẫu thực hiện kiểm tra, giám sát

            BAN BÍ THƯ QUYẾT ĐỊNH

            Điều 1. Ban hành kèm theo Quyết định này Quy trình mẫu.

            Điều 2. Quyết định này có hiệu lực từ ngày ký.

            T/M BAN BÍ THƯ

            Trần Cẩm Tú

            QUY TRÌNH
            giám sát tổ chức đảng cấp dưới (Kèm theo Quyết định số 331-QĐ/TW, ngày 18/6/2025
            của Ban Bí thư)

            I- BƯỚC CHUẨN BỊ

            1. Chủ thể giám sát ban hành quyết định.
            """;

        var documents = _splitter.Split(Corpus.ReadText(text)).Documents;

        documents.Select(d => d.Kind).Should().Equal("Quyết định", "Quy trình");
        documents[0].Issuer.Should().Be("Ban Bí thư");
        documents[0].Signers.Should().Equal("Trần Cẩm Tú");
        documents[1].AttachedTo.Should().Be("331-QĐ/TW");
        documents[1].Issuer.Should().Be("Ban Bí thư");
        documents[1].Title.Should().Be("giám sát tổ chức đảng cấp dưới");
        documents[1].AllSections().Select(s => s.Id).Should().Equal("I", "I.1");
    }

    [Fact]
    public void Split_WhenBodyHasKindWordHeading_DoesNotStartNewDocument()
    {
        // An unnumbered heading in capitals that starts with a kind word, over lower-case text, is part of the body.
        const string text = """
            TỈNH ỦY LONG AN
            *
            Số 05-HD/TU

            ĐẢNG CỘNG SẢN VIỆT NAM
            Long An, ngày 2 tháng 3 năm 2023

            HƯỚNG DẪN
            về công tác kiểm tra

            Ban Thường vụ Tỉnh ủy hướng dẫn như sau:

            QUY TRÌNH XEM XÉT
            gồm ba bước, thực hiện tuần tự.

            1. Chuẩn bị.
            """;

        var document = _splitter.Split(Corpus.ReadText(text)).Documents.Should().ContainSingle().Subject;

        document.Kind.Should().Be("Hướng dẫn");
        document.AllSections().Select(s => s.Id).Should().Equal("1");
    }

    [Fact]
    public void Split_WhenCopyNoticeFollowsDocument_ForwardsItsNumber()
    {
        const string text = """
            BAN CHẤP HÀNH TRUNG ƯƠNG
            *
            Số 05-CT/TW

            ĐẢNG CỘNG SẢN VIỆT NAM
            Hà Nội, ngày 15 tháng 5 năm 2016

            CHỈ THỊ
            về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh

            Các cấp ủy đảng tổ chức thực hiện.

            T/M BỘ CHÍNH TRỊ
            TỔNG BÍ THƯ

            Nguyễn Phú Trọng

            THÀNH ỦY ĐÀ NẴNG
            VĂN PHÒNG
            *
            Số 120-BS/VPTU

            TRÍCH SAO

            Đà Nẵng, ngày 20 tháng 5 năm 2016

            Nơi nhận:
            - Các quận ủy, huyện ủy,
            - Lưu VPTU.

            T/L BAN THƯỜNG VỤ
            CHÁNH VĂN PHÒNG

            Lê Văn Bình
            """;

        var documents = _splitter.Split(Corpus.ReadText(text)).Documents;

        documents.Select(d => d.Kind).Should().Equal("Chỉ thị", "Trích sao");
        documents[0].Issuer.Should().Be("Bộ Chính trị");
        documents[1].Forwards.Should().Be("05-CT/TW");
        documents[1].Issuer.Should().Be("Văn phòng Thành ủy Đà Nẵng");
        documents[1].Signers.Should().Equal("Lê Văn Bình");
    }

    [Fact]
    public void Split_WhenFileStartsWithSignatureStamp_DoesNotMakeItADocumentOrSigner()
    {
        // Seed 003 opens with "Ký bởi: ..." from the e-signature: transmission metadata.
        const string text = """
            Ký bởi: Thành ủy Hà Nội
            Cơ quan: Thành ủy Hà Nội
            Ngày ký: 05.11.2021 15:00:30

            THÀNH ỦY HÀ NỘI
            *
            Số 45-KH/TU

            ĐẢNG CỘNG SẢN VIỆT NAM
            Hà Nội, ngày 4 tháng 11 năm 2021

            KẾ HOẠCH
            thực hiện Kết luận số 21-KL/TW

            I- MỤC ĐÍCH
            """;

        var document = _splitter.Split(Corpus.ReadText(text)).Documents.Should().ContainSingle().Subject;

        document.Issuer.Should().Be("Thành ủy Hà Nội");
        document.Signers.Should().BeEmpty();
        document.AllSections().Select(s => s.Id).Should().Equal("I");
    }

    [Fact]
    public void Split_WhenHeaderIsTwoColumnTable_ReadsCellsLeftToRight()
    {
        // Word letterheads are often a table: body name left, party name and date right (real 03/04).
        IReadOnlyList<IReadOnlyList<string>> cells =
        [
            ["BAN CHẤP HÀNH TRUNG ƯƠNG\n*", "ĐẢNG CỘNG SẢN VIỆT NAM\n---------------"],
            ["Số 264-QĐ/TW", "Hà Nội, ngày 14 tháng 02 năm 2025"],
        ];
        IReadOnlyList<IReadOnlyList<string>> signature =
        [
            ["Nơi nhận:\n- Các tỉnh ủy, thành ủy,\n- Lưu Văn phòng Trung ương Đảng.", "T/M BỘ CHÍNH TRỊ\nTrần Cẩm Tú"],
        ];
        Block[] blocks =
        [
            new(BlockKind.Table, "header", SourceSpan.None) { Cells = cells },
            new(BlockKind.Paragraph, "QUY ĐỊNH", SourceSpan.None) { Style = BlockStyle.Bold | BlockStyle.Centered },
            new(BlockKind.Paragraph, "VỀ SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH SỐ 69-QĐ/TW", SourceSpan.None) { Style = BlockStyle.Centered },
            new(BlockKind.Paragraph, "Bộ Chính trị ban hành Quy định như sau:", SourceSpan.None),
            new(BlockKind.Paragraph, "Điều 1. Sửa đổi, bổ sung một số điều", SourceSpan.None) { Style = BlockStyle.Bold },
            new(BlockKind.Table, "signature", SourceSpan.None) { Cells = signature },
        ];

        var document = _splitter.Split(blocks).Documents.Should().ContainSingle().Subject;

        document.Number.Should().Be("264-QĐ/TW");
        document.IssuedOn.Should().Be(new DateOnly(2025, 2, 14));
        document.Issuer.Should().Be("Bộ Chính trị");
        document.Signers.Should().Equal("Trần Cẩm Tú");
        document.Title.Should().Be("về sửa đổi, bổ sung một số điều của Quy định số 69-QĐ/TW");
        document.Recipients.Should().Equal("Các tỉnh ủy, thành ủy", "Lưu Văn phòng Trung ương Đảng");
        document.AllSections().Select(s => s.Id).Should().Equal("Điều 1");
    }

    [Fact]
    public void Split_WhenColumnsAreFlattenedOntoLines_StillReadsHeaderAndSignature()
    {
        // PDF text without a table: each line holds both columns of the header and of the signature.
        const string text = """
            BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM
            *
            Số 35-CT/TW Hà Nội, ngày 30 tháng 5 năm 2024

            CHỈ THỊ
            CỦA BỘ CHÍNH TRỊ
            về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu
            toàn quốc lần thứ XIV của Đảng

            Đại hội đảng bộ các cấp là sinh hoạt chính trị quan trọng, có ý nghĩa to lớn
            đối với toàn Đảng. Bộ Chính trị yêu cầu:

            1. Về nội dung văn kiện
            a) Báo cáo chính trị phải đánh giá đúng thực trạng.
            b) Báo cáo kiểm điểm phải thẳng thắn.
            2. Về công tác nhân sự
            Bảo đảm nguyên tắc tập trung dân chủ.

            Nơi nhận: T/M BỘ CHÍNH TRỊ
            - Các tỉnh ủy, thành ủy, TỔNG BÍ THƯ
            - Lưu Văn phòng Trung ương Đảng.
            Nguyễn Phú Trọng
            """;

        var document = _splitter.Split(Corpus.ReadText(text)).Documents.Should().ContainSingle().Subject;

        document.Number.Should().Be("35-CT/TW");
        document.IssuedOn.Should().Be(new DateOnly(2024, 5, 30));
        document.Title.Should().Be("về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng");
        document.AllSections().Select(s => s.Id).Should().Equal("1", "1.a", "1.b", "2");
        document.AllSections().Single(s => s.Id == "2").Paragraphs.Should().ContainSingle();
        document.Recipients.Should().Equal("Các tỉnh ủy, thành ủy", "Lưu Văn phòng Trung ương Đảng");
        document.Signers.Should().Equal("Nguyễn Phú Trọng");
    }

    [Fact]
    public void Split_WhenSignerNameCameAsFootnote_TakesItAsSigner()
    {
        // A reader took the small text under the signature for a footnote (real 02).
        Block[] blocks =
        [
            new(BlockKind.Paragraph, "TỈNH ỦY BẮC GIANG\n*\nSố 368-CV/BPTT", SourceSpan.None),
            new(BlockKind.Paragraph, "ĐẢNG CỘNG SẢN VIỆT NAM\nBắc Giang, ngày 15 tháng 10 năm 2012", SourceSpan.None),
            new(BlockKind.Paragraph, "Các cơ quan, đơn vị tổ chức kiểm điểm nghiêm túc.", SourceSpan.None),
            new(BlockKind.Paragraph, "PHÓ BÍ THƯ THƯỜNG TRỰC TỈNH ỦY", SourceSpan.None),
            new(BlockKind.Footnote, "Thân Văn Khoa", SourceSpan.None),
        ];

        var document = _splitter.Split(blocks).Documents.Should().ContainSingle().Subject;

        document.Signers.Should().Equal("Thân Văn Khoa");
        document.Footnotes.Should().BeEmpty();
    }

    [Fact]
    public void Split_WhenWebsiteFramingPrecedesHeader_DropsIt()
    {
        // Menus and a page title before the document are not a news report.
        const string text = """
            Trang chủ

            Văn bản

            Tư liệu văn kiện

            Chỉ thị về đại hội đảng bộ các cấp

            BAN CHẤP HÀNH TRUNG ƯƠNG
            *
            Số 35-CT/TW

            ĐẢNG CỘNG SẢN VIỆT NAM
            Hà Nội, ngày 30 tháng 5 năm 2024

            CHỈ THỊ
            về đại hội đảng bộ các cấp
            """;

        _splitter.Split(Corpus.ReadText(text)).Documents.Should().ContainSingle().Which.Kind.Should().Be("Chỉ thị");
    }

    [Fact]
    public void Split_WhenSignatureTableHasTwoRows_KeepsRecipientsOfBothRows()
    {
        // Row by row, the right cell ("T/M ...") comes between two parts of the "Nơi nhận" list.
        IReadOnlyList<IReadOnlyList<string>> signature =
        [
            ["Nơi nhận:\n- Các tỉnh ủy, thành ủy,", "T/M BAN BÍ THƯ\n(Đã ký)"],
            ["- Lưu Văn phòng Trung ương Đảng.", "Trần Cẩm Tú"],
        ];
        Block[] blocks =
        [
            new(BlockKind.Paragraph, "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 12-QĐ/TW", SourceSpan.None),
            new(BlockKind.Paragraph, "ĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 1 tháng 2 năm 2024", SourceSpan.None),
            new(BlockKind.Paragraph, "QUYẾT ĐỊNH\nvề việc thành lập Ban Chỉ đạo", SourceSpan.None),
            new(BlockKind.Paragraph, "Điều 1. Thành lập Ban Chỉ đạo.", SourceSpan.None),
            new(BlockKind.Table, "signature", SourceSpan.None) { Cells = signature },
        ];

        var document = _splitter.Split(blocks).Documents.Should().ContainSingle().Subject;

        document.Recipients.Should().Equal("Các tỉnh ủy, thành ủy", "Lưu Văn phòng Trung ương Đảng");
        document.Signers.Should().Equal("Trần Cẩm Tú");
        document.Issuer.Should().Be("Ban Bí thư");
        document.Title.Should().Be("về việc thành lập Ban Chỉ đạo");
    }

    [Fact]
    public void Split_WhenTextHasNoHeader_IsNewsArticleWithoutDiagnostics()
    {
        const string text = "Ngày 9-12-2021, Hội nghị cán bộ toàn quốc đã quán triệt Kết luận 21.\nCác địa phương đã ban hành kế hoạch thực hiện.";

        var result = _splitter.Split(Corpus.ReadText(text));

        result.Documents.Should().ContainSingle().Which.Kind.Should().Be("Bài báo");
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Split_WhenDocumentHasNoNumberOrDate_ReportsThem()
    {
        const string text = """
            TỈNH ỦY LONG AN

            ĐẢNG CỘNG SẢN VIỆT NAM

            BÁO CÁO
            tình hình thực hiện nhiệm vụ

            Trong tháng, các cấp ủy đã thực hiện tốt nhiệm vụ.
            """;

        var result = _splitter.Split(Corpus.ReadText(text));

        result.Documents.Should().ContainSingle().Which.Kind.Should().Be("Báo cáo");
        result.Diagnostics.Select(d => d.Code).Should().BeEquivalentTo([DiagnosticCodes.MissingNumber, DiagnosticCodes.MissingDate]);
    }

    [Fact]
    public void Split_WhenTextFileHasHtmlFootnoteMarks_SeparatesFootnotes()
    {
        // A text export keeps "<sup>1</sup>" literally (seed 003 as a .txt read by the text reader).
        Block[] blocks =
        [
            new(BlockKind.Paragraph, "Đất nước ta đối mặt với bốn nguy cơ<sup>1</sup> mà Đảng đã chỉ ra.", SourceSpan.None),
            new(BlockKind.Paragraph, "<sup>1</sup> Nguy cơ tụt hậu xa hơn về kinh tế.", SourceSpan.None),
        ];

        var document = _splitter.Split(blocks).Documents.Should().ContainSingle().Subject;

        document.Preamble.Should().ContainSingle().Which.Text.Should().Be("Đất nước ta đối mặt với bốn nguy cơ mà Đảng đã chỉ ra.");
        document.Footnotes.Should().ContainSingle().Which.Text.Should().Be("Nguy cơ tụt hậu xa hơn về kinh tế.");
    }

    [Fact]
    public void Split_WhenOcrFootnoteInterruptsParagraphAcrossPages_MovesItAndRejoinsParagraph()
    {
        // Scanned seed 003: the page's footnote arrives between the halves of a paragraph split by the page break.
        Block[] blocks =
        [
            new(BlockKind.Paragraph, "Ban Chấp hành Trung ương quyết định đẩy mạnh công tác xây dựng Đảng và yêu cầu các cấp uỷ, tổ chức", new SourceSpan(0, 10, 0, 2)),
            new(BlockKind.Paragraph, "+ Nguy cơ tụt hậu xa hơn về kinh tế.", new SourceSpan(10, 10, 0, 2)),
            new(BlockKind.Paragraph, "đảng tập trung lãnh đạo thực hiện các nhiệm vụ sau.", new SourceSpan(0, 10, 0, 3)),
        ];

        var document = _splitter.Split(blocks).Documents.Should().ContainSingle().Subject;

        document.Preamble.Should().ContainSingle().Which.Text.Should().EndWith("các cấp uỷ, tổ chức đảng tập trung lãnh đạo thực hiện các nhiệm vụ sau.");
        document.Footnotes.Should().ContainSingle().Which.Text.Should().Be("Nguy cơ tụt hậu xa hơn về kinh tế.");
    }

    [Fact]
    public void Split_WhenScannedLabelsAreDamaged_RepairsThemAndReportsInfo()
    {
        // Scanned seed 004: "II-" read as "I-" and "2." read as "2,"; the labels after them confirm the sequence.
        Block[] blocks =
        [
            new(BlockKind.Paragraph, "I- MỤC ĐÍCH, YÊU CẦU", SourceSpan.None),
            new(BlockKind.Paragraph, "Quán triệt sâu sắc nội dung Kết luận.", SourceSpan.None),
            new(BlockKind.Paragraph, "I- NHIỆM VỤ", SourceSpan.None),
            new(BlockKind.Paragraph, "1. Ban Tổ chức Trung ương", SourceSpan.None),
            new(BlockKind.Paragraph, "2, Ban Nội chính Trung ương", SourceSpan.None),
            new(BlockKind.Paragraph, "3. Ban Dân vận Trung ương", SourceSpan.None),
            new(BlockKind.Paragraph, "III- TỔ CHỨC THỰC HIỆN", SourceSpan.None),
        ];

        var result = _splitter.Split(blocks);

        result.Documents.Should().ContainSingle().Which.AllSections().Select(s => s.Id).Should().Equal("I", "II", "II.1", "II.2", "II.3", "III");
        result.Diagnostics.Where(d => d.Code == DiagnosticCodes.SectionLabelRepaired).Select(d => d.Severity).Should().Equal(DiagnosticSeverity.Info, DiagnosticSeverity.Info);
    }

    [Fact]
    public void Split_WhenThereAreNoBlocks_ReportsNoDocument()
    {
        var result = _splitter.Split([]);

        result.Documents.Should().BeEmpty();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.NoDocument);
    }

    [Fact]
    public void Split_WhenLinesAreVeryLong_StaysLinear()
    {
        // A 2 MB line of digits and punctuation must not send any pattern into backtracking.
        var line = string.Concat(Enumerable.Repeat("1.2.3- Số: 4-5/6, ngày 7 tháng 8 năm ", 50_000));
        var result = _splitter.Split([new Block(BlockKind.Paragraph, line, SourceSpan.None)]);

        result.Documents.Should().ContainSingle();
    }

    [Fact]
    public void Split_WhenRunTwice_GivesEqualResults()
    {
        var first = Corpus.Split("004_43a41352d9a36873");
        var second = Corpus.Split("004_43a41352d9a36873");

        second.Documents.Select(Describe).Should().Equal(first.Documents.Select(Describe));

        static string Describe(StructuredDocument d) =>
            $"{d.Kind}|{d.Number}|{d.IssuedOn}|{d.Issuer}|{string.Join(',', d.Signers)}|{string.Join(',', d.AllSections().Select(s => s.Id + ":" + s.Paragraphs.Count))}";
    }
}
