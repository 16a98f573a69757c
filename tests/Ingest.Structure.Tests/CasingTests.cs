using Ingest.Structure.Header;
using Ingest.Structure.Text;

namespace Ingest.Structure.Tests;

public sealed class CasingTests
{
    [Theory]
    // The Politburo.
    [InlineData("BỘ CHÍNH TRỊ", "Bộ Chính trị")]
    // The Central Committee, with "Đảng".
    [InlineData("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG", "Ban Chấp hành Trung ương Đảng")]
    // A provincial committee: the place after "Tỉnh ủy" is capitalised syllable by syllable.
    [InlineData("TỈNH ỦY LONG AN", "Tỉnh ủy Long An")]
    // Tone style is made canonical (uỷ → ủy).
    [InlineData("HUYỆN UỶ THỦ THỪA", "Huyện ủy Thủ Thừa")]
    // An administrative word before the place stays lower case.
    [InlineData("ĐẢNG BỘ TỈNH LONG AN", "Đảng bộ tỉnh Long An")]
    // Secretariat.
    [InlineData("BAN BÍ THƯ", "Ban Bí thư")]
    // A hyphenated province: both halves of the place are capitalised.
    [InlineData("TỈNH ỦY BÀ RỊA - VŨNG TÀU", "Tỉnh ủy Bà Rịa - Vũng Tàu")]
    // A party delegation of a state body.
    [InlineData("ĐẢNG ĐOÀN QUỐC HỘI", "Đảng đoàn Quốc hội")]
    // A bloc party committee ("Khối" is part of the name).
    [InlineData("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "Đảng ủy Khối các cơ quan Trung ương")]
    // A central board.
    [InlineData("ỦY BAN KIỂM TRA TRUNG ƯƠNG", "Ủy ban Kiểm tra Trung ương")]
    // A standing committee of a province.
    [InlineData("BAN THƯỜNG VỤ TỈNH ỦY BẮC GIANG", "Ban Thường vụ Tỉnh ủy Bắc Giang")]
    // A term in brackets keeps its Roman numeral; a resolution named by its code is a proper name.
    [InlineData("BỘ PHẬN THƯỜNG TRỰC CHỈ ĐẠO THỰC HIỆN NGHỊ QUYẾT TW4 (KHÓA XI)", "Bộ phận Thường trực chỉ đạo thực hiện Nghị quyết TW4 (khóa XI)")]
    public void ToName_WhenNameIsInCapitals_RestoresCase(string printed, string expected)
    {
        NameCasing.ToName(printed).Should().Be(expected);
    }

    [Theory]
    // Seed 001's subject: a cited document keeps its capital, "Đảng" is a proper noun, "đảng viên" is not, the term is Roman.
    [InlineData(
        "THỰC HIỆN KẾT LUẬN SỐ 21-KL/TW CỦA BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII VỀ ĐẨY MẠNH XÂY DỰNG, CHỈNH ĐỐN ĐẢNG; XỬ LÝ NGHIÊM CÁN BỘ, ĐẢNG VIÊN",
        "thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng; xử lý nghiêm cán bộ, đảng viên")]
    // Real 03: a cited regulation with its date.
    [InlineData(
        "VỀ SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH SỐ 69-QĐ/TW, NGÀY 06/7/2022 CỦA BỘ CHÍNH TRỊ",
        "về sửa đổi, bổ sung một số điều của Quy định số 69-QĐ/TW, ngày 06/7/2022 của Bộ Chính trị")]
    // A document type issued by the document is named ("ban hành Quy trình").
    [InlineData("BAN HÀNH QUY TRÌNH MẪU KIỂM TRA", "ban hành Quy trình mẫu kiểm tra")]
    // "VI" in "VI PHẠM" is a word, not a Roman numeral.
    [InlineData("XỬ LÝ VI PHẠM", "xử lý vi phạm")]
    // A generic "quy định" is not a document name.
    [InlineData("CÁC QUY ĐỊNH VỀ TRÁCH NHIỆM", "các quy định về trách nhiệm")]
    // "cán bộ" protects "bộ chính trị" from being read as the Politburo.
    [InlineData("CÁN BỘ CHÍNH TRỊ", "cán bộ chính trị")]
    public void ToSentence_WhenSubjectIsInCapitals_RestoresSentenceCase(string printed, string expected)
    {
        NameCasing.ToSentence(printed).Should().Be(expected);
    }

    [Theory]
    // Only a central body on the letterhead (real 03): the Central Committee of the Party (gold 003).
    [InlineData(new[] { "BAN CHẤP HÀNH TRUNG ƯƠNG" }, "Ban Chấp hành Trung ương Đảng")]
    // A district committee under its provincial party organisation (seed 004 cover letter).
    [InlineData(new[] { "ĐẢNG BỘ TỈNH LONG AN", "HUYỆN ỦY THỦ THỪA" }, "Huyện ủy Thủ Thừa")]
    // An office under its committee (seed 004 copy notice): sub-unit + parent.
    [InlineData(new[] { "TỈNH ỦY LONG AN", "VĂN PHÒNG" }, "Văn phòng Tỉnh ủy Long An")]
    // A long unit wrapped over two lines joins its committee with a comma (real 02).
    [InlineData(new[] { "TỈNH ỦY BẮC GIANG", "BỘ PHẬN THƯỜNG TRỰC CHỈ ĐẠO", "THỰC HIỆN NGHỊ QUYẾT TW4 (KHÓA XI)" }, "Bộ phận Thường trực chỉ đạo thực hiện Nghị quyết TW4 (khóa XI), Tỉnh ủy Bắc Giang")]
    // A central board under the Central Committee is "... Trung ương".
    [InlineData(new[] { "BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC" }, "Ban Tổ chức Trung ương")]
    // The central office has "Đảng" in its name.
    [InlineData(new[] { "BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG" }, "Văn phòng Trung ương Đảng")]
    // A self-contained body on the second line needs no parent.
    [InlineData(new[] { "ĐẢNG BỘ HUYỆN THỦ THỪA", "ĐẢNG ỦY XÃ AN THẠNH" }, "Đảng ủy xã An Thạnh")]
    public void FromLetterhead_WhenLinesAreGiven_ReturnsIssuer(string[] lines, string expected)
    {
        IssuerNames.FromLetterhead(lines).Should().Be(expected);
    }

    [Theory]
    // The term is dropped from the issuer (gold 003: "Ban Chấp hành Trung ương Đảng").
    [InlineData("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XIII", "Ban Chấp hành Trung ương Đảng")]
    // The plenum is dropped too.
    [InlineData("HỘI NGHỊ LẦN THỨ TƯ BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XIII", "Ban Chấp hành Trung ương Đảng")]
    // Mixed case is kept, tones made canonical.
    [InlineData("Ban Bí thư", "Ban Bí thư")]
    public void Canonical_WhenBodyIsPrinted_ReturnsCanonicalName(string printed, string expected)
    {
        IssuerNames.Canonical(printed).Should().Be(expected);
    }

    [Theory]
    // "T/M BAN THƯỜNG VỤ" signs for the letterhead's committee.
    [InlineData("BAN THƯỜNG VỤ", "Tỉnh ủy Long An", "Ban Thường vụ Tỉnh ủy Long An")]
    // A central body names itself.
    [InlineData("BỘ CHÍNH TRỊ", "Ban Chấp hành Trung ương Đảng", "Bộ Chính trị")]
    // "T/M TỈNH ỦY" is the letterhead's committee, named in full there.
    [InlineData("TỈNH ỦY", "Tỉnh ủy Long An", "Tỉnh ủy Long An")]
    public void FromAuthority_WhenSignatureNamesBody_ReturnsIssuer(string body, string letterhead, string expected)
    {
        IssuerNames.FromAuthority(body, letterhead).Should().Be(expected);
    }
}
