using Ingest.Structure.Sections;

namespace Ingest.Structure.Tests;

public sealed class SectionLabelTests
{
    [Theory]
    // Roman with a hyphen (plans, seed 001/004).
    [InlineData("I- MỤC ĐÍCH, YÊU CẦU", nameof(LabelStyle.Roman), "I", 1, "MỤC ĐÍCH, YÊU CẦU")]
    // Roman with an en dash and spaces.
    [InlineData("IV – NHIỆM VỤ", nameof(LabelStyle.Roman), "IV", 4, "NHIỆM VỤ")]
    // Roman with a full stop.
    [InlineData("II. TỔ CHỨC THỰC HIỆN", nameof(LabelStyle.Roman), "II", 2, "TỔ CHỨC THỰC HIỆN")]
    // Arabic item.
    [InlineData("1. Mở đợt sinh hoạt chính trị", nameof(LabelStyle.Arabic), "1", 1, "Mở đợt sinh hoạt chính trị")]
    // Arabic with a hyphen (real 02).
    [InlineData("2- Đề nghị các đồng chí", nameof(LabelStyle.Arabic), "2", 2, "Đề nghị các đồng chí")]
    // Two-level number; its ordinal is the last component.
    [InlineData("2.1. Tiếp tục đổi mới", nameof(LabelStyle.Dotted), "2.1", 1, "Tiếp tục đổi mới")]
    // Two-level number without the final stop.
    [InlineData("2.3 Tập trung hoàn thiện", nameof(LabelStyle.Dotted), "2.3", 3, "Tập trung hoàn thiện")]
    // Point label.
    [InlineData("a) Biết mà không ngăn chặn", nameof(LabelStyle.Letter), "a", 1, "Biết mà không ngăn chặn")]
    // "đ" comes fifth in Vietnamese point labels.
    [InlineData("đ) Chỉ đạo chỉ xử lý nội bộ", nameof(LabelStyle.Letter), "đ", 5, "Chỉ đạo chỉ xử lý nội bộ")]
    // Article of a Quy định.
    [InlineData("Điều 1. Sửa đổi, bổ sung một số điều", nameof(LabelStyle.Article), "Điều 1", 1, "Sửa đổi, bổ sung một số điều")]
    // Chapter in capitals.
    [InlineData("CHƯƠNG II NHỮNG QUY ĐỊNH CHUNG", nameof(LabelStyle.Chapter), "Chương II", 2, "NHỮNG QUY ĐỊNH CHUNG")]
    // A label alone on its line.
    [InlineData("III-", nameof(LabelStyle.Roman), "III", 3, null)]
    public void Parse_WhenTextStartsWithLabel_ReturnsReading(string text, string style, string printed, int ordinal, string? heading)
    {
        // The first reading is the preferred one ("I-" is also the ninth letter; see the next test).
        var reading = SectionLabel.Parse(text).Should().NotBeEmpty().And.Subject.First();

        reading.Style.Should().Be(Enum.Parse<LabelStyle>(style));
        reading.Printed.Should().Be(printed);
        reading.Ordinal.Should().Be(ordinal);
        reading.Heading.Should().Be(heading);
    }

    [Fact]
    public void Parse_WhenLetterIsAlsoRomanNumeral_ReturnsBothReadings()
    {
        // "C." is the third lettered part or Roman one hundred; the tree builder picks the one that fits.
        var readings = SectionLabel.Parse("C. NỘI DUNG");

        readings.Select(r => (r.Style, r.Ordinal)).Should().BeEquivalentTo([(LabelStyle.Roman, 100), (LabelStyle.UpperLetter, 3)]);
    }

    [Theory]
    // A cited number at the start of a wrapped line (seed 004).
    [InlineData("01-KL/TW, ngày 18/5/2021 của Bộ Chính trị")]
    // A date.
    [InlineData("25/10/2021 là ngày ban hành")]
    // A thousands separator.
    [InlineData("1.000 đảng viên")]
    // A range of years.
    [InlineData("2021-2025 là nhiệm kỳ")]
    // A count without label punctuation.
    [InlineData("5 năm qua")]
    // A letter's subject mark.
    [InlineData("V/v tăng cường chỉ đạo")]
    // A word.
    [InlineData("Vì vậy, cần")]
    // "IIII" is not a canonical Roman numeral.
    [InlineData("IIII. Sai")]
    public void Parse_WhenTextHasNoLabel_ReturnsNothing(string text)
    {
        SectionLabel.Parse(text).Should().BeEmpty();
    }

    [Theory]
    // Next number.
    [InlineData("1. a", "2. b", true)]
    // A skipped number is not "followed by".
    [InlineData("1. a", "3. b", false)]
    // Vietnamese letter order: d, đ.
    [InlineData("d) a", "đ) b", true)]
    // Latin order without đ is accepted too.
    [InlineData("d) a", "e) b", true)]
    // After đ comes e.
    [InlineData("đ) a", "e) b", true)]
    // Roman.
    [InlineData("IV- a", "V- b", true)]
    // Different systems never follow each other.
    [InlineData("1. a", "b) b", false)]
    public void IsFollowedBy_WhenTwoLabelsAreGiven_ChecksSequence(string first, string next, bool expected)
    {
        var a = SectionLabel.Parse(first).First(r => r.Style != LabelStyle.UpperLetter);
        var b = SectionLabel.Parse(next).First(r => r.Style != LabelStyle.UpperLetter);

        a.IsFollowedBy(b).Should().Be(expected);
    }

    [Theory]
    // Dash bullet.
    [InlineData("- Các tỉnh ủy,", "-", "Các tỉnh ủy,")]
    // Plus bullet (second level).
    [InlineData("+ Lưu VT.", "+", "Lưu VT.")]
    // En dash counts as a dash bullet.
    [InlineData("– Như trên", "-", "Như trên")]
    // Round bullet.
    [InlineData("• Mục một", "•", "Mục một")]
    public void TryParse_WhenBulletIsGiven_ReturnsMarkerAndText(string text, string marker, string rest)
    {
        BulletMarker.TryParse(text, out var parsedMarker, out var parsedRest).Should().BeTrue();

        parsedMarker.Should().Be(marker);
        parsedRest.Should().Be(rest);
    }

    [Theory]
    // A negative number.
    [InlineData("-5% so với cùng kỳ")]
    // A hyphenated word.
    [InlineData("kinh tế - xã hội")]
    public void TryParse_WhenTextIsNoBullet_ReturnsFalse(string text)
    {
        BulletMarker.TryParse(text, out _, out _).Should().BeFalse();
    }
}
