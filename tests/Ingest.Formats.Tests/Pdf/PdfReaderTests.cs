using System.Text;
using Ingest.Formats.Docx;
using Ingest.Formats.Ocr;
using Ingest.Formats.Pdf;
using Ingest.Model;

namespace Ingest.Formats.Tests.Pdf;

public sealed class PdfReaderTests
{
    /// <summary>The body paragraphs of layout-pdf-fixture.pdf, repeated four times (see make-pdf-fixture.py).</summary>
    private static readonly string[] FixtureBody =
    [
        "Thực hiện chương trình công tác năm, Ban Thường vụ yêu cầu các cấp ủy, tổ chức đảng tập trung lãnh đạo, chỉ đạo thực hiện tốt các nhiệm vụ trọng tâm sau đây, bảo đảm thiết thực, hiệu quả và đúng tiến độ đề ra.",
        "1. Quán triệt sâu rộng nội dung của văn bản đến toàn thể cán bộ, đảng viên; xây dựng kế hoạch cụ thể, phân công rõ trách nhiệm của từng tổ chức, từng cá nhân trong việc triển khai thực hiện (hoàn thành trong quý I năm 2025).",
        "2. Tăng cường công tác kiểm tra, giám sát việc thực hiện; kịp thời phát hiện, chấn chỉnh những hạn chế, thiếu sót; biểu dương, khen thưởng những tập thể, cá nhân có thành tích tiêu biểu trong quá trình thực hiện nhiệm vụ.",
        "3. Đổi mới nội dung, phương thức tuyên truyền; phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong việc vận động nhân dân tham gia thực hiện, tạo sự đồng thuận cao trong xã hội.",
        "4. Các cơ quan tham mưu, giúp việc cấp ủy theo chức năng, nhiệm vụ được giao chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, theo dõi, đôn đốc việc thực hiện; định kỳ sáu tháng báo cáo kết quả về Ban Thường vụ.",
        "5. Ủy ban Kiểm tra chủ trì, phối hợp với Ban Tổ chức tham mưu việc kiểm tra, giám sát chuyên đề; tổng hợp những vấn đề phát sinh, đề xuất biện pháp xử lý kịp thời, không để tồn đọng kéo dài.",
        "6. Văn phòng theo dõi, tổng hợp tình hình thực hiện; tham mưu sơ kết, tổng kết, rút kinh nghiệm; đề xuất những nội dung cần sửa đổi, bổ sung cho phù hợp với tình hình thực tiễn của địa phương.",
        "Quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về Thường trực để xem xét, giải quyết theo thẩm quyền hoặc báo cáo cấp có thẩm quyền xem xét, quyết định.",
    ];

    private static ReadResult Read(byte[] content, PdfReaderOptions? options = null) =>
        new PdfReader(options ?? new PdfReaderOptions()).Read(new SourceFile("test.pdf", content), CancellationToken.None);

    [Fact]
    public void Read_WhenLibreOfficePdfOfPartyDocument_GivesLetterheadTableParagraphsFootnoteAndNoPageFurniture()
    {
        var result = Read(File.ReadAllBytes(RequiredTools.TestData("layout-pdf-fixture.pdf")));

        result.Failure.Should().BeNull();
        result.Reading!.Pages.Should().Be(3);
        result.Reading.OcrPages.Should().BeEmpty();
        var blocks = result.Blocks;
        blocks[0].Cells.Should().BeEquivalentTo(new[]
        {
            new[] { "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 999-QĐ/TW", "ĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 14 tháng 02 năm 2025" },
        }, o => o.WithStrictOrdering());
        blocks[1].Should().Match<Block>(b => b.Text == "QUY ĐỊNH" && b.Style == (BlockStyle.Bold | BlockStyle.Centered));
        blocks[2].Text.Should().Be("VỀ VIỆC THỰC HIỆN THỬ NGHIỆM CÁC NHIỆM VỤ TRỌNG TÂM CỦA CẤP ỦY, TỔ CHỨC ĐẢNG TRONG NĂM 2025");
        var body = blocks.Skip(3).Take(FixtureBody.Length * 4).Select(b => b.Text);
        body.Should().Equal(Enumerable.Repeat(FixtureBody, 4).SelectMany(p => p));
        blocks[^2].Cells.Should().BeEquivalentTo(new[]
        {
            new[] { "Nơi nhận:\n- Các tỉnh ủy, thành ủy,\n- Lưu Văn phòng.", "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn A" },
        }, o => o.WithStrictOrdering());
        blocks[^1].Should().Match<Block>(b => b.Kind == BlockKind.Footnote && b.Text == "Theo Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương Đảng." && b.Span.Page == 1);
        blocks.Should().HaveCount(3 + (FixtureBody.Length * 4) + 2);
        blocks.Should().NotContain(b => b.Text.Contains("THUNGHIEM", StringComparison.Ordinal));
        blocks[^2].Span.Page.Should().Be(3);
    }

    [Fact]
    public void Read_WhenPdfWasMadeFromDocx_GivesTheSameBlockTextsAsTheDocx()
    {
        var pdf = Read(File.ReadAllBytes(RequiredTools.TestData("04-qd-264-qdtw-2025.libreoffice.pdf")));
        var docx = new DocxReader().Read(new SourceFile("04.docx", File.ReadAllBytes(RequiredTools.TestData("04-qd-264-qdtw-2025.docx"))), CancellationToken.None);

        // Texts, not kinds: Word styles name headings that a PDF shows only by type and position.
        pdf.Blocks.Select(b => b.Text).Should().Equal(docx.Blocks.Select(b => b.Text));
    }

    /// <summary>A committed PDF rendition of a seed document (corpus/renditions/pdf), found through the repository root the build records.</summary>
    private static string Rendition(string name)
    {
        var root = typeof(PdfReaderTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "IngestRepositoryRoot").Value!;
        return Path.Combine(root, "corpus", "renditions", "pdf", name);
    }

    [Theory]
    // A short centred kind line keeps its break before the centred subject below it.
    [InlineData("001_3c65a1fe10e1c98c.pdf", "CỦA BỘ CHÍNH TRỊ")]
    // A bold numbered heading whose label is regular type joins its bold continuation line.
    [InlineData("004_43a41352d9a36873.pdf", "3. Ban cán sự đảng Toà án nhân dân tối cao và Ban cán sự đảng Viện Kiểm sát nhân dân tối cao")]
    // A letterhead whose right column holds only the date: the left column's text is a block of its own ...
    [InlineData("004_43a41352d9a36873.pdf", "TỈNH ỦY LONG AN")]
    // ... and so is the date line.
    [InlineData("004_43a41352d9a36873.pdf", "Long An, ngày 09 tháng 12 năm 2021")]
    public void Read_WhenLibreOfficeRenditionOfSeed_GivesTheLineAsPrinted(string file, string expectedLine)
    {
        var lines = Read(File.ReadAllBytes(Rendition(file))).Blocks.SelectMany(b => b.Text.Split('\n'));

        lines.Should().Contain(expectedLine);
    }

    [Fact]
    public void Read_WhenAPageHasOnlyARunningHeaderAndNoImage_DoesNotSendItToOcr()
    {
        // Page 17 of this rendition holds only "Kế hoạch số 03-KH/TW" and its page number.
        var result = Read(File.ReadAllBytes(Rendition("004_43a41352d9a36873.pdf")));

        result.Reading!.OcrPages.Should().BeEmpty();
        result.Reading.Pages.Should().Be(18);
    }

    [Theory]
    // Not a PDF body at all after the header.
    [InlineData("%PDF-1.4\nthis is not a pdf at all")]
    // A header and a truncated object.
    [InlineData("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n")]
    public void Read_WhenPdfIsDamaged_FailsAsCorruptWithoutThrowing(string content)
    {
        Read(Encoding.ASCII.GetBytes(content)).Failure!.Code.Should().Be(DiagnosticCodes.Corrupt);
    }

    [Fact]
    public void Read_WhenPdfIsEncryptedWithUnknownPassword_FailsAsEncrypted()
    {
        Read(EncryptedPdf()).Failure!.Code.Should().Be(DiagnosticCodes.Encrypted);
    }

    [Fact]
    public void Read_WhenPagesNeedOcrAndTesseractIsMissing_FailsWithInstallHintAndRecordsPages()
    {
        var options = new PdfReaderOptions { Ocr = new OcrOptions { TesseractPath = "/nonexistent/tesseract" } };

        var result = Read(File.ReadAllBytes(RequiredTools.TestData("scanned-pdf-fixture.pdf")), options);

        result.Failure!.Code.Should().Be(DiagnosticCodes.OcrUnavailable);
        result.Failure.Message.Should().Contain("apt-get install tesseract-ocr tesseract-ocr-vie");
        result.Reading!.Pages.Should().Be(1);
        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.OcrUnavailable);
    }

    [Fact]
    public void Read_WhenPageIsScanned_RecognisesItWithTesseractAndRecordsOcrPages()
    {
        RequiredTools.Require("tesseract", "tesseract-ocr tesseract-ocr-vie");
        RequiredTools.Require("pdftoppm", "poppler-utils");
        var cache = Path.Combine(Path.GetTempPath(), "ingest-ocr-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new PdfReaderOptions { Ocr = new OcrOptions { CacheDirectory = cache } };
            var content = File.ReadAllBytes(RequiredTools.TestData("scanned-pdf-fixture.pdf"));

            var first = Read(content, options);
            var second = Read(content, options);

            first.Failure.Should().BeNull();
            first.Reading!.OcrPages.Should().Equal(1);
            first.Reading.OcrMeanConfidence.Should().BeGreaterThan(80);
            var text = string.Join("\n", first.Blocks.Select(b => b.Text));
            text.Should().Contain("Số 999-QĐ/TW").And.Contain("Ban Thường vụ yêu cầu các cấp ủy");
            first.Blocks.Should().Contain(b => b.Kind == BlockKind.Table && b.Text.Contains("Hà Nội, ngày 14 tháng 02 năm 2025", StringComparison.Ordinal));
            Directory.GetFiles(cache, "*.tsv").Should().ContainSingle("the page was recognised once and cached");
            second.Blocks.Select(b => b.Text).Should().Equal(first.Blocks.Select(b => b.Text));
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    /// <summary>A one-page PDF whose trailer names a Standard security handler with a user password nobody knows.</summary>
    private static byte[] EncryptedPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            "<< /Filter /Standard /V 1 /R 2 /O <" + new string('a', 64) + "> /U <" + new string('b', 64) + "> /P -4 >>",
        };
        var builder = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(builder.Length);
            builder.Append(FormattableString.Invariant($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = builder.Length;
        builder.Append(FormattableString.Invariant($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            builder.Append(FormattableString.Invariant($"{offset:D10} 00000 n \n"));
        }

        builder.Append(FormattableString.Invariant($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{new string('1', 32)}> <{new string('1', 32)}>] >>\nstartxref\n{xref}\n%%EOF\n"));
        return Encoding.ASCII.GetBytes(builder.ToString());
    }
}
