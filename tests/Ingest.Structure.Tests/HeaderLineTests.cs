using Ingest.Structure.Header;

namespace Ingest.Structure.Tests;

public sealed class HeaderLineTests
{
    public static TheoryData<string, string?, string?> DateLines() => new()
    {
        // The usual date line of a party document.
        { "Hà Nội, ngày 01 tháng 12 năm 2021", "2021-12-01", "Hà Nội" },
        // A district as the place, single-digit day and month.
        { "Ba Đình, ngày 8 tháng 1 năm 2021", "2021-01-08", "Ba Đình" },
        // No place printed.
        { "ngày 25 tháng 10 năm 2021", "2021-10-25", null },
        // A place with a dot (abbreviated "Thành phố").
        { "TP. Hồ Chí Minh, ngày 02 tháng 9 năm 2023", "2023-09-02", "TP. Hồ Chí Minh" },
        // OCR read the digit 1 as the letter l.
        { "Hà Nội, ngày l8 tháng 6 năm 2025", "2025-06-18", "Hà Nội" },
        // The place in another tone style is put in canonical style (gold writes ủy, hóa).
        { "Thanh Hoá, ngày 3 tháng 2 năm 2022", "2022-02-03", "Thanh Hóa" },
        // A date inside running text is not the header's date line.
        { "Hội nghị ngày 9 tháng 12 năm 2021 đã thống nhất", null, null },
        // The date in figures (web renditions).
        { "Hà Nội, ngày 01/12/2021", "2021-12-01", "Hà Nội" },
        // 31 February does not exist.
        { "Hà Nội, ngày 31 tháng 2 năm 2021", null, null },
        // The e-signature stamp's date is transmission metadata.
        { "Ngày ký: 05.11.2021 15:00:30", null, null },
    };

    [Theory]
    [MemberData(nameof(DateLines))]
    public void TryParseDate_WhenLineIsGiven_ReadsDateAndPlace(string line, string? expectedDate, string? expectedPlace)
    {
        var parsed = HeaderLine.TryParseDate(line, out var date, out var place);

        parsed.Should().Be(expectedDate is not null);
        if (expectedDate is not null)
        {
            date.Should().Be(DateOnly.Parse(expectedDate, System.Globalization.CultureInfo.InvariantCulture));
            place.Should().Be(expectedPlace);
        }
    }

    [Theory]
    // Colon form, the most common.
    [InlineData("Số: 03-KH/TW", "03-KH/TW")]
    // No colon (seed 003, 004).
    [InlineData("Số 116-BS/VPTU", "116-BS/VPTU")]
    // Spaces inside the symbol are removed.
    [InlineData("Số: 03 - KH/TW", "03-KH/TW")]
    // A party symbol is upper-cased with Đ kept.
    [InlineData("Số 264-qđ/tw", "264-QĐ/TW")]
    // A mixed-case party symbol is upper-cased too (GOLD.md: upper-case symbol).
    [InlineData("SỐ: 12-CTr/TU", "12-CTR/TU")]
    // OCR read "Số" as "Sô".
    [InlineData("Sô 331-QĐ/TW", "331-QĐ/TW")]
    // A state symbol keeps its case.
    [InlineData("Số: 1847/QĐ-TTg", "1847/QĐ-TTg")]
    // The site metadata label "Số hiệu" is not a number line.
    [InlineData("Số hiệu 03-KH/TW", null)]
    // A count is not a number line.
    [InlineData("Số 15 người tham dự", null)]
    // A blank number (draft) has no symbol to read.
    [InlineData("Số:    -KH/TU", null)]
    public void TryParseLine_WhenNumberLineIsGiven_ReturnsCanonicalNumber(string line, string? expected)
    {
        var parsed = DocumentNumber.TryParseLine(line, out var number, out _);

        parsed.Should().Be(expected is not null);
        if (expected is not null)
        {
            number.Should().Be(expected);
        }
    }

    [Theory]
    // A bare kind line.
    [InlineData("KẾ HOẠCH", "Kế hoạch", "")]
    // The issuer on the kind line (seed 001 prints it on the next line, others on the same).
    [InlineData("KẾ HOẠCH CỦA BỘ CHÍNH TRỊ", "Kế hoạch", "CỦA BỘ CHÍNH TRỊ")]
    // A copy notice.
    [InlineData("SAO LỤC", "Sao lục", "")]
    // The longest kind wins over its prefix.
    [InlineData("SAO Y BẢN CHÍNH", "Sao y bản chính", "")]
    // OCR dropped a mark ("QUYÉT" for "QUYẾT"); matching ignores marks.
    [InlineData("QUYÉT ĐỊNH", "Quyết định", "")]
    // Quy định and Quyết định are different kinds.
    [InlineData("QUY ĐỊNH", "Quy định", "")]
    // A subject after the kind on the same line.
    [InlineData("NGHỊ QUYẾT VỀ CÔNG TÁC CÁN BỘ", "Nghị quyết", "VỀ CÔNG TÁC CÁN BỘ")]
    // A reader joined the centred kind and subject lines (real 01): kind in capitals, subject in lower case.
    [InlineData("QUY TRÌNH giám sát tổ chức đảng cấp dưới", "Quy trình", "giám sát tổ chức đảng cấp dưới")]
    public void TryParseKind_WhenKindLineIsGiven_ReturnsKindAndRest(string line, string expectedKind, string expectedRest)
    {
        HeaderLine.TryParseKind(line, out var kind, out var rest).Should().BeTrue();

        kind.Name.Should().Be(expectedKind);
        rest.Should().Be(expectedRest);
    }

    [Theory]
    // Kind lines are printed in capitals; running text that starts with the word is not one.
    [InlineData("Kế hoạch này được phổ biến đến chi bộ.")]
    // "THƯỜNG TRỰC" starts with the letters of no kind word.
    [InlineData("THƯỜNG TRỰC TỈNH ỦY")]
    // A letterhead line.
    [InlineData("BAN CHẤP HÀNH TRUNG ƯƠNG")]
    // A kind word in capitals followed by a capitalised sentence is running text, not a kind line.
    [InlineData("KẾ HOẠCH Này được ban hành")]
    public void TryParseKind_WhenLineIsNoKindLine_ReturnsFalse(string line)
    {
        HeaderLine.TryParseKind(line, out _, out _).Should().BeFalse();
    }

    [Theory]
    // Seed 003: letterhead and party name collapsed on one line.
    [InlineData("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM", new[] { nameof(HeaderFactKind.Letterhead), nameof(HeaderFactKind.Motto) })]
    // Seed 004: OCR "CÔNG" for "CỘNG" still reads as the party name.
    [InlineData("ĐẢNG CÔNG SẢN VIỆT NAM", new[] { nameof(HeaderFactKind.Motto) })]
    // A decoration printed on the date line of a flattened two-column header.
    [InlineData("* Hà Nội, ngày 01 tháng 12 năm 2021", new[] { nameof(HeaderFactKind.Separator), nameof(HeaderFactKind.Date) })]
    // A two-column header row flattened: number, then date.
    [InlineData("Số 264-QĐ/TW Hà Nội, ngày 14 tháng 02 năm 2025", new[] { nameof(HeaderFactKind.Number), nameof(HeaderFactKind.Date) })]
    // The "*" under the letterhead.
    [InlineData("*", new[] { nameof(HeaderFactKind.Separator) })]
    // Secrecy marks are header furniture.
    [InlineData("MẬT", new[] { nameof(HeaderFactKind.Mark) })]
    // A sub-unit line of a letterhead.
    [InlineData("VĂN PHÒNG", new[] { nameof(HeaderFactKind.Letterhead) })]
    public void Parse_WhenHeaderLineIsGiven_ReturnsItsFacts(string line, string[] expected)
    {
        HeaderLine.Parse(line).Should().NotBeNull().And.Subject.Select(f => f.Kind.ToString()).Should().Equal(expected);
    }

    [Theory]
    // Body text is no header line.
    [InlineData("Thường trực Huyện ủy sao gửi đến các đồng chí Kế hoạch số 03-KL/TW.")]
    // A letterhead followed by body text is not a header line as a whole.
    [InlineData("BAN CHẤP HÀNH TRUNG ƯƠNG yêu cầu các cấp ủy")]
    public void Parse_WhenLineIsBodyText_ReturnsNull(string line)
    {
        HeaderLine.Parse(line).Should().BeNull();
    }

    [Theory]
    // On behalf of a body (thay mặt).
    [InlineData("T/M BỘ CHÍNH TRỊ", "BỘ CHÍNH TRỊ", true)]
    // The abbreviated form with a dot, used by provincial committees.
    [InlineData("TM. BAN THƯỜNG VỤ", "BAN THƯỜNG VỤ", true)]
    // By order of a body (thừa lệnh).
    [InlineData("T/L BAN BÍ THƯ", "BAN BÍ THƯ", true)]
    // For a position (ký thay): no body.
    [InlineData("K/T CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG", false)]
    // OCR put a speck before the marker (real 01).
    [InlineData("_T/M BAN BÍ THƯ", "BAN BÍ THƯ", true)]
    public void TryParseAuthority_WhenSignatureLineIsGiven_ReturnsBody(string line, string expectedRest, bool expectedNamesBody)
    {
        HeaderLine.TryParseAuthority(line, out var rest, out var namesBody).Should().BeTrue();

        rest.Should().Be(expectedRest);
        namesBody.Should().Be(expectedNamesBody);
    }

    [Theory]
    // Running text that starts with "TM" is no authority line.
    [InlineData("TMĐT phát triển")]
    // The rest must be in capitals.
    [InlineData("T/M ban thường vụ")]
    public void TryParseAuthority_WhenLineIsNoSignature_ReturnsFalse(string line)
    {
        HeaderLine.TryParseAuthority(line, out _, out _).Should().BeFalse();
    }

    [Theory]
    // A name in title case.
    [InlineData("Võ Văn Thường", "Võ Văn Thường")]
    // Four syllables.
    [InlineData("Nguyễn Thị Thu Thủy", "Nguyễn Thị Thu Thủy")]
    // A name in capitals with a known family name is returned in title case.
    [InlineData("NGUYỄN PHÚ TRỌNG", "Nguyễn Phú Trọng")]
    // An academic title before the name is dropped.
    [InlineData("TS. Lê Thị Kim Út", "Lê Thị Kim Út")]
    // A recipients entry is not a name.
    [InlineData("Như trên", null)]
    // An abbreviation.
    [InlineData("Lưu VT", null)]
    // A position line.
    [InlineData("TỔNG BÍ THƯ", null)]
    // A body name in capitals.
    [InlineData("BỘ CHÍNH TRỊ", null)]
    public void TryParsePersonName_WhenLineIsGiven_RecognisesNames(string line, string? expected)
    {
        var parsed = HeaderLine.TryParsePersonName(line, requireSurname: false, out var name);

        parsed.Should().Be(expected is not null);
        if (expected is not null)
        {
            name.Should().Be(expected);
        }
    }

    [Theory]
    // Seed 003: the signed copy's mark with the name.
    [InlineData("Đã ký: Nguyễn Phú Trọng", "Nguyễn Phú Trọng")]
    // The mark alone; the name follows on the next line.
    [InlineData("(Đã ký)", "")]
    // In capitals.
    [InlineData("ĐÃ KÝ", "")]
    public void TryParseSignedMark_WhenMarkIsGiven_ReturnsName(string line, string expected)
    {
        HeaderLine.TryParseSignedMark(line, out var name).Should().BeTrue();

        name.Should().Be(expected);
    }

    [Theory]
    // The salutation of a letter, with its first entry on the same line (seed 004).
    [InlineData("Kính gửi: - Các đồng chí Huyện ủy viên,", true, "- Các đồng chí Huyện ủy viên,")]
    // The distribution list.
    [InlineData("Nơi nhận:", false, "")]
    // In capitals.
    [InlineData("NƠI NHẬN:", false, "")]
    public void TryParseRecipientsIntro_WhenIntroIsGiven_ReturnsKindAndRest(string line, bool expectedSalutation, string expectedRest)
    {
        HeaderLine.TryParseRecipientsIntro(line, out var isSalutation, out var rest).Should().BeTrue();

        isSalutation.Should().Be(expectedSalutation);
        rest.Should().Be(expectedRest);
    }

    [Theory]
    // The note under an attached procedure's title (real 01), number and issuer.
    [InlineData("(Kèm theo Quyết định số 331-QĐ/TW, ngày 18/6/2025 của Ban Bí thư)", "331-QĐ/TW", "Ban Bí thư")]
    // "Ban hành kèm theo" and no issuer printed.
    [InlineData("(Ban hành kèm theo Quy định số 22-QĐ/TW)", "22-QĐ/TW", null)]
    public void TryParseAttachmentNote_WhenNoteIsGiven_ReturnsParent(string line, string expectedNumber, string? expectedIssuer)
    {
        HeaderLine.TryParseAttachmentNote(line, out var number, out var issuer).Should().BeTrue();

        number.Should().Be(expectedNumber);
        issuer.Should().Be(expectedIssuer);
    }

    [Theory]
    // Lines of a website's metadata block (seed 001).
    [InlineData("Số hiệu 03-KH/TW", "Số hiệu", "03-KH/TW")]
    [InlineData("Người ký Võ Văn Thưởng", "Người ký", "Võ Văn Thưởng")]
    // With a colon.
    [InlineData("Ngày ban hành: 01/12/2021", "Ngày ban hành", "01/12/2021")]
    public void TryParseSiteMetadata_WhenLineIsGiven_ReturnsLabelAndValue(string line, string expectedLabel, string expectedValue)
    {
        HeaderLine.TryParseSiteMetadata(line, out var label, out var value).Should().BeTrue();

        label.Should().Be(expectedLabel);
        value.Should().Be(expectedValue);
    }
}
