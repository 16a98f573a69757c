using Ingest.Extract.Citations;

namespace Ingest.Extract.Tests.Citations;

public sealed class DocumentSymbolsTests
{
    [Theory]
    [InlineData("19-KL/TW", "19-KL/TW")] // party style (GOLD.md)
    [InlineData("52-KH/BTCTW", "52-KH/BTCTW")] // long issuer code
    [InlineData("738-CV/HU", "738-CV/HU")] // district committee
    [InlineData("01-HD/BPTT", "01-HD/BPTT")] // unusual issuer code (real file 02)
    [InlineData("Số: 03-KH/TW", "03-KH/TW")] // header line with "Số:"
    [InlineData("Số 368-CV/BPTT", "368-CV/BPTT")] // header line without colon
    [InlineData("03 - KH / TW", "03-KH/TW")] // OCR spaces around separators
    [InlineData("03–KH/TW", "03-KH/TW")] // en dash
    [InlineData("03-kh/tw", "03-KH/TW")] // OCR lower case
    [InlineData("217-QÐ/TW", "217-QĐ/TW")] // U+00D0 eth for Đ
    [InlineData("08-QĐi/TW", "08-QĐi/TW")] // the "QĐi" spelling of Quy định keeps its case
    [InlineData("45-CV/VPTW/nb", "45-CV/VPTW/NB")] // sub-code
    [InlineData("1847/QĐ-TTg", "1847/QĐ-TTg")] // state style as printed
    [InlineData("1847 / QÐ - TTg", "1847/QĐ-TTg")] // state style with OCR slips
    [InlineData("1847/qđ-ttg", "1847/QĐ-TTg")] // lower case restored to the conventional spelling
    [InlineData("15/2023/NĐ-CP", "15/2023/NĐ-CP")] // state style with year
    [InlineData("01/2015/TTLT-BTC-BNV", "01/2015/TTLT-BTC-BNV")] // joint circular, two issuers
    [InlineData("55/2019/QH14", "55/2019/QH14")] // act of the National Assembly
    [InlineData("Số: 123/UBND-NC", "123/UBND-NC")] // unknown code accepted when it is the whole number line
    public void TryParse_WhenSymbolPrinted_ReturnsCanonicalId(string printed, string expected)
    {
        DocumentSymbols.TryParse(printed, out var id).Should().BeTrue();
        id.Should().Be(expected);
    }

    [Theory]
    [InlineData("12/2021")] // a month
    [InlineData("2021-2025")] // a span of years
    [InlineData("ngày 1-12-2021")] // a date with dashes
    [InlineData("18.QDTW331.DOC")] // running file header of real file 01
    [InlineData("Covid-19")] // a name with digits
    [InlineData("Điện thoại: 0243.823.1234")] // a phone number
    [InlineData("K/T CHÁNH VĂN PHÒNG")] // signature formula
    [InlineData("TUHANoi/DCSAVN@TUHANoi7")] // e-signature stamp
    [InlineData("kinh tế - xã hội")] // dash between words
    [InlineData("Hà Nội, 123/UBND-NC được gửi")] // unknown state-shaped code inside other text
    [InlineData("5 - ab/cd")] // lower-case unknown party code is not a symbol
    [InlineData("")] // nothing
    public void TryParse_WhenNoSymbol_ReturnsFalse(string printed)
    {
        DocumentSymbols.TryParse(printed, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("19-KL/TW", "Kết luận")] // KL
    [InlineData("18-NQ/TW", "Nghị quyết")] // NQ
    [InlineData("27-CT/TW", "Chỉ thị")] // CT
    [InlineData("03-KH/TW", "Kế hoạch")] // KH
    [InlineData("10-HD/BTCTU", "Hướng dẫn")] // HD
    [InlineData("12-TB/TW", "Thông báo")] // TB
    [InlineData("738-CV/HU", "Công văn")] // CV
    [InlineData("45-BC/TW", "Báo cáo")] // BC
    [InlineData("130-BS/VPQU", "Sao lục")] // copy notice ("bản sao")
    [InlineData("08-QĐi/TW", "Quy định")] // QĐi
    [InlineData("217-QĐ/TW", null)] // party QĐ is Quy định or Quyết định
    [InlineData("1847/QĐ-TTg", "Quyết định")] // state QĐ is always Quyết định
    [InlineData("15/2023/NĐ-CP", "Nghị định")] // NĐ
    [InlineData("01/2015/TTLT-BTC-BNV", "Thông tư liên tịch")] // TTLT
    [InlineData("55/2019/QH14", null)] // law or resolution
    [InlineData("5-XYZ/TW", null)] // unknown code
    public void KindOfSymbol_WhenCanonicalId_ReturnsImpliedKind(string id, string? kind)
    {
        DocumentSymbols.KindOfSymbol(id).Should().Be(kind);
    }
}
