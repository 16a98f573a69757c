using Ingest.Extract.Bodies;

namespace Ingest.Extract.Tests.Bodies;

public sealed class BodyNamesTests
{
    [Theory]
    // Tone placement is normalised to the gold style.
    [InlineData("Uỷ ban Kiểm tra Trung ương", "Ủy ban Kiểm tra Trung ương")]
    // "Toà" becomes "Tòa".
    [InlineData("Ban cán sự đảng Toà án nhân dân tối cao", "Ban cán sự đảng Tòa án nhân dân tối cao")]
    // A sentence-initial plural article is lower-cased.
    [InlineData("Các cấp uỷ", "các cấp ủy")]
    // The honorific is dropped; the governed list stays one name.
    [InlineData("Các đồng chí bí thư tỉnh uỷ, thành uỷ", "bí thư tỉnh ủy, thành ủy")]
    // Spaces and line breaks collapse; trailing punctuation goes.
    [InlineData("  Ban Tổ chức\n Trung ương, ", "Ban Tổ chức Trung ương")]
    // Proper names keep their capitals.
    [InlineData("Bộ Chính trị", "Bộ Chính trị")]
    public void Canonical_WhenNameIsPrinted_ReturnsGoldForm(string printed, string expected)
    {
        BodyNames.Canonical(printed).Should().Be(expected);
    }

    [Theory]
    // Tone style and case.
    [InlineData("Đảng uỷ Công an Trung ương", "đảng ủy công an trung ương", true)]
    // Different bodies.
    [InlineData("Ban Tổ chức Trung ương", "Ban Tuyên giáo Trung ương", false)]
    public void SameName_ComparesIgnoringToneStyleAndCase(string left, string right, bool expected)
    {
        BodyNames.SameName(left, right).Should().Be(expected);
    }
}
